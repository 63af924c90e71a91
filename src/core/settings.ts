/**
 * mesh's user defaults (`mesh x config`, after istioctl's): a flat YAML file of `key: value` lines, each key the
 * default of a global flag, overridable by a `MESH_<KEY>` environment variable; a flag on the command line wins
 * over both. Pure: the file's text and the environment come in, values and where each came from go out.
 */
import jsyaml from 'js-yaml';
import { InputError, UsageError } from '../errors.js';
import { isMap } from './tree.js';
import { SETTINGS, type SettingSpec } from './settings-keys.js';

export { SETTINGS, type SettingSpec } from './settings-keys.js';

/**
 * istioctl's `x config` keys that mesh has no flag for: mesh reaches istiod through port-forwards of the API server,
 * never over a direct XDS connection, so these would change nothing. Named so that a user who copies their
 * istioctl settings learns why.
 */
const ISTIOCTL_ONLY = ['authority', 'cert-dir', 'insecure', 'plaintext', 'prefer-experimental', 'xds-address', 'xds-port'];

/** A setting's value and where it came from: `$MESH_X`, the file's path, or `default`. */
export interface ResolvedSetting {
  key: string;
  value: string;
  from: string;
}

/** The spec of `key`, or a usage error naming the keys there are. */
export function settingSpec(key: string): SettingSpec {
  const spec = SETTINGS.find((s) => s.key === key);
  if (spec) return spec;
  if (ISTIOCTL_ONLY.includes(key)) {
    throw new UsageError(`"${key}" is an istioctl setting mesh has no use for (mesh reaches istiod through the API server, not over XDS)`);
  }
  throw new UsageError(`unknown setting "${key}" (settings: ${SETTINGS.map((s) => s.key).join(', ')})`);
}

/** The file's `key: value` pairs (values as text). An unreadable file or a key mesh does not know is an InputError. */
export function parseSettingsFile(text: string | undefined, path: string): Record<string, string> {
  if (text === undefined || !text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = jsyaml.load(text);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const at = mark ? `:${mark.line + 1}:${mark.column + 1}` : '';
    throw new InputError(`${path}${at}: not valid YAML: ${(error as { reason?: string }).reason ?? String(error)}`, { cause: error });
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isMap(parsed)) throw new InputError(`${path}:1:1: must be a mapping of settings (key: value)`);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const line = lineOf(text, key);
    if (!SETTINGS.some((s) => s.key === key)) {
      throw new InputError(`${path}:${line}:1: unknown setting "${key}" (settings: ${SETTINGS.map((s) => s.key).join(', ')})`, {
        hint: `remove it, or run mesh x config list`,
      });
    }
    if (value !== null && typeof value === 'object') throw new InputError(`${path}:${line}:1: ${key} must be a single value`);
    if (value !== null && value !== undefined) out[key] = String(value);
  }
  return out;
}

/** Every setting's value: the environment first, then the file, then the built-in default. */
export function resolveSettings(file: Record<string, string>, path: string, env: Readonly<Record<string, string | undefined>>): ResolvedSetting[] {
  return SETTINGS.map((s) => {
    const fromEnv = env[s.env];
    if (fromEnv !== undefined && fromEnv !== '') return { key: s.key, value: fromEnv, from: `$${s.env}` };
    if (file[s.key] !== undefined) return { key: s.key, value: file[s.key]!, from: path };
    return { key: s.key, value: s.builtIn, from: 'default' };
  });
}

/**
 * The file's text with `key` set to `value` (or removed when `value` is undefined): the key's own line is replaced
 * in place, so comments and the other lines stay; a new key is appended.
 */
export function editSettingsFile(text: string | undefined, key: string, value: string | undefined): string {
  const spec = settingSpec(key);
  if (value !== undefined) {
    const problem = spec.check?.(value);
    if (problem) throw new UsageError(`${key}: "${value}" is ${problem}`);
  }
  const lines = (text ?? '').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const entry = value === undefined ? undefined : `${key}: ${JSON.stringify(value)}`;
  const at = lines.findIndex((l) => new RegExp(`^['"]?${key}['"]?\\s*:`).test(l));
  if (at >= 0) {
    if (entry === undefined) lines.splice(at, 1);
    else lines[at] = entry;
  } else if (entry !== undefined) lines.push(entry);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function lineOf(text: string, key: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}"`) || l.startsWith(`'${key}'`));
  return i >= 0 ? i + 1 : 1;
}

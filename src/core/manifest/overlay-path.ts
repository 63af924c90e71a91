/**
 * istioctl's path syntax for `k8s.overlays[].patches[].path`, with the semantics of its tree walker
 * (operator/pkg/tpath): `a.b` walks maps (a missing key is created), `\.` is a literal dot, `x[sel]` is `x.[sel]`,
 * and on a list `[N]` is an index (past the end, or -1, appends), `[key:value]` picks the first map element whose
 * `key` prints as `value`, `[:value]` or `[value]` the first scalar element the regular expression `value` matches
 * (unanchored, as Go's regexp.MatchString). Setting replaces the node; a null value deletes it (map key or list
 * element). A string value that reads as a YAML map (`k: v`, or several lines with `:`) is set as that map.
 */
import jsyaml from 'js-yaml';
import { YAML11_SCHEMA } from '../yaml/schema11.js';
import { UsageError } from '../../errors.js';
import { isMap, type JsonObject } from '../tree.js';

/** The steps of an overlay path: map keys and `[selector]`s, with `\.` unescaped. */
export function overlaySteps(path: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '.' && path[i - 1] !== '\\') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  const steps: string[] = [];
  for (const raw of parts) {
    if (raw === '') continue;
    const part = raw.replaceAll('\\.', '.');
    const bracket = part.indexOf('[');
    if (bracket > 0) steps.push(part.slice(0, bracket), part.slice(bracket));
    else steps.push(part);
  }
  return steps;
}

const inner = (step: string): string | undefined => (step.startsWith('[') && step.endsWith(']') ? step.slice(1, -1) : undefined);
const indexOf = (step: string): number | undefined => {
  const s = inner(step);
  return s !== undefined && /^-?\d+$/.test(s) && Number(s) >= -1 ? Number(s) : undefined;
};

/** `key:value` of a selector (a `:` after `\` does not split), or undefined when it is not one. */
function keyValue(sel: string): [string, string] | undefined {
  const at = [...sel].findIndex((c, i) => c === ':' && sel[i - 1] !== '\\');
  if (at <= 0 || at === sel.length - 1 || sel.indexOf(':', at + 1) >= 0) return undefined;
  return [sel.slice(0, at), sel.slice(at + 1)];
}

/** Go's regexp.MatchString on printed values; an invalid pattern matches nothing, as Istio logs and skips it. */
function matches(pattern: string, value: unknown): boolean {
  try {
    return new RegExp(pattern).test(String(value));
  } catch {
    return false;
  }
}

/** A string value that reads as a YAML map becomes that map (tpath's tryToUnmarshalStringToYAML); JSON text stays text. */
export function overlayValue(value: unknown): unknown {
  if (typeof value !== 'string') return structuredClone(value);
  const multiline = value.includes('\n');
  if (!(multiline ? value.includes(':') : value.includes(': '))) return value;
  try {
    if (isMap(JSON.parse(value))) return value;
  } catch {
    // not JSON: try YAML below
  }
  try {
    // YAML 1.1, as istioctl's Go YAML reads it (and js-yaml is loaded already; the `yaml` package costs ~25 ms to load).
    const parsed: unknown = jsyaml.load(value, { schema: YAML11_SCHEMA });
    return isMap(parsed) ? parsed : value;
  } catch {
    return value;
  }
}

/** Finds the list element a selector step picks; throws UsageError naming the path when none does. */
function listIndex(list: unknown[], step: string, fail: (why: string) => never): number {
  const n = indexOf(step);
  if (n !== undefined) return n < 0 || n >= list.length ? list.length : n;
  const sel = inner(step);
  if (sel === undefined || sel === '') fail(`${step} is not a list selector`);
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    if (isMap(el)) {
      const kv = keyValue(sel);
      if (!kv) fail(`${step} is not a valid key:value path element`);
      if (String(el[kv[0]]) === kv[1]) return i;
    } else if (matches(sel.startsWith(':') && sel.length > 1 ? sel.slice(1) : sel, el)) return i;
  }
  return fail(`no element matches ${step}`);
}

/** Sets `value` at `path` in `root` (mutated), or deletes the node when `value` is null/undefined. */
export function writeOverlayPath(root: JsonObject, path: string, value: unknown, where: string): void {
  const steps = overlaySteps(path);
  const fail = (why: string): never => {
    throw new UsageError(`k8s.overlays ${where}: ${path}: ${why}`);
  };
  if (steps.length === 0) fail('empty path');
  const remove = value === null || value === undefined;
  let cur: unknown = root;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    if (Array.isArray(cur)) {
      const idx = listIndex(cur, step, fail);
      if (last) {
        if (remove) {
          if (idx < cur.length) cur.splice(idx, 1);
        } else cur[idx] = overlayValue(value);
        return;
      }
      if (idx >= cur.length) cur[idx] = {};
      cur = cur[idx];
    } else if (isMap(cur)) {
      if (inner(step) !== undefined && indexOf(step) === undefined && !(step in cur)) fail(`${step} selects in a mapping`);
      if (last) {
        if (remove) delete cur[step];
        else cur[step] = overlayValue(value);
        return;
      }
      if (cur[step] === undefined || cur[step] === null) cur[step] = indexOf(steps[i + 1]!) !== undefined ? [] : {};
      cur = cur[step];
    } else fail(`${step} is under a ${cur === null ? 'null' : typeof cur} value`);
  }
}

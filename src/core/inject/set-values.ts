/**
 * `--set path=value` for kube-inject, with IstioOperator's paths: `values.global.proxy.logLevel=debug`,
 * `meshConfig.trustDomain=example.org`, `hub=...`, `tag=...`, `revision=...`. Values are typed as istioctl types
 * them: true/false, numbers, null, `[a,b]` lists; anything else is a string.
 */
import { UsageError } from '../../errors.js';
import type { Tree } from './config.js';

/** Layers produced by --set flags. */
export interface SetLayers {
  values: Tree;
  meshConfig: Tree;
}

/** Parses a --set value into a typed value. */
export function parseSetValue(raw: string): unknown {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(raw)) return Number(raw);
  if (raw.startsWith('[') && raw.endsWith(']')) {
    const inner = raw.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map((s) => parseSetValue(s.trim()));
  }
  return raw;
}

function assign(tree: Tree, path: string[], value: unknown, flag: string): void {
  let cur = tree;
  for (const [i, part] of path.entries()) {
    if (!part) throw new UsageError(`--set ${flag}: empty path segment`);
    if (i === path.length - 1) cur[part] = value;
    else {
      const next = cur[part];
      if (next === undefined) cur[part] = {};
      else if (next === null || typeof next !== 'object' || Array.isArray(next)) throw new UsageError(`--set ${flag}: ${path.slice(0, i + 1).join('.')} is not a mapping`);
      cur = cur[part] as Tree;
    }
  }
}

/** Turns --set flags into values and meshConfig layers. */
export function parseSets(sets: readonly string[]): SetLayers {
  const out: SetLayers = { values: {}, meshConfig: {} };
  for (const flag of sets) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set ${flag}: expected path=value`, { hint: 'e.g. --set values.global.proxy.logLevel=debug' });
    const path = flag.slice(0, eq).split('.');
    const value = parseSetValue(flag.slice(eq + 1));
    const [head, ...rest] = path;
    if (head === 'values' && rest.length) assign(out.values, rest, value, flag);
    else if (head === 'meshConfig' && rest.length) assign(out.meshConfig, rest, value, flag);
    else if (head === 'hub' || head === 'tag') assign(out.values, ['global', head], value, flag);
    else if (head === 'revision') assign(out.values, ['revision'], value, flag);
    else if (head === 'profile' || head === 'namespace' || head === 'components') {
      throw new UsageError(`--set ${flag}: ${head} does not affect injection`, { hint: 'kube-inject reads values.*, meshConfig.*, hub, tag and revision' });
    } else {
      throw new UsageError(`--set ${flag}: unknown path "${path.join('.')}"`, { hint: `did you mean values.${path.join('.')}?` });
    }
  }
  return out;
}

/**
 * istioctl's `--set` path syntax: dot-separated keys (`\.` escapes a dot inside a key, for annotation names),
 * list elements by index `[0]` or by field `[name:istio-ingressgateway]`, and an optional leading `spec.`.
 */
import { UsageError } from '../errors.js';

/** One step of a path: a mapping key, a list index, or a list element selected by a field's value. */
export type PathStep = { key: string } | { index: number } | { field: string; equals: string };

/** Renders steps back to the user's syntax (`components.ingressGateways[0].k8s`). */
export function formatPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const s of steps) {
    if ('key' in s) out += (out ? '.' : '') + s.key.replace(/\./g, '\\.');
    else if ('index' in s) out += `[${s.index}]`;
    else out += `[${s.field}:${s.equals}]`;
  }
  return out;
}

/** Parses `a.b[0].c\.d` into steps; throws UsageError naming the flag when it is malformed. */
export function parsePath(path: string, flag: string): PathStep[] {
  const steps: PathStep[] = [];
  const keys: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '\\' && path[i + 1] === '.') {
      cur += '.';
      i++;
    } else if (c === '.') {
      keys.push(cur);
      cur = '';
    } else cur += c;
  }
  keys.push(cur);
  for (const raw of keys) {
    const m = /^([^[\]]*)((?:\[[^\]]*\])*)$/.exec(raw);
    if (!m || (m[1] === '' && m[2] === '')) throw new UsageError(`--set ${flag}: malformed path "${path}" (empty or unbalanced segment)`);
    if (m[1]) steps.push({ key: m[1] });
    for (const sel of m[2]!.match(/\[[^\]]*\]/g) ?? []) {
      const inner = sel.slice(1, -1);
      if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (inner.includes(':')) {
        const at = inner.indexOf(':');
        steps.push({ field: inner.slice(0, at), equals: inner.slice(at + 1) });
      } else throw new UsageError(`--set ${flag}: bad list selector ${sel}; use [0] or [name:value]`);
    }
  }
  if (steps.length && 'key' in steps[0]! && steps[0].key === 'spec') steps.shift();
  if (!steps.length || !('key' in steps[0]!)) throw new UsageError(`--set ${flag}: the path must start with a field name`);
  return steps;
}

/** Splits `path=value` at the first `=`; the value may itself contain `=`. */
export function splitSetFlag(flag: string): { path: string; value: string } {
  const at = flag.indexOf('=');
  if (at <= 0) throw new UsageError(`--set ${flag}: expected path=value`, { hint: 'for example --set values.global.proxy.logLevel=debug' });
  return { path: flag.slice(0, at).trim(), value: flag.slice(at + 1).trim() };
}

/** Levenshtein distance (small inputs: field names). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `word` (case-insensitive, then edit distance within a third of its length), or undefined. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  if (bestD <= Math.max(2, Math.floor(word.length / 3))) return best;
  // Failing that, the candidate sharing the longest prefix, when it shares most of the word (replicas → replicaCount).
  const shared = (c: string) => {
    let i = 0;
    while (i < c.length && i < lower.length && c[i]!.toLowerCase() === lower[i]) i++;
    return i;
  };
  const byPrefix = [...candidates].sort((a, b) => shared(b) - shared(a))[0];
  return byPrefix !== undefined && shared(byPrefix) >= Math.max(4, Math.ceil(lower.length * 0.6)) ? byPrefix : undefined;
}

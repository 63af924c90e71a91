/**
 * istioctl bug-report's `--include` / `--exclude` selection specs: `ns1,ns2/dep1/pod1/lbl=val/ann=val/cntr1`, each
 * part optional, globs (`*`, `?`, `[...]`, as Go's filepath.Match) in every name but label and annotation keys.
 * A container is collected when it matches some include spec (all, when none is given) and no exclude spec; the
 * namespaces Istio never injects (kube-system, kube-public, kube-node-lease, local-path-storage) are always excluded.
 */
import { UsageError } from '../../errors.js';

/** One parsed selection spec; an empty list or map matches everything. */
export interface SelectionSpec {
  namespaces: string[];
  deployments: string[];
  pods: string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  containers: string[];
}

/** What a spec is matched against: one container of one pod. */
export interface ContainerPath {
  namespace: string;
  /** The owning Deployment (from the ReplicaSet's name), or '' for pods that no Deployment owns. */
  deployment: string;
  pod: string;
  container: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Namespaces istioctl's bug-report always leaves out (Istio's injector ignores them too). */
export const IGNORED_NAMESPACES = ['kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage'] as const;

function names(part: string): string[] {
  return part.trim() === '*' || part === '' ? [] : part.split(',');
}

function pairs(part: string, spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (part.trim() === '*') return out;
  for (const item of part.split(',')) {
    if (!item) continue;
    const kv = item.split('=');
    if (kv.length !== 2) throw new UsageError(`bad label/annotation selection ${item} in "${spec}", must have format key=value`);
    if (kv[0]!.includes('*')) throw new UsageError(`bad label/annotation selection ${item} in "${spec}", key cannot have '*' wildcards`);
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

/** Parses one spec as istioctl does (parts beyond the sixth are an error there too). */
export function parseSelectionSpec(spec: string): SelectionSpec {
  const parts = spec.split('/');
  if (parts.length > 6) throw new UsageError(`bad selection spec "${spec}": at most 6 parts ns/deployment/pod/labels/annotations/containers`);
  for (const p of parts) for (const pattern of p.split(',')) globToRegExp(pattern, spec);
  return {
    namespaces: names(parts[0] ?? ''),
    deployments: names(parts[1] ?? ''),
    pods: names(parts[2] ?? ''),
    labels: pairs(parts[3] ?? '', spec),
    annotations: pairs(parts[4] ?? '', spec),
    containers: names(parts[5] ?? ''),
  };
}

const compiled = new Map<string, RegExp>();

/** Go filepath.Match as a regular expression (no `/` inside names, so `*` is any run of characters). */
function globToRegExp(pattern: string, spec = pattern): RegExp {
  const known = compiled.get(pattern);
  if (known) return known;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) throw new UsageError(`bad selection spec "${spec}": unterminated [ in "${pattern}"`);
      const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
      re += `[${body.startsWith('^') ? `^${body.slice(1)}` : body}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\]\\]/g, '\\$&');
  }
  const out = new RegExp(`^${re}$`, 's');
  compiled.set(pattern, out);
  return out;
}

function matchesGlobs(value: string, patterns: readonly string[]): boolean {
  if (!patterns.length) return true;
  if (patterns.length === 1 && (patterns[0]!.trim() === '' || patterns[0]!.trim() === '*')) return true;
  return patterns.some((p) => globToRegExp(p).test(value));
}

function matchesMap(selection: Record<string, string>, actual: Record<string, string>): boolean {
  return Object.entries(selection).every(([k, v]) => actual[k] !== undefined && globToRegExp(v).test(actual[k]!));
}

/** True when `path` matches every part of `spec`. */
export function matchesSpec(spec: SelectionSpec, path: ContainerPath): boolean {
  return (
    matchesGlobs(path.namespace, spec.namespaces) &&
    matchesGlobs(path.deployment, spec.deployments) &&
    matchesGlobs(path.pod, spec.pods) &&
    matchesGlobs(path.container, spec.containers) &&
    matchesMap(spec.labels, path.labels) &&
    matchesMap(spec.annotations, path.annotations)
  );
}

/** The include/exclude decision for one container. */
export function selected(path: ContainerPath, include: readonly SelectionSpec[], exclude: readonly SelectionSpec[]): boolean {
  if ((IGNORED_NAMESPACES as readonly string[]).includes(path.namespace)) return false;
  if (exclude.some((s) => matchesSpec(s, path))) return false;
  return include.length === 0 || include.some((s) => matchesSpec(s, path));
}

/** Namespaces the include specs name exactly (no globs), or undefined when some spec may match any namespace. */
export function exactNamespaces(include: readonly SelectionSpec[]): string[] | undefined {
  if (!include.length || include.some((s) => !s.namespaces.length || s.namespaces.some((n) => /[*?[\\]/.test(n)))) return undefined;
  return [...new Set(include.flatMap((s) => s.namespaces))].sort();
}

/**
 * The permissions `mesh install` needs, derived from its own render (not a fixed list, as istioctl's is): every
 * rendered object is server-side applied (PATCH, which needs `patch`, plus `create` when the object is new) and
 * read back (`get`) for waits and previews; pruning an earlier install lists mesh-owned kinds cluster-wide and
 * deletes what is left over (in the namespaces this install writes to). Missing permissions are grouped per resource and namespace into IST0141 findings.
 */
import { compareStrings } from '../tree.js';
import type { KubeObject } from '../yaml/load.js';
import type { Permission, PrecheckFinding } from './types.js';

/** How the cluster serves a kind (from discovery): plural resource name and scope. */
export interface KindResource {
  plural: string;
  namespaced: boolean;
}

/** `apiVersion` + `kind`, the key of the discovery table the adapter fills. */
export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

/** The distinct (apiVersion, kind) pairs of `objects` plus `extra` (the kinds prune lists), for discovery. */
export function kindsToResolve(objects: readonly KubeObject[], extra: readonly { apiVersion: string; kind: string }[]): { apiVersion: string; kind: string }[] {
  const seen = new Map<string, { apiVersion: string; kind: string }>();
  for (const o of [...objects, ...extra]) seen.set(kindKey(o.apiVersion, o.kind), { apiVersion: o.apiVersion, kind: o.kind });
  return [...seen.values()];
}

/**
 * A kind the cluster does not serve yet (a custom resource whose CRD this very install creates) is named the way
 * Kubernetes names CRD plurals by convention: lower case, `y` → `ies`, `s`/`x`/`ch`/`sh` → `es`, else `s`.
 */
export function guessPlural(kind: string): string {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(k)) return `${k}es`;
  return `${k}s`;
}

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

/** Install verbs for each object, prune verbs for each owned kind; deduplicated, in a stable order. */
export function requiredPermissions(
  objects: readonly KubeObject[],
  prunedKinds: readonly { apiVersion: string; kind: string }[],
  resources: ReadonlyMap<string, KindResource>,
): Permission[] {
  const out = new Map<string, Permission>();
  const add = (p: Permission) => out.set(`${p.group}/${p.resource}/${p.namespace}/${p.verb}`, p);
  const resolve = (apiVersion: string, kind: string, hasNamespace: boolean): KindResource =>
    resources.get(kindKey(apiVersion, kind)) ?? { plural: guessPlural(kind), namespaced: hasNamespace };
  const pruned = new Set(prunedKinds.map((k) => kindKey(k.apiVersion, k.kind)));
  for (const o of objects) {
    const r = resolve(o.apiVersion, o.kind, Boolean(o.metadata?.namespace));
    const namespace = r.namespaced ? (o.metadata?.namespace ?? '') : '';
    // Only kinds prune handles are ever deleted (never Namespaces or CRDs).
    const verbs = pruned.has(kindKey(o.apiVersion, o.kind)) ? ['get', 'create', 'patch', 'delete'] : ['get', 'create', 'patch'];
    for (const verb of verbs) add({ group: groupOf(o.apiVersion), resource: r.plural, verb, namespace });
  }
  // Prune lists a kind only when the cluster serves it after the install: served now, or defined by a rendered CRD.
  const rendered = new Set(
    objects
      .filter((o) => o.kind === 'CustomResourceDefinition')
      .map((o) => {
        const spec = (o.spec ?? {}) as { group?: string; names?: { kind?: string } };
        return `${spec.group ?? ''}|${spec.names?.kind ?? ''}`;
      }),
  );
  for (const k of prunedKinds) {
    if (!resources.has(kindKey(k.apiVersion, k.kind)) && !rendered.has(`${groupOf(k.apiVersion)}|${k.kind}`)) continue;
    const r = resolve(k.apiVersion, k.kind, true);
    add({ group: groupOf(k.apiVersion), resource: r.plural, verb: 'list', namespace: '' });
  }
  return [...out.values()].sort(comparePermissions);
}

function comparePermissions(a: Permission, b: Permission): number {
  return (
    compareStrings(a.group, b.group) ||
    compareStrings(a.resource, b.resource) ||
    compareStrings(a.namespace, b.namespace) ||
    VERB_ORDER.indexOf(a.verb) - VERB_ORDER.indexOf(b.verb)
  );
}

const VERB_ORDER = ['get', 'list', 'create', 'patch', 'delete'];

/** `deployments.apps`, `namespaces` (core group): the spelling kubectl auth can-i uses. */
export function resourceName(p: Pick<Permission, 'group' | 'resource'>): string {
  return p.group ? `${p.resource}.${p.group}` : p.resource;
}

/** One denied permission with the authorizer's reason (may be empty). */
export interface Denied {
  permission: Permission;
  reason: string;
}

/**
 * IST0141 per resource and namespace, naming every missing verb: `create, patch deployments.apps in namespace
 * istio-system`. The reason is the authorizer's, else what kubectl would ask (`kubectl auth can-i ...`).
 */
export function permissionFindings(denied: readonly Denied[]): PrecheckFinding[] {
  const groups = new Map<string, Denied[]>();
  for (const d of denied) {
    const key = `${resourceName(d.permission)}/${d.permission.namespace}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()].map((list) => {
    const p = list[0]!.permission;
    const verbs = list.map((d) => d.permission.verb).sort((a, b) => VERB_ORDER.indexOf(a) - VERB_ORDER.indexOf(b));
    const where = p.namespace ? ` in namespace ${p.namespace}` : ' cluster-wide';
    const reasons = [...new Set(list.map((d) => d.reason).filter(Boolean))];
    const reason = reasons.length
      ? reasons.join('; ')
      : `no rule allows it; see kubectl auth can-i ${verbs[0]} ${resourceName(p)}${p.namespace ? ` -n ${p.namespace}` : ''}`;
    return { code: 'IST0141' as const, args: [verbs.join(', '), `${resourceName(p)}${where}`, reason] };
  });
}

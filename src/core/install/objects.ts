/**
 * Identity, ordering and owner labels of the objects mesh installs. Pure: no cluster, no clock.
 * The kind order follows Istio's install order (CRDs first because they are slow to become Established and
 * custom resources need them; webhooks last so they never point at an istiod that is not serving yet).
 */
import type { KubeObject } from '../yaml/load.js';
import { compareStrings } from '../tree.js';

/** Enough to find one object in a cluster. */
export interface ObjectRef {
  /** `group/version`, or `v1` for the core group. */
  apiVersion: string;
  /** Kind, e.g. `Deployment`. */
  kind: string;
  /** Namespace; undefined for cluster-scoped objects. */
  namespace?: string;
  /** metadata.name */
  name: string;
}

/** Label naming the Istio component an object belongs to (Istio's own label; values like `Pilot`). */
export const COMPONENT_LABEL = 'operator.istio.io/component';
/** Label naming the owner of an install; mesh sets it to {@link MESH_OWNER}. */
export const OWNER_LABEL = 'install.operator.istio.io/owning-resource';
/** The owner value mesh writes: uninstall and prune touch only objects carrying it. */
export const MESH_OWNER = 'mesh';
/** Label with the control-plane revision (`default` without --revision). */
export const REVISION_LABEL = 'istio.io/rev';
/** Label with the Istio version that was installed (read back to warn about version skew). */
export const VERSION_LABEL = 'operator.istio.io/version';
/** Label that keeps an object out of pruning (Istio's escape hatch, honoured here too). */
export const NOT_PRUNED_LABEL = 'install.operator.istio.io/owning-resource-not-pruned';
/** The field manager for every server-side apply mesh makes. */
export const FIELD_MANAGER = 'mesh';

/** The API group of an apiVersion (`''` for the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The reference of an object. */
export function refOf(obj: KubeObject): ObjectRef {
  const ref: ObjectRef = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata?.name ?? '' };
  if (obj.metadata?.namespace) ref.namespace = obj.metadata.namespace;
  return ref;
}

/** A reference from either a reference or an object (objects keep their name under metadata). */
export function asRef(x: ObjectRef | KubeObject): ObjectRef {
  return typeof (x as ObjectRef).name === 'string' && !('metadata' in x) ? (x as ObjectRef) : refOf(x as KubeObject);
}

/** Identity key: group, kind, namespace and name (the version is left out: one object is served at several). */
export function keyOf(ref: ObjectRef | KubeObject): string {
  const r = asRef(ref);
  return `${groupOf(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name}`;
}

/** How users read an object: `Deployment istio-system/istiod`, `ClusterRole istiod-istio-system`. */
export function describeRef(ref: ObjectRef | KubeObject): string {
  const r = asRef(ref);
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
}

/** Apply tiers: CRDs → namespace → RBAC → config → workloads → services/autoscaling → webhooks. */
const KIND_RANK: Record<string, number> = {
  CustomResourceDefinition: 0,
  Namespace: 10,
  ServiceAccount: 20,
  ClusterRole: 21,
  Role: 21,
  ClusterRoleBinding: 22,
  RoleBinding: 22,
  ConfigMap: 30,
  Secret: 30,
  NetworkAttachmentDefinition: 30,
  Deployment: 40,
  DaemonSet: 40,
  StatefulSet: 40,
  Service: 45,
  PodDisruptionBudget: 46,
  HorizontalPodAutoscaler: 46,
  ValidatingWebhookConfiguration: 60,
  MutatingWebhookConfiguration: 60,
};
/** Custom resources (EnvoyFilter, ...) go after the config tier but need their CRDs Established first. */
const OTHER_RANK = 50;

/** The apply tier of a kind (lower goes first). */
export function kindRank(kind: string): number {
  return KIND_RANK[kind] ?? OTHER_RANK;
}

/** True for webhook configurations (applied last, deleted first). */
export function isWebhook(kind: string): boolean {
  return kind === 'ValidatingWebhookConfiguration' || kind === 'MutatingWebhookConfiguration';
}

/** True for kinds whose readiness mesh waits for. */
export function isWorkload(kind: string): boolean {
  return kind === 'Deployment' || kind === 'DaemonSet' || kind === 'StatefulSet';
}

/** Stable apply order: tier, then group, kind, namespace, name (deterministic for tests and dry runs). */
export function compareForApply(a: KubeObject, b: KubeObject): number {
  const byRank = kindRank(a.kind) - kindRank(b.kind);
  if (byRank !== 0) return byRank;
  return compareStrings(keyOf(a), keyOf(b));
}

/** Istio's components in dependency order, with the name its progress lines use. */
export const COMPONENTS = [
  { id: 'Base', title: 'Istio core', aliases: ['base', 'istio-core', 'core'] },
  { id: 'Pilot', title: 'Istiod', aliases: ['pilot', 'istiod'] },
  { id: 'Cni', title: 'CNI', aliases: ['cni', 'istio-cni'] },
  { id: 'Ztunnel', title: 'Ztunnel', aliases: ['ztunnel'] },
  { id: 'IngressGateways', title: 'Ingress gateways', aliases: ['ingressgateways', 'ingressgateway', 'ingress', 'istio-ingressgateway', 'ingress-gateways'] },
  { id: 'EgressGateways', title: 'Egress gateways', aliases: ['egressgateways', 'egressgateway', 'egress', 'istio-egressgateway', 'egress-gateways'] },
] as const;

/** A component's canonical id (the `operator.istio.io/component` value), its title, and its position. */
export interface ComponentInfo {
  /** Label value, e.g. `Pilot`; unknown names are kept as given. */
  id: string;
  /** Progress title, e.g. `Istiod`. */
  title: string;
  /** Position in install order (unknown components go last, in name order). */
  order: number;
}

/** Maps a component name in any spelling the renderer may use (`pilot`, `Pilot`, `istiod`) to its canonical form. */
export function componentInfo(name: string): ComponentInfo {
  const lower = name.toLowerCase();
  const index = COMPONENTS.findIndex((c) => c.id.toLowerCase() === lower || (c.aliases as readonly string[]).includes(lower));
  if (index < 0) return { id: name, title: name, order: COMPONENTS.length };
  const c = COMPONENTS[index]!;
  return { id: c.id, title: c.title, order: index };
}

/** The labels mesh stamps on every object it applies, so prune and uninstall can find them again. */
export function ownerLabels(component: string, revision: string, version: string): Record<string, string> {
  return {
    [OWNER_LABEL]: MESH_OWNER,
    [COMPONENT_LABEL]: componentInfo(component).id,
    [REVISION_LABEL]: revision,
    [VERSION_LABEL]: version,
  };
}

/** A copy of `obj` with mesh's owner labels added (the renderer's own labels win except the owner's). */
export function stamp(obj: KubeObject, component: string, revision: string, version: string): KubeObject {
  const labels = { ...(obj.metadata?.labels ?? {}) };
  for (const [k, v] of Object.entries(ownerLabels(component, revision, version))) {
    // The owner label must always be mesh's; the others only fill gaps so the render stays authoritative.
    if (k === OWNER_LABEL || labels[k] === undefined) labels[k] = v;
  }
  // CRDs, the control-plane namespace and the rest of the Base component serve every revision at once: a revision
  // label on them would move to whichever revision installed last (and make the other revision's verify-install
  // report drift). They are never pruned by revision; uninstall leaves them to --purge. The renderer already leaves
  // the label off them (manifest/context.ts ownerLabels); this holds for renders given with -f too.
  if (isSharedByRevisions(obj, component)) delete labels[REVISION_LABEL];
  return { ...obj, metadata: { ...obj.metadata, labels } };
}

/** True for objects every revision shares: CRDs, Namespaces and the Base component. */
export function isSharedByRevisions(obj: KubeObject, component: string): boolean {
  return obj.kind === 'CustomResourceDefinition' || obj.kind === 'Namespace' || component === 'Base';
}

/** Label selector text for mesh-owned objects, optionally of one revision. */
export function ownerSelector(revision?: string): string {
  const parts = [`${OWNER_LABEL}=${MESH_OWNER}`, COMPONENT_LABEL];
  if (revision !== undefined) parts.push(`${REVISION_LABEL}=${revision}`);
  return parts.join(',');
}

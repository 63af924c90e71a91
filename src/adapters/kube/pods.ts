/**
 * Finds the pod a command talks to, the way istioctl names it: `name[.namespace]`, or `kind/name[.namespace]`
 * for a workload or service (deployment/productpage-v1, svc/istiod.istio-system), or by a label selector
 * (dashboard's addons). Prefers a Running and Ready pod, as `kubectl logs deployment/x` does.
 */
import { ClusterError, UsageError } from '../../errors.js';
import { translateKubeError, type KubeConnection } from './client.js';
import { ApiError, RawKube } from './http.js';
import { compareStrings } from '../../core/tree.js';

/** One pod, by name and namespace. */
export interface PodRef {
  name: string;
  namespace: string;
}

/** A parsed `[kind/]name[.namespace]` argument. */
export interface PodArgument {
  /** Canonical kind (Pod, Deployment, Service, ...); Pod when no `kind/` was given. */
  kind: string;
  name: string;
  namespace: string;
}

/** Accepted `kind/` prefixes, kubectl's short names included. */
const KINDS: Record<string, { kind: string; apiVersion: string }> = {
  pod: { kind: 'Pod', apiVersion: 'v1' }, pods: { kind: 'Pod', apiVersion: 'v1' }, po: { kind: 'Pod', apiVersion: 'v1' },
  deployment: { kind: 'Deployment', apiVersion: 'apps/v1' }, deployments: { kind: 'Deployment', apiVersion: 'apps/v1' }, deploy: { kind: 'Deployment', apiVersion: 'apps/v1' },
  statefulset: { kind: 'StatefulSet', apiVersion: 'apps/v1' }, statefulsets: { kind: 'StatefulSet', apiVersion: 'apps/v1' }, sts: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
  daemonset: { kind: 'DaemonSet', apiVersion: 'apps/v1' }, daemonsets: { kind: 'DaemonSet', apiVersion: 'apps/v1' }, ds: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  replicaset: { kind: 'ReplicaSet', apiVersion: 'apps/v1' }, replicasets: { kind: 'ReplicaSet', apiVersion: 'apps/v1' }, rs: { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  replicationcontroller: { kind: 'ReplicationController', apiVersion: 'v1' }, rc: { kind: 'ReplicationController', apiVersion: 'v1' },
  job: { kind: 'Job', apiVersion: 'batch/v1' }, jobs: { kind: 'Job', apiVersion: 'batch/v1' },
  service: { kind: 'Service', apiVersion: 'v1' }, services: { kind: 'Service', apiVersion: 'v1' }, svc: { kind: 'Service', apiVersion: 'v1' },
};

/**
 * Splits `[kind/]name[.namespace]` as istioctl does: the namespace is what follows the last dot after the slash.
 * Pure; throws UsageError for an unknown kind or an empty name.
 */
export function parsePodArgument(arg: string, defaultNamespace: string): PodArgument {
  const slash = arg.lastIndexOf('/');
  const typed = slash > 0 ? arg.slice(0, slash).toLowerCase() : undefined;
  const rest = slash > 0 ? arg.slice(slash + 1) : arg;
  const dot = rest.lastIndexOf('.');
  const name = dot >= 0 ? rest.slice(0, dot) : rest;
  const namespace = dot >= 0 ? rest.slice(dot + 1) : defaultNamespace;
  const kind = typed === undefined ? 'Pod' : KINDS[typed]?.kind;
  if (!kind) throw new UsageError(`"${arg}": unknown resource type "${typed}" (use pod/, deployment/, statefulset/, daemonset/, replicaset/, job/ or service/)`);
  if (!name || !namespace) throw new UsageError(`"${arg}": expected <pod-name[.namespace]> or <type>/<name>[.namespace]`);
  return { kind, name, namespace };
}

/** Resolves a parsed argument to one pod, checking that it exists. */
export async function resolvePod(conn: KubeConnection, target: PodArgument): Promise<PodRef> {
  const raw = new RawKube(conn);
  if (target.kind === 'Pod') {
    await get(raw, conn, `/api/v1/namespaces/${enc(target.namespace)}/pods/${enc(target.name)}`, `pod ${target.name} in namespace ${target.namespace}`);
    return { name: target.name, namespace: target.namespace };
  }
  const apiVersion = Object.values(KINDS).find((k) => k.kind === target.kind)!.apiVersion;
  const plural = `${target.kind.toLowerCase()}s`;
  const prefix = apiVersion === 'v1' ? '/api/v1' : `/apis/${apiVersion}`;
  const what = `${target.kind.toLowerCase()} ${target.name} in namespace ${target.namespace}`;
  const owner = (await get(raw, conn, `${prefix}/namespaces/${enc(target.namespace)}/${plural}/${enc(target.name)}`, what)) as { spec?: { selector?: unknown } };
  const selector = selectorString(owner.spec?.selector);
  if (!selector) throw new ClusterError(`${what} has no pod selector`);
  return podBySelector(conn, target.namespace, selector, what);
}

/** What commands need to know of a listed pod. */
export interface PodInfo {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Pod phase (Running, Pending, ...). */
  phase: string;
  /** The Ready condition is True. */
  ready: boolean;
  creationTimestamp: string;
}

/** The pods matching `selector` in `namespace`, Running and Ready first, then by name; terminating pods left out. */
export async function listPods(conn: KubeConnection, namespace: string, selector: string): Promise<PodInfo[]> {
  let list: { items?: PodJson[] };
  try {
    list = (await new RawKube(conn).request('GET', `/api/v1/namespaces/${enc(namespace)}/pods`, { query: { labelSelector: selector } })) as { items?: PodJson[] };
  } catch (error) {
    throw translateKubeError(error, `list pods (${selector}) in namespace ${namespace}`, conn.server);
  }
  const pods = (list.items ?? []).filter((p) => !p.metadata?.deletionTimestamp).map((p) => toPodInfo(p, namespace));
  return pods.sort((a, b) => rank(b) - rank(a) || compareStrings(a.name, b.name));
}

/** One pod by name, or a one-line ClusterError. */
export async function getPod(conn: KubeConnection, name: string, namespace: string): Promise<PodInfo> {
  return toPodInfo((await get(new RawKube(conn), conn, `/api/v1/namespaces/${enc(namespace)}/pods/${enc(name)}`, `pod ${name} in namespace ${namespace}`)) as PodJson, namespace);
}

/** The best pod matching `selector` in `namespace` (Running and Ready first, then newest); `what` names it in errors. */
export async function podBySelector(conn: KubeConnection, namespace: string, selector: string, what: string): Promise<PodRef> {
  const pods = await listPods(conn, namespace, selector);
  if (pods.length === 0) throw new ClusterError(`no pods match ${what} (selector ${selector} in namespace ${namespace})`);
  pods.sort((a, b) => rank(b) - rank(a) || compareStrings(b.creationTimestamp, a.creationTimestamp));
  return { name: pods[0]!.name, namespace };
}

/** Renders a LabelSelector (or a plain map, as Services and ReplicationControllers have) as a query string. */
export function selectorString(selector: unknown): string {
  if (!selector || typeof selector !== 'object') return '';
  const s = selector as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const isLabelSelector = 'matchLabels' in s || 'matchExpressions' in s;
  const labels = isLabelSelector ? (s.matchLabels ?? {}) : (selector as Record<string, string>);
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  for (const e of isLabelSelector ? (s.matchExpressions ?? []) : []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

interface PodJson {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string>; creationTimestamp?: string; deletionTimestamp?: string };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

function toPodInfo(p: PodJson, namespace: string): PodInfo {
  return {
    name: p.metadata?.name ?? '',
    namespace,
    labels: p.metadata?.labels ?? {},
    annotations: p.metadata?.annotations ?? {},
    phase: p.status?.phase ?? 'Unknown',
    ready: p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    creationTimestamp: p.metadata?.creationTimestamp ?? '',
  };
}

function rank(p: PodInfo): number {
  return (p.phase === 'Running' ? 2 : 0) + (p.ready ? 1 : 0);
}

async function get(raw: RawKube, conn: KubeConnection, path: string, what: string): Promise<unknown> {
  try {
    return await raw.request('GET', path);
  } catch (error) {
    if (error instanceof ApiError && error.code === 404) throw new ClusterError(`${what} not found`);
    throw translateKubeError(error, `get ${what}`, conn.server);
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

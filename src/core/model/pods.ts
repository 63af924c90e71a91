/**
 * How commands name the pod they talk to, the way istioctl does: `name[.namespace]`, or `kind/name[.namespace]`
 * for a workload or service (deployment/productpage-v1, svc/istiod.istio-system). Pure: the cluster port
 * (src/context.ts `Cluster.pods`) resolves a parsed argument to a pod.
 */
import { UsageError } from '../../errors.js';

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
export const POD_OWNER_KINDS: Record<string, { kind: string; apiVersion: string }> = {
  pod: { kind: 'Pod', apiVersion: 'v1' },
  pods: { kind: 'Pod', apiVersion: 'v1' },
  po: { kind: 'Pod', apiVersion: 'v1' },
  deployment: { kind: 'Deployment', apiVersion: 'apps/v1' },
  deployments: { kind: 'Deployment', apiVersion: 'apps/v1' },
  deploy: { kind: 'Deployment', apiVersion: 'apps/v1' },
  statefulset: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
  statefulsets: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
  sts: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
  daemonset: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  daemonsets: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  ds: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  replicaset: { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  replicasets: { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  rs: { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  replicationcontroller: { kind: 'ReplicationController', apiVersion: 'v1' },
  rc: { kind: 'ReplicationController', apiVersion: 'v1' },
  job: { kind: 'Job', apiVersion: 'batch/v1' },
  jobs: { kind: 'Job', apiVersion: 'batch/v1' },
  service: { kind: 'Service', apiVersion: 'v1' },
  services: { kind: 'Service', apiVersion: 'v1' },
  svc: { kind: 'Service', apiVersion: 'v1' },
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
  const kind = typed === undefined ? 'Pod' : POD_OWNER_KINDS[typed]?.kind;
  if (!kind)
    throw new UsageError(`"${arg}": unknown resource type "${typed}" (use pod/, deployment/, statefulset/, daemonset/, replicaset/, job/ or service/)`);
  if (!name || !namespace) throw new UsageError(`"${arg}": expected <pod-name[.namespace]> or <type>/<name>[.namespace]`);
  return { kind, name, namespace };
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
  /** The node the pod is scheduled to (`spec.nodeName`), when it is. */
  nodeName?: string;
}

/** Renders a LabelSelector (or a plain map, as Services and ReplicationControllers have) as an API `labelSelector` query. */
export function selectorQuery(selector: unknown): string {
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

/**
 * Which ztunnel `mesh ztunnel-config` asks, as istioctl 1.30 picks it: a pod of daemonset/ztunnel in the Istio
 * namespace, the one on `--node`, or the named pod; a workload pod (not a ztunnel) means the ztunnel on that pod's
 * node, with the output narrowed to that workload. Then one request to its admin port (15000: /config_dump,
 * /logging) through the Cluster port's port-forward.
 */
import { ClusterError, UsageError } from '../errors.js';
import type { Cluster } from '../context.js';
import { parsePodArgument, selectorQuery, type PodInfo, type PodRef } from '../core/model/pods.js';

/** A config dump of a big mesh is tens of megabytes. */
const ADMIN_TIMEOUT_MS = 60_000;

/** The ztunnel to ask, and the workload pod the user named instead of a ztunnel (if so). */
export interface ZtunnelTarget {
  pod: PodRef;
  workload?: PodRef;
}

/** How the user named the ztunnel. */
export interface ZtunnelChoice {
  /** A pod argument (`name[.ns]`, `kind/name[.ns]`): a ztunnel, or a workload whose node's ztunnel is meant. */
  arg?: string;
  /** `--node`. */
  node?: string;
  /** Namespace of a pod argument without one (istioctl: -n, else the Istio namespace). */
  defaultNamespace: string;
  /** Where daemonset/ztunnel is. */
  istioNamespace: string;
  /** The view differs from ztunnel to ztunnel (certificates, connections): refuse to pick one of several. */
  single: boolean;
}

/** The pods of daemonset/ztunnel, Running and Ready first; a ClusterError when there is no such daemonset. */
export async function ztunnelPods(cluster: Cluster, istioNamespace: string): Promise<PodInfo[]> {
  const ds = (await cluster.install.get({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ztunnel', namespace: istioNamespace })) as
    { spec?: { selector?: unknown } } | undefined;
  if (!ds) {
    throw new ClusterError(`no ztunnel in namespace ${istioNamespace}: daemonset/ztunnel not found`, {
      hint: 'ztunnel runs with the ambient profile (mesh install --set profile=ambient); -i names another Istio namespace',
    });
  }
  const selector = selectorQuery(ds.spec?.selector);
  if (!selector) throw new ClusterError(`daemonset/ztunnel in namespace ${istioNamespace} has no pod selector`);
  return cluster.pods.list(istioNamespace, selector);
}

/** The ztunnel pod on `node`; a ClusterError naming the nodes that have one when it has none. */
export async function ztunnelOnNode(cluster: Cluster, node: string, istioNamespace: string, forPod?: PodRef): Promise<PodRef> {
  const pods = await ztunnelPods(cluster, istioNamespace);
  const pod = pods.find((p) => p.nodeName === node);
  if (pod) return { name: pod.name, namespace: pod.namespace };
  const nodes = [...new Set(pods.map((p) => p.nodeName).filter(Boolean))].sort();
  const why = forPod ? ` (the node of pod ${forPod.name}.${forPod.namespace})` : '';
  throw new ClusterError(`no ztunnel pod on node ${node}${why}`, {
    hint: nodes.length ? `daemonset/ztunnel in ${istioNamespace} has pods on: ${nodes.join(', ')}` : `daemonset/ztunnel in ${istioNamespace} has no pods`,
  });
}

/** istioctl's IsZtunnelPod: the `app` label says so, or (without one) the name starts with `ztunnel`. */
function isZtunnel(pod: PodInfo): boolean {
  const app = pod.labels.app;
  return app === undefined ? pod.name.startsWith('ztunnel') : app === 'ztunnel';
}

/** Resolves the user's choice to a ztunnel pod (and the workload pod named, if one was). */
export async function ztunnelTarget(cluster: Cluster, choice: ZtunnelChoice): Promise<ZtunnelTarget> {
  if (choice.node) return { pod: await ztunnelOnNode(cluster, choice.node, choice.istioNamespace) };
  if (choice.arg) {
    const ref = await cluster.pods.resolve(parsePodArgument(choice.arg, choice.defaultNamespace));
    const info = await cluster.pods.get(ref.name, ref.namespace);
    if (isZtunnel(info)) return { pod: ref };
    if (!info.nodeName) throw new ClusterError(`pod ${ref.name}.${ref.namespace} is not scheduled to a node`);
    return { pod: await ztunnelOnNode(cluster, info.nodeName, choice.istioNamespace, ref), workload: ref };
  }
  const pods = await ztunnelPods(cluster, choice.istioNamespace);
  if (pods.length === 0) throw new ClusterError(`daemonset/ztunnel in namespace ${choice.istioNamespace} has no pods`);
  if (choice.single && pods.length > 1) {
    throw new UsageError('ztunnel pod name or --node must be set: this differs from one ztunnel to the next', {
      hint: `ztunnels run on: ${pods.map((p) => `${p.nodeName ?? '?'} (${p.name})`).join(', ')}`,
    });
  }
  return { pod: { name: pods[0]!.name, namespace: pods[0]!.namespace } };
}

/** Every ztunnel pod (`log` without a pod), or the one named; refuses a pod that is not a ztunnel. */
export async function ztunnelLogTargets(cluster: Cluster, choice: Omit<ZtunnelChoice, 'single'>): Promise<PodRef[]> {
  if (choice.node) return [await ztunnelOnNode(cluster, choice.node, choice.istioNamespace)];
  if (choice.arg) {
    const ref = await cluster.pods.resolve(parsePodArgument(choice.arg, choice.defaultNamespace));
    if (!isZtunnel(await cluster.pods.get(ref.name, ref.namespace))) {
      throw new UsageError(`ztunnel-config log is only supported by ztunnel proxies: ${ref.name}.${ref.namespace} is not one`);
    }
    return [ref];
  }
  const pods = await ztunnelPods(cluster, choice.istioNamespace);
  if (pods.length === 0) throw new ClusterError(`daemonset/ztunnel in namespace ${choice.istioNamespace} has no pods`);
  return pods.map((p) => ({ name: p.name, namespace: p.namespace }));
}

/** `method path` on the ztunnel's admin port; the body as text. */
export async function ztunnelRequest(cluster: Cluster, pod: PodRef, port: number, path: string, method = 'GET'): Promise<string> {
  return cluster.request(pod, port, path, { method, timeoutMs: ADMIN_TIMEOUT_MS });
}

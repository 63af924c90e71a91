/**
 * Envoy's admin API of a pod (port 15000 by default) for proxy-config, over the Cluster port (src/context.ts):
 * resolve the pod as istioctl names it, then one request through a short-lived port-forward. Also what `log`
 * needs: the pods of a label selector, and the log level the injector configuration gives proxies (what `--reset`
 * restores). Nothing here talks to client-node directly, so the fake context covers all of it.
 */
import { ClusterError } from '../errors.js';
import type { Cluster } from '../context.js';
import { parsePodArgument, type PodRef } from '../core/model/pods.js';
import { compareStrings } from '../core/tree.js';

/** A config dump of a big mesh is tens of megabytes. */
const ADMIN_TIMEOUT_MS = 60_000;

/** Resolves `[kind/]name[.namespace]` (default namespace from -n or the kubeconfig context) to one pod. */
export async function proxyTarget(cluster: Cluster, arg: string): Promise<PodRef> {
  return cluster.pods.resolve(parsePodArgument(arg, cluster.namespace));
}

/** All pods matching a label selector in the namespace of -n (or the context's), for `log -l`, by name. */
export async function proxyTargetsBySelector(cluster: Cluster, selector: string): Promise<PodRef[]> {
  const pods = (await cluster.pods.list(cluster.namespace, selector)).map((p) => ({ name: p.name, namespace: p.namespace }));
  if (pods.length === 0) throw new ClusterError(`no pods match ${selector} in namespace ${cluster.namespace}`);
  // By name, so a log-level change walks the pods in a predictable order.
  return pods.sort((a, b) => compareStrings(a.name, b.name));
}

/** `method path` on the pod's Envoy admin port; the body as text. */
export async function adminRequest(cluster: Cluster, pod: PodRef, port: number, path: string, method = 'GET'): Promise<string> {
  return cluster.request(pod, port, path, { method, timeoutMs: ADMIN_TIMEOUT_MS });
}

/**
 * `global.proxy.logLevel` of the injector's values (ConfigMap istio-sidecar-injector, key `values`), or undefined
 * when it cannot be read: `--reset` then falls back to Envoy's default, as istioctl does.
 */
export async function injectorLogLevel(cluster: Cluster, istioNamespace: string): Promise<string | undefined> {
  try {
    const cm = (await cluster.install.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: istioNamespace, name: 'istio-sidecar-injector' })) as
      { data?: Record<string, string> } | undefined;
    const values = JSON.parse(cm?.data?.values ?? '{}') as { global?: { proxy?: { logLevel?: unknown } } };
    const level = values.global?.proxy?.logLevel;
    return typeof level === 'string' && level ? level : undefined;
  } catch {
    return undefined;
  }
}

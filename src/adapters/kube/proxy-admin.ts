/**
 * Envoy's admin API of a pod (port 15000 by default) for proxy-config: resolve the pod as istioctl names it, then
 * one request through a short-lived port-forward. Also what `log` needs: the pods of a label selector, and the log
 * level the injector configuration gives proxies (what `--reset` restores).
 */
import { ClusterError } from '../../errors.js';
import type { GlobalOptions } from '../../context.js';
import { connect, type KubeConnection } from './client.js';
import { RawKube } from './http.js';
import { podRequest } from './pod-http.js';
import { listPods, resolvePod } from './pods.js';
import { parsePodArgument, type PodRef } from '../../core/model/pods.js';
import { compareStrings } from '../../core/tree.js';

/** An open connection plus the pods a command talks to. */
export interface ProxyTargets {
  conn: KubeConnection;
  pods: PodRef[];
}

/** Resolves `[kind/]name[.namespace]` (default namespace from -n or the kubeconfig context) to one pod. */
export async function proxyTarget(globals: GlobalOptions, arg: string): Promise<ProxyTargets> {
  const conn = await connect(globals);
  const pod = await resolvePod(conn, parsePodArgument(arg, conn.namespace));
  return { conn, pods: [pod] };
}

/** All pods matching a label selector in the namespace of -n (or the context's), for `log -l`. */
export async function proxyTargetsBySelector(globals: GlobalOptions, selector: string): Promise<ProxyTargets> {
  const conn = await connect(globals);
  const pods = (await listPods(conn, conn.namespace, selector)).map((p) => ({ name: p.name, namespace: p.namespace }));
  if (pods.length === 0) throw new ClusterError(`no pods match ${selector} in namespace ${conn.namespace}`);
  // By name, so a log-level change walks the pods in a predictable order.
  return { conn, pods: pods.sort((a, b) => compareStrings(a.name, b.name)) };
}

/** `method path` on the pod's Envoy admin port; the body as text. */
export async function adminRequest(conn: KubeConnection, pod: PodRef, port: number, path: string, method = 'GET'): Promise<string> {
  return podRequest(conn, pod, port, path, { method, timeoutMs: 60_000 });
}

/**
 * `global.proxy.logLevel` of the injector's values (ConfigMap istio-sidecar-injector, key `values`), or undefined
 * when it cannot be read: `--reset` then falls back to Envoy's default, as istioctl does.
 */
export async function injectorLogLevel(conn: KubeConnection, istioNamespace: string): Promise<string | undefined> {
  try {
    const cm = (await new RawKube(conn).request('GET', `/api/v1/namespaces/${encodeURIComponent(istioNamespace)}/configmaps/istio-sidecar-injector`)) as { data?: Record<string, string> };
    const values = JSON.parse(cm.data?.values ?? '{}') as { global?: { proxy?: { logLevel?: unknown } } };
    const level = values.global?.proxy?.logLevel;
    return typeof level === 'string' && level ? level : undefined;
  } catch {
    return undefined;
  }
}

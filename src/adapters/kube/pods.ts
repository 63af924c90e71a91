/**
 * Finds the pod a command talks to, the way istioctl names it: `name[.namespace]`, or `kind/name[.namespace]`
 * for a workload or service (deployment/productpage-v1, svc/istiod.istio-system), or by a label selector
 * (dashboard's addons). Prefers a Running and Ready pod, as `kubectl logs deployment/x` does.
 */
import { ClusterError } from '../../errors.js';
import { translateKubeError, type KubeConnection } from './client.js';
import { ApiError, RawKube } from './http.js';
import { compareStrings } from '../../core/tree.js';
import { POD_OWNER_KINDS, selectorQuery, type PodArgument, type PodInfo, type PodRef } from '../../core/model/pods.js';

/** Resolves a parsed argument to one pod, checking that it exists. */
export async function resolvePod(conn: KubeConnection, target: PodArgument): Promise<PodRef> {
  const raw = new RawKube(conn);
  if (target.kind === 'Pod') {
    await get(raw, conn, `/api/v1/namespaces/${enc(target.namespace)}/pods/${enc(target.name)}`, `pod ${target.name} in namespace ${target.namespace}`);
    return { name: target.name, namespace: target.namespace };
  }
  const apiVersion = Object.values(POD_OWNER_KINDS).find((k) => k.kind === target.kind)!.apiVersion;
  const plural = `${target.kind.toLowerCase()}s`;
  const prefix = apiVersion === 'v1' ? '/api/v1' : `/apis/${apiVersion}`;
  const what = `${target.kind.toLowerCase()} ${target.name} in namespace ${target.namespace}`;
  const owner = (await get(raw, conn, `${prefix}/namespaces/${enc(target.namespace)}/${plural}/${enc(target.name)}`, what)) as {
    spec?: { selector?: unknown };
  };
  const selector = selectorQuery(owner.spec?.selector);
  if (!selector) throw new ClusterError(`${what} has no pod selector`);
  return podBySelector(conn, target.namespace, selector, what);
}

/** The pods matching `selector` in `namespace`, Running and Ready first, then by name; terminating pods left out. */
export async function listPods(conn: KubeConnection, namespace: string, selector: string): Promise<PodInfo[]> {
  let list: { items?: PodJson[] };
  try {
    list = (await new RawKube(conn).request('GET', `/api/v1/namespaces/${enc(namespace)}/pods`, { query: { labelSelector: selector } })) as {
      items?: PodJson[];
    };
  } catch (error) {
    throw translateKubeError(error, `list pods (${selector}) in namespace ${namespace}`, conn.server);
  }
  const pods = (list.items ?? []).filter((p) => !p.metadata?.deletionTimestamp).map((p) => toPodInfo(p, namespace));
  return pods.sort((a, b) => rank(b) - rank(a) || compareStrings(a.name, b.name));
}

/** One pod by name, or a one-line ClusterError. */
export async function getPod(conn: KubeConnection, name: string, namespace: string): Promise<PodInfo> {
  return toPodInfo(
    (await get(new RawKube(conn), conn, `/api/v1/namespaces/${enc(namespace)}/pods/${enc(name)}`, `pod ${name} in namespace ${namespace}`)) as PodJson,
    namespace,
  );
}

/** The best pod matching `selector` in `namespace` (Running and Ready first, then newest); `what` names it in errors. */
async function podBySelector(conn: KubeConnection, namespace: string, selector: string, what: string): Promise<PodRef> {
  const pods = await listPods(conn, namespace, selector);
  if (pods.length === 0) throw new ClusterError(`no pods match ${what} (selector ${selector} in namespace ${namespace})`);
  pods.sort((a, b) => rank(b) - rank(a) || compareStrings(b.creationTimestamp, a.creationTimestamp));
  return { name: pods[0]!.name, namespace };
}

interface PodJson {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string>; creationTimestamp?: string; deletionTimestamp?: string };
  spec?: { nodeName?: string };
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
    ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
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

/**
 * The cluster side of proxy-status and dashboard: lists pods by label selector (istiod replicas, add-ons), and
 * asks every istiod for its debug endpoints on the monitoring port through short port-forwards. istiod answers
 * `/debug/*` without authentication only to localhost, and a port-forwarded connection arrives from localhost.
 */
import { ClusterError } from '../../errors.js';
import type { IstiodAnswer } from '../../core/proxy-status/status.js';
import { parseSyncz } from '../../core/proxy-status/syncz.js';
import { translateKubeError, type KubeConnection } from './client.js';
import { RawKube } from './http.js';
import { podRequest } from './pod-http.js';

/** What proxy-status and dashboard need to know of a pod. */
export interface PodInfo {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Pod phase (Running, Pending, ...). */
  phase: string;
  /** The Ready condition is True. */
  ready: boolean;
}

/** istiod's HTTP monitoring and debug port. */
export const ISTIOD_DEBUG_PORT = 15014;

/** Lists the pods matching `selector` in `namespace`, Running and Ready first, then by name; skips terminating pods. */
export async function listPods(conn: KubeConnection, namespace: string, selector: string): Promise<PodInfo[]> {
  let list: { items?: PodJson[] };
  try {
    list = (await new RawKube(conn).request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, { query: { labelSelector: selector } })) as { items?: PodJson[] };
  } catch (error) {
    throw translateKubeError(error, `list pods (${selector}) in namespace ${namespace}`, conn.server);
  }
  const pods = (list.items ?? []).filter((p) => !p.metadata?.deletionTimestamp).map((p) => toPodInfo(p, namespace));
  const rank = (p: PodInfo) => (p.phase === 'Running' ? 2 : 0) + (p.ready ? 1 : 0);
  return pods.sort((a, b) => rank(b) - rank(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Options for finding istiod. */
export interface IstiodSelection {
  /** Namespace of the control plane (-i). */
  istioNamespace: string;
  /** Only this revision's istiods (`istio.io/rev`). */
  revision?: string;
  /** A selector replacing `app=istiod` (istioctl's --xds-label). */
  selector?: string;
}

/** The label selector istioctl uses for istiod: `app=istiod` (or --xds-label), plus `istio.io/rev` with --revision. */
export function istiodSelector(sel: IstiodSelection): string {
  return [sel.selector || 'app=istiod', ...(sel.revision ? [`istio.io/rev=${sel.revision}`] : [])].join(',');
}

/** The Running istiod pods; none is a ClusterError with a hint, as istioctl's "no running Istio pods". */
export async function findIstiods(conn: KubeConnection, sel: IstiodSelection): Promise<PodInfo[]> {
  const selector = istiodSelector(sel);
  const pods = (await listPods(conn, sel.istioNamespace, selector)).filter((p) => p.phase === 'Running');
  if (pods.length === 0) {
    throw new ClusterError(`no running istiod pods in namespace ${sel.istioNamespace} (selector ${selector})`, {
      hint: 'is Istio installed? pass -i/--istioNamespace for a control plane in another namespace, or -r/--revision for a revisioned one',
    });
  }
  return pods;
}

/** Asks each istiod for `/debug/syncz` in parallel; one that fails is reported in its answer, not thrown. */
export async function fetchSyncz(conn: KubeConnection, istiods: PodInfo[], options: { namespace?: string; timeoutMs?: number } = {}): Promise<IstiodAnswer[]> {
  const path = options.namespace ? `/debug/syncz?namespace=${encodeURIComponent(options.namespace)}` : '/debug/syncz';
  return Promise.all(istiods.map(async (pod): Promise<IstiodAnswer> => {
    const answer: IstiodAnswer = { name: pod.name, namespace: pod.namespace };
    try {
      const parsed = parseSyncz(await podRequest(conn, pod, ISTIOD_DEBUG_PORT, path, { timeoutMs: options.timeoutMs ?? 30_000 }));
      if (parsed.ok) answer.entries = parsed.entries;
      else answer.error = `GET ${path}: ${parsed.reason}`;
    } catch (error) {
      answer.error = error instanceof Error ? error.message : String(error);
    }
    return answer;
  }));
}

/**
 * istiod's view of one proxy's config (`/debug/config_dump?proxyID=`). A proxy is connected to one istiod, and the
 * others answer 404, so each is asked in turn until one has it; when none does, the error lists every answer.
 */
export async function istiodConfigDump(conn: KubeConnection, istiods: PodInfo[], proxyId: string, timeoutMs = 30_000): Promise<{ istiod: PodInfo; body: string }> {
  const failures: string[] = [];
  for (const pod of istiods) {
    try {
      const body = await podRequest(conn, pod, ISTIOD_DEBUG_PORT, `/debug/config_dump?proxyID=${encodeURIComponent(proxyId)}`, { timeoutMs });
      return { istiod: pod, body };
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  throw new ClusterError(`no istiod has the config of proxy ${proxyId}: ${failures.join('; ')}`, {
    hint: 'is the pod running a sidecar connected to this control plane? `mesh proxy-status` lists the connected proxies',
  });
}

function toPodInfo(p: PodJson, namespace: string): PodInfo {
  return {
    name: p.metadata?.name ?? '',
    namespace,
    labels: p.metadata?.labels ?? {},
    annotations: p.metadata?.annotations ?? {},
    phase: p.status?.phase ?? 'Unknown',
    ready: p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
  };
}

interface PodJson {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string>; deletionTimestamp?: string };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

/** One pod by name (labels tell a ztunnel, which has no Envoy admin API, from a sidecar; annotations give ports). */
export async function getPod(conn: KubeConnection, name: string, namespace: string): Promise<PodInfo> {
  try {
    const pod = (await new RawKube(conn).request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`)) as PodJson;
    return toPodInfo(pod, namespace);
  } catch (error) {
    throw translateKubeError(error, `get pod ${name}.${namespace}`, conn.server);
  }
}

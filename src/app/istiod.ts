/**
 * The cluster side of proxy-status, over the Cluster port (src/context.ts): finds the istiod replicas, and asks
 * every istiod for its debug endpoints on the monitoring port through short port-forwards. istiod answers
 * `/debug/*` without authentication only to localhost, and a port-forwarded connection arrives from localhost.
 */
import { ClusterError } from '../errors.js';
import type { Cluster } from '../context.js';
import type { IstiodAnswer } from '../core/proxy-status/status.js';
import { parseSyncz } from '../core/proxy-status/syncz.js';
import type { PodInfo } from '../core/model/pods.js';

/** istiod's HTTP monitoring and debug port. */
export const ISTIOD_DEBUG_PORT = 15014;

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
export async function findIstiods(cluster: Cluster, sel: IstiodSelection): Promise<PodInfo[]> {
  const selector = istiodSelector(sel);
  const pods = (await cluster.pods.list(sel.istioNamespace, selector)).filter((p) => p.phase === 'Running');
  if (pods.length === 0) {
    throw new ClusterError(`no running istiod pods in namespace ${sel.istioNamespace} (selector ${selector})`, {
      hint: 'is Istio installed? pass -i/--istioNamespace for a control plane in another namespace, or -r/--revision for a revisioned one',
    });
  }
  return pods;
}

/** Asks each istiod for `/debug/syncz` in parallel; one that fails is reported in its answer, not thrown. */
export async function fetchSyncz(cluster: Cluster, istiods: PodInfo[], options: { namespace?: string; timeoutMs?: number } = {}): Promise<IstiodAnswer[]> {
  const path = options.namespace ? `/debug/syncz?namespace=${encodeURIComponent(options.namespace)}` : '/debug/syncz';
  return Promise.all(
    istiods.map(async (pod): Promise<IstiodAnswer> => {
      const answer: IstiodAnswer = { name: pod.name, namespace: pod.namespace };
      try {
        const parsed = parseSyncz(await cluster.request(pod, ISTIOD_DEBUG_PORT, path, { timeoutMs: options.timeoutMs ?? 30_000 }));
        if (parsed.ok) answer.entries = parsed.entries;
        else answer.error = `GET ${path}: ${parsed.reason}`;
      } catch (error) {
        answer.error = error instanceof Error ? error.message : String(error);
      }
      return answer;
    }),
  );
}

/**
 * istiod's view of one proxy's config (`/debug/config_dump?proxyID=`). A proxy is connected to one istiod, and the
 * others answer 404, so each is asked in turn until one has it; when none does, the error lists every answer.
 */
export async function istiodConfigDump(cluster: Cluster, istiods: PodInfo[], proxyId: string, timeoutMs = 30_000): Promise<{ istiod: PodInfo; body: string }> {
  const failures: string[] = [];
  for (const pod of istiods) {
    try {
      const body = await cluster.request(pod, ISTIOD_DEBUG_PORT, `/debug/config_dump?proxyID=${encodeURIComponent(proxyId)}`, { timeoutMs });
      return { istiod: pod, body };
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  throw new ClusterError(`no istiod has the config of proxy ${proxyId}: ${failures.join('; ')}`, {
    hint: 'is the pod running a sidecar connected to this control plane? `mesh proxy-status` lists the connected proxies',
  });
}

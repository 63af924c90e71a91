/**
 * The cluster side of `mesh dashboard`, over the cluster port: finds the pod a dashboard shows (an add-on by label,
 * or a named or selected proxy/istiod pod) and opens the local listener(s) of the port-forward. `localhost` listens
 * on 127.0.0.1 and, when the machine has it, on ::1 with the same port, so that a browser resolving localhost
 * either way reaches the forward (what istioctl does).
 */
import { ClusterError } from '../errors.js';
import type { Cluster, PortForwardHandle } from '../context.js';
import type { Dashboard } from '../core/dashboard/catalog.js';
import { installHint, type PodTarget } from '../core/dashboard/dashboards.js';
import { parsePodArgument, type PodInfo } from '../core/model/pods.js';

/** The chosen pod and what to say about the choice. */
export interface FoundPod {
  pod: PodInfo;
  /** A warning when several pods matched and one was picked. */
  warning?: string;
}

/** Finds an add-on's pod: first in the Istio namespace, then in the working namespace (istioctl's order). */
export async function findAddonPod(cluster: Cluster, d: Dashboard, namespaces: string[]): Promise<FoundPod> {
  const tried = [...new Set(namespaces)];
  for (const ns of tried) {
    const pods = await cluster.pods.list(ns, d.selector!);
    if (pods.length > 0) return { pod: pods[0]! };
  }
  const hint = installHint(d);
  throw new ClusterError(
    `no ${d.title} pod found: nothing matches ${d.selector} in namespace ${tried.join(' or ')}`,
    hint ? { hint: `${hint} (or pass -i/-n for where it runs)` } : {},
  );
}

/** Finds a pod by `[type/]name[.namespace]` or by selector in `namespace`. */
export async function findTargetPod(cluster: Cluster, target: PodTarget, namespace: string): Promise<FoundPod> {
  if (target.by === 'name') {
    const ref = await cluster.pods.resolve(parsePodArgument(target.arg, namespace));
    return { pod: await cluster.pods.get(ref.name, ref.namespace) };
  }
  const pods = await cluster.pods.list(namespace, target.selector);
  if (pods.length === 0) throw new ClusterError(`no pods match selector ${target.selector} in namespace ${namespace}`);
  const found: FoundPod = { pod: pods[0]! };
  if (pods.length > 1) found.warning = `${pods.length} pods match selector ${target.selector}; using ${pods[0]!.name}.${namespace}`;
  return found;
}

/** An open dashboard forward. */
export interface DashboardForward {
  /** The local port every listener uses. */
  port: number;
  handles: PortForwardHandle[];
  close(): Promise<void>;
}

/** Opens the forward on the first free port of `ports` (0 = any); the last failure is thrown when none is free. */
export async function openDashboardForward(cluster: Cluster, pod: PodInfo, remotePort: number, address: string, ports: number[]): Promise<DashboardForward> {
  let lastError: unknown;
  for (const port of ports) {
    try {
      const first = await cluster.portForward(pod, remotePort, { address: address === 'localhost' ? '127.0.0.1' : address, port });
      const handles = [first];
      if (address === 'localhost') {
        // ::1 is a bonus: a machine without IPv6 still gets its dashboard on 127.0.0.1.
        const v6 = await cluster.portForward(pod, remotePort, { address: '::1', port: first.localPort }).catch(() => undefined);
        if (v6) handles.push(v6);
      }
      return { port: first.localPort, handles, close: async () => void (await Promise.all(handles.map((h) => h.close()))) };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Reports each new stream error of the forward (pod gone, port closed) as it happens; returns the stopper. */
export function watchForwardErrors(forward: DashboardForward, report: (message: string) => void, everyMs = 1000): () => void {
  const seen = new Set<string>();
  // Polled: a handle reports its last error rather than emitting it; unref'd so that it never holds the process.
  const timer = setInterval(() => {
    for (const h of forward.handles) {
      const e = h.lastError();
      if (e && !seen.has(e)) {
        seen.add(e);
        report(e);
      }
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

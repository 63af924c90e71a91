/**
 * The pure rules of `mesh dashboard`: which of pod / --selector / --revision may be combined (istioctl 1.30's),
 * the local ports to try, the URL to print, the port of istiod's debug page.
 */
import { ipFamily } from '../ip.js';
import { UsageError } from '../../errors.js';
import type { Dashboard } from './catalog.js';

/** How the pod is chosen: by argument, or by a label selector. */
export type PodTarget = { by: 'name'; arg: string } | { by: 'selector'; selector: string };

/** What the user passed to choose a pod. */
export interface TargetFlags {
  arg?: string;
  selector?: string;
  revision?: string;
}

/** Applies istioctl's rules on pod / --selector / --revision for pod-level dashboards. Throws UsageError. */
export function podTarget(d: Dashboard, f: TargetFlags): PodTarget {
  if (d.kind === 'addon') throw new UsageError(`dashboard ${d.name} takes no pod`);
  if (d.kind === 'proxy') {
    if (f.revision !== undefined) throw new UsageError(`dashboard ${d.name} has no --revision: name a pod or pass --selector`);
    if (f.arg && f.selector) throw new UsageError('name cannot be provided when a selector is specified');
    if (f.arg) return { by: 'name', arg: f.arg };
    if (f.selector) return { by: 'selector', selector: f.selector };
    throw new UsageError(`specify a pod or --selector (mesh dashboard ${d.name} <pod-name[.namespace]>)`);
  }
  const given = [f.arg, f.selector, f.revision].filter((v) => v !== undefined && v !== '').length;
  if (given === 0) throw new UsageError(`specify a pod, --selector, or --revision (mesh dashboard ${d.name} <pod-name[.namespace]>)`);
  if (given > 1) throw new UsageError('only one of name, --selector, or --revision can be specified');
  if (f.arg) return { by: 'name', arg: f.arg };
  // istiod UIs only make sense on istiod pods, so selectors are narrowed to them, as istioctl does.
  if (f.revision) return { by: 'selector', selector: `istio.io/rev=${f.revision},app=istiod` };
  return { by: 'selector', selector: `${f.selector},app=istiod` };
}

/** Checks `--address`: an IP address or `localhost` (istioctl's rule). */
export function checkAddress(address: string): void {
  if (address !== 'localhost' && ipFamily(address) === 0) {
    throw new UsageError(`--address: "${address}" is not an IP address or localhost`);
  }
}

/**
 * Local ports to try, in order: the one asked for with --port (0 means any free port), else the UI's own port,
 * which keeps bookmarks working, then any free port (istioctl's preference).
 */
export function localPorts(requested: number | undefined, remotePort: number): number[] {
  return requested !== undefined ? [requested] : [remotePort, 0];
}

/** The URL to print and open: `http://localhost:20001/kiali`; IPv6 addresses are bracketed. */
export function dashboardUrl(address: string, port: number, path: string): string {
  const host = ipFamily(address) === 6 ? `[${address}]` : address;
  return `http://${host}:${port}${path}`;
}

/** The hint for an add-on that is not installed. */
export function installHint(d: Dashboard): string | undefined {
  return d.sample ? `install it with: kubectl apply -f https://raw.githubusercontent.com/istio/istio/release-1.30/${d.sample}` : undefined;
}

/** istiod's monitoring port from its pod annotations: prometheus.io/port when numeric, else 15014. */
export function monitoringPort(annotations: Record<string, string>): number {
  const v = annotations['prometheus.io/port'];
  return v !== undefined && /^\d+$/.test(v) && Number(v) > 0 && Number(v) <= 65535 ? Number(v) : 15014;
}

/**
 * The `workload` and `service` views: istioctl's filters (case-insensitive, as `strings.EqualFold`), its sort
 * orders and its tables (workload.go, services.go). A waypoint is named by the service whose `namespace/hostname`
 * or VIP is the waypoint's destination, found through an index instead of istioctl's scan of every service.
 */
import type { Service, Workload } from './types.js';
import type { ZtunnelDump } from './dump.js';

/** A table as istioctl's tabwriter lays it out. */
export interface ZtunnelTable {
  header: string[];
  rows: string[][];
  /** Spaces between columns: 1, or 5 for certificates. */
  padding: number;
}

/** `workload` filters; empty strings filter nothing. */
export interface WorkloadFilter {
  /** `--address`: one of the workload's IPs. */
  address?: string;
  /** `--workload-node`. */
  node?: string;
  /** `--workload-namespace`, or the namespace of a workload pod argument. */
  namespace?: string;
  /** The name of a workload pod argument. */
  name?: string;
}

const NO_SERVICES: readonly Service[] = [];

/**
 * `items` sorted by the tuple `keyOf` gives, each part compared as istioctl's Go code compares strings. The parts
 * are joined with NUL (below every character a name can hold) and sorted natively: ten thousand rows without a
 * JavaScript comparator call per comparison. Ties keep their order.
 */
export function sortByParts<T>(items: readonly T[], keyOf: (item: T) => readonly string[]): T[] {
  const keys = items.map((item, i) => `${keyOf(item).join('\0')}\0${i}`);
  keys.sort();
  return keys.map((k) => items[Number(k.slice(k.lastIndexOf('\0') + 1))]!);
}

const fold = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();

/** Whether a workload passes the filter (WorkloadFilter.Verify). */
export function workloadMatches(wl: Workload, f: WorkloadFilter): boolean {
  if (f.name && !fold(wl.name, f.name)) return false;
  if (f.namespace && !fold(wl.namespace, f.namespace)) return false;
  if (f.address && !(wl.workloadIps ?? []).some((ip) => fold(ip, f.address!))) return false;
  if (f.node && !fold(wl.node, f.node)) return false;
  return true;
}

/** The workloads passing the filter, in dump order (`workload -o json|yaml` does not sort). */
export function filterWorkloads(dump: ZtunnelDump, f: WorkloadFilter): Workload[] {
  return (dump.workloads ?? []).filter((wl) => workloadMatches(wl, f));
}

const namers = new WeakMap<readonly Service[], (destination: { destination: string } | null | undefined) => string>();

/**
 * Finds the service a waypoint destination names: the first service whose `namespace/hostname` or VIP it is. Made
 * once per list of services (`all` names waypoints in two tables).
 */
export function waypointNamer(services: readonly Service[]): (destination: { destination: string } | null | undefined) => string {
  let namer = namers.get(services);
  if (!namer) namers.set(services, (namer = makeWaypointNamer(services)));
  return namer;
}

function makeWaypointNamer(services: readonly Service[]): (destination: { destination: string } | null | undefined) => string {
  const first = new Map<string, number>();
  services.forEach((svc, i) => {
    for (const key of [`${svc.namespace}/${svc.hostname}`, ...(svc.vips ?? [])]) if (!first.has(key)) first.set(key, i);
  });
  return (waypoint) => {
    if (!waypoint) return 'None';
    const i = first.get(waypoint.destination);
    return i === undefined ? 'NA' : services[i]!.name;
  };
}

/** `workload` in short form: NAMESPACE POD NAME ADDRESS NODE WAYPOINT PROTOCOL, by namespace.name then node. */
export function workloadTable(dump: ZtunnelDump, f: WorkloadFilter): ZtunnelTable {
  const waypoint = waypointNamer(dump.services ?? NO_SERVICES);
  const sorted = sortByParts(filterWorkloads(dump, f), (wl) => [`${wl.namespace}.${wl.name}`, wl.node]);
  return {
    header: ['NAMESPACE', 'POD NAME', 'ADDRESS', 'NODE', 'WAYPOINT', 'PROTOCOL'],
    rows: sorted.map((wl) => {
      const address = (wl.workloadIps ?? []).join(',');
      return [wl.namespace, wl.name, address || wl.hostname, wl.node, waypoint(wl.waypoint), wl.protocol];
    }),
    padding: 1,
  };
}

/** The services of `--service-namespace` (all when empty), by namespace, name, hostname. */
export function filterServices(dump: ZtunnelDump, namespace = ''): Service[] {
  const svcs = (dump.services ?? []).filter((svc) => !namespace || fold(svc.namespace, namespace));
  return sortByParts(svcs, (svc) => [svc.namespace, svc.name, svc.hostname]);
}

/** `service` in short form: NAMESPACE SERVICE NAME SERVICE VIP WAYPOINT ENDPOINTS (healthy/all). */
export function serviceTable(dump: ZtunnelDump, namespace = ''): ZtunnelTable {
  const byUid = new Map<string, Workload>();
  for (const wl of dump.workloads ?? []) byUid.set(wl.uid, wl);
  const waypoint = waypointNamer(dump.services ?? NO_SERVICES);
  return {
    header: ['NAMESPACE', 'SERVICE NAME', 'SERVICE VIP', 'WAYPOINT', 'ENDPOINTS'],
    rows: filterServices(dump, namespace).map((svc) => {
      // strings.Cut(vip, "/"): the part after the network, or nothing when there is no slash.
      const ips = (svc.vips ?? []).map((vip) => (vip.includes('/') ? vip.slice(vip.indexOf('/') + 1) : ''));
      const endpoints = Object.values(svc.endpoints ?? {});
      const healthy = endpoints.filter((ep) => ep !== null && byUid.get(ep.workloadUid)?.status === 'Healthy').length;
      return [svc.namespace, svc.name, ips.join(','), waypoint(svc.waypoint), `${healthy}/${endpoints.length}`];
    }),
    padding: 1,
  };
}

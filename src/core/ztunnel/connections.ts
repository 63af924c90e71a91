/**
 * The `connections` view (istioctl's connections.go): each workload's inbound and outbound connections, with
 * addresses shown as the service or workload they belong to (`--raw` keeps the IPs), sorted by namespace and name.
 */
import { compareStrings } from '../tree.js';
import type { WorkloadState } from './types.js';
import type { ZtunnelDump } from './dump.js';
import type { ZtunnelTable } from './workloads.js';

/** `connections` filters. */
export interface ConnectionsFilter {
  /** `--workload-namespace` (exact), or the namespace of a workload pod argument. */
  namespace?: string;
  /** `inbound` or `outbound`; anything else shows both, as in istioctl. */
  direction?: string;
  /** `--raw`: addresses as they are. */
  raw?: boolean;
  /** A workload's pod name (`name.namespace` is split when no namespace is given). */
  workload?: string;
}

function normalize(f: ConnectionsFilter): ConnectionsFilter {
  if (f.workload && !f.namespace) {
    const dot = f.workload.indexOf('.');
    if (dot >= 0) return { ...f, workload: f.workload.slice(0, dot), namespace: f.workload.slice(dot + 1) };
  }
  return f;
}

/** The workload states passing the filter, by namespace then name (also `connections -o json|yaml`). */
export function filterConnections(dump: ZtunnelDump, filter: ConnectionsFilter): WorkloadState[] {
  const f = normalize(filter);
  const wanted = f.workload?.toLowerCase();
  return [...dump.workloadState]
    .sort((a, b) => compareStrings(a.info.namespace, b.info.namespace) || compareStrings(a.info.name, b.info.name))
    .filter((s) => (!f.namespace || f.namespace === s.info.namespace) && (!wanted || s.info.name.toLowerCase() === wanted));
}

/** Go's net.SplitHostPort: undefined where it returns an error. */
export function splitHostPort(hostport: string): [host: string, port: string] | undefined {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return undefined;
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== i) return undefined;
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return undefined;
  }
  if (hostport.slice(j).includes('[') || hostport.slice(k).includes(']')) return undefined;
  return [host, hostport.slice(i + 1)];
}

/** Go's net.JoinHostPort. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Maps `ip:port` to `name:port` by the first VIP of each service and the first IP of each workload. */
function addressNamer(dump: ZtunnelDump, raw: boolean): (addr: string) => string {
  if (raw) return (addr) => addr;
  let maps: { services: Map<string, string>; workloads: Map<string, string> } | undefined;
  // Built on the first connection: a ztunnel with none need not index ten thousand workloads.
  return (addr) => {
    maps ??= addressMaps(dump);
    const [ip, port] = splitHostPort(addr) ?? ['', ''];
    const name = maps.services.get(ip) ?? maps.workloads.get(ip);
    return name === undefined ? addr : joinHostPort(name, port);
  };
}

function addressMaps(dump: ZtunnelDump): { services: Map<string, string>; workloads: Map<string, string> } {
  const services = new Map<string, string>();
  for (const s of dump.services ?? []) {
    const vip = s.vips?.[0] ?? '';
    const ip = vip.includes('/') ? vip.slice(vip.indexOf('/') + 1) : '';
    services.set(ip || 'None', s.hostname);
  }
  const workloads = new Map<string, string>();
  for (const w of dump.workloads ?? []) workloads.set(w.workloadIps?.[0] || 'None', `${w.name}.${w.namespace}`);
  return { services, workloads };
}

/** `connections` in short form: WORKLOAD DIRECTION LOCAL REMOTE REMOTE TARGET PROTOCOL. */
export function connectionsTable(dump: ZtunnelDump, filter: ConnectionsFilter): ZtunnelTable {
  const name = addressNamer(dump, filter.raw === true);
  const rows: string[][] = [];
  for (const wl of filterConnections(dump, filter)) {
    const who = `${wl.info.name}.${wl.info.namespace}`;
    if (filter.direction !== 'outbound') {
      for (const c of wl.connections.inbound ?? []) rows.push([who, 'Inbound', name(c.actualDst), name(c.src), c.originalDst, c.protocol]);
    }
    if (filter.direction !== 'inbound') {
      for (const c of wl.connections.outbound ?? []) rows.push([who, 'Outbound', name(c.src), name(c.actualDst), name(c.originalDst), c.protocol]);
    }
  }
  return { header: ['WORKLOAD', 'DIRECTION', 'LOCAL', 'REMOTE', 'REMOTE TARGET', 'PROTOCOL'], rows, padding: 1 };
}

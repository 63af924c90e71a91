/**
 * Endpoints, from two sources as in istioctl: `proxy-config endpoint` reads Envoy's `/clusters?format=json` (live
 * health and outlier-detection state per host); `proxy-config all` and `eds` read the EDS section of the config dump
 * (what istiod sent, with locality).
 */
import type { JsonObject } from '../tree.js';
import { InputError } from '../../errors.js';
import { compareClusterNames, parseClusterName } from './clusters.js';
import { compareStrings } from '../tree.js';
import { entries, type ConfigDump } from './dump.js';
import { addressHost, addressPort, field, list, obj, str } from './fields.js';
import { parseJson } from './json.js';
import type { TableModel } from './table.js';

/** Filters of `proxy-config endpoint`. */
export interface EndpointFilter {
  /** The endpoint's IP (or pipe path), compared without case; `ip:port` is accepted too. */
  address?: string;
  port?: number;
  /** Exact cluster name, compared without case. */
  cluster?: string;
  /** HEALTHY, UNHEALTHY, DRAINING, TIMEOUT, DEGRADED or UNKNOWN, compared without case. */
  status?: string;
}

/** One host of one cluster. */
export interface EndpointSummary {
  /** IP, `unix://path`, `envoy://listener/id`, or `unknown`. */
  address: string;
  /** 0 when the address has none. */
  port: number;
  cluster: string;
  status: string;
  /** Ejected by outlier detection (only known from /clusters). */
  failedOutlierCheck: boolean;
  /** `region/zone/subzone` (only known from EDS). */
  locality: string;
}

const HEALTH = ['UNKNOWN', 'HEALTHY', 'UNHEALTHY', 'DRAINING', 'TIMEOUT', 'DEGRADED'];

/** An Envoy HealthStatus enum as its name (JSON writes the name; a number is accepted too). */
export function healthName(value: unknown): string {
  if (typeof value === 'number') return HEALTH[value] ?? String(value);
  return typeof value === 'string' && value ? value : 'UNKNOWN';
}

/** The `/clusters?format=json` output: `{cluster_statuses: [{name, host_statuses: [...]}]}`. */
export interface ClusterStatuses {
  origin: string;
  /** The cluster statuses as they are in the input. */
  clusters: JsonObject[];
}

/** Parses `/clusters?format=json` output; a config dump or anything else is an InputError naming `origin`. */
export function loadClusterStatuses(text: string, origin: string): ClusterStatuses {
  const value = parseJson(text, origin);
  const statuses = field(value, 'clusterStatuses');
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject || (statuses !== undefined && !Array.isArray(statuses)) || (statuses === undefined && field(value, 'configs') !== undefined)) {
    throw new InputError(`${origin}: not the output of Envoy's /clusters?format=json: expected a JSON object with a "cluster_statuses" list`, {
      hint:
        field(value, 'configs') !== undefined
          ? 'this is a config dump: `mesh proxy-config eds --file` reads the endpoints in it'
          : 'save one with `kubectl exec <pod> -c istio-proxy -- curl -s "localhost:15000/clusters?format=json"`',
    });
  }
  return { origin, clusters: (Array.isArray(statuses) ? statuses : []).filter((c): c is JsonObject => c !== null && typeof c === 'object') };
}

function hostAddress(address: unknown): string {
  const pipe = obj(address, 'pipe');
  if (pipe) return `unix://${str(pipe, 'path')}`;
  return addressHost(address) ?? 'unknown';
}

function hostSummary(cluster: string, h: unknown): EndpointSummary {
  const health = field(h, 'healthStatus');
  return {
    address: hostAddress(field(h, 'address')),
    port: addressPort(field(h, 'address')),
    cluster,
    status: healthName(field(health, 'edsHealthStatus')),
    failedOutlierCheck: field(health, 'failedOutlierCheck') === true,
    locality: '',
  };
}

/** Hosts of `/clusters` output that pass the filter, sorted by address, port and cluster. */
export function hostEndpoints(statuses: ClusterStatuses, filter: EndpointFilter = {}): EndpointSummary[] {
  const out: EndpointSummary[] = [];
  for (const c of statuses.clusters) {
    const cluster = str(c, 'name');
    for (const h of list(c, 'hostStatuses')) {
      const e = hostSummary(cluster, h);
      if (matchesEndpoint(e, filter)) out.push(e);
    }
  }
  return out.sort((a, b) => compareStrings(a.address, b.address) || a.port - b.port || compareStrings(a.cluster, b.cluster));
}

/** The cluster statuses with only the hosts that pass the filter (clusters left without hosts are dropped). */
export function filteredClusterStatuses(statuses: ClusterStatuses, filter: EndpointFilter): JsonObject[] {
  const out: JsonObject[] = [];
  for (const c of statuses.clusters) {
    const hosts = list(c, 'hostStatuses').filter((h) => matchesEndpoint(hostSummary(str(c, 'name'), h), filter));
    if (hosts.length) out.push({ ...c, ['hostStatuses' in c ? 'hostStatuses' : 'host_statuses']: hosts });
  }
  return out;
}

/** Whether an endpoint passes the filter. */
export function matchesEndpoint(e: EndpointSummary, f: EndpointFilter): boolean {
  if (f.address) {
    const want = f.address.toLowerCase();
    if (e.address.toLowerCase() !== want && `${e.address}:${e.port}`.toLowerCase() !== want) return false;
  }
  if (f.port && e.port !== f.port) return false;
  if (f.cluster && e.cluster.toLowerCase() !== f.cluster.toLowerCase()) return false;
  if (f.status && e.status.toLowerCase() !== f.status.toLowerCase()) return false;
  return true;
}

/** The `/clusters` endpoint table. */
export function endpointTable(endpoints: readonly EndpointSummary[]): TableModel {
  return {
    header: ['ENDPOINT', 'STATUS', 'OUTLIER CHECK', 'CLUSTER'],
    rows: endpoints.map((e) => [e.port ? `${e.address}:${e.port}` : e.address, e.status, e.failedOutlierCheck ? 'FAILED' : 'OK', e.cluster]),
  };
}

/** A ClusterLoadAssignment locality as `region/zone/subzone`, shortened when parts are empty. */
function localityName(locality: unknown): string {
  const region = str(locality, 'region');
  const zone = str(locality, 'zone');
  const sub = str(locality, 'subZone');
  return !zone ? region : !sub ? `${region}/${zone}` : `${region}/${zone}/${sub}`;
}

/** One row of the EDS table: an LbEndpoint with every address it has. */
export interface EdsEndpoint extends EndpointSummary {
  /** `ip:port` (or path) of the main and additional addresses. */
  addresses: string[];
}

/** Endpoints of the config dump's EDS section that pass the filter, grouped by cluster in cluster order. */
export function edsEndpoints(dump: ConfigDump, filter: EndpointFilter = {}): EdsEndpoint[] {
  const assignments = [
    ...entries(dump, 'EndpointsConfigDump', 'dynamicEndpointConfigs', 'endpointConfig'),
    ...entries(dump, 'EndpointsConfigDump', 'staticEndpointConfigs', 'endpointConfig'),
  ];
  const keyed = assignments.map((cla) => ({ cla, name: str(cla, 'clusterName'), key: parseClusterName(str(cla, 'clusterName')) }));
  keyed.sort((a, b) => compareClusterNames(a.name, b.name, a.key, b.key));
  const out: EdsEndpoint[] = [];
  for (const { cla, name } of keyed) {
    for (const group of list(cla, 'endpoints')) {
      const locality = localityName(field(group, 'locality'));
      for (const lb of list(group, 'lbEndpoints')) {
        const main = field(field(lb, 'endpoint'), 'address');
        const all = [main, ...list(field(lb, 'endpoint'), 'additionalAddresses').map((a) => field(a, 'address'))];
        const addresses = all.map((a) => (obj(a, 'socketAddress') ? `${addressHost(a)}:${addressPort(a)}` : (addressHost(a) ?? 'unknown')));
        const e: EdsEndpoint = {
          address: addressHost(main) ?? 'unknown',
          port: addressPort(main),
          cluster: name,
          status: healthName(field(lb, 'healthStatus')),
          failedOutlierCheck: false,
          locality,
          addresses,
        };
        if (
          matchesEndpoint(e, filter) ||
          (filter.address !== undefined &&
            addresses.some((a) => a.toLowerCase() === filter.address!.toLowerCase()) &&
            matchesEndpoint(e, { ...filter, address: undefined }))
        )
          out.push(e);
      }
    }
  }
  return out;
}

/** The EDS endpoint table; with `typed`, names read `endpoint/<address>` (as in `proxy-config all`). */
export function edsTable(endpoints: readonly EdsEndpoint[], typed = false): TableModel {
  return {
    header: ['NAME', 'STATUS', 'LOCALITY', 'CLUSTER'],
    rows: endpoints.map((e) => [`${typed ? 'endpoint/' : ''}${e.addresses.join(',')}`, e.status, e.locality, e.cluster]),
  };
}

/** `proxy-config cluster`: Envoy clusters from the config dump, parsed from Istio's `direction|port|subset|host` names. */
import type { JsonObject } from '../tree.js';
import { entries, type ConfigDump } from './dump.js';
import { compareStrings } from '../tree.js';
import { field, istioConfigName, obj, str } from './fields.js';
import type { TableModel } from './table.js';

/** Filters of `proxy-config cluster`, matched as istioctl does: substrings of the cluster name. */
export interface ClusterFilter {
  /** Substring of the name (meant as the service FQDN). */
  fqdn?: string;
  /** Port: the name contains `|port|`. */
  port?: number;
  /** Substring of the name (meant as the subset). */
  subset?: string;
  /** Substring of the name (meant as the direction: inbound, outbound, inbound-vip). */
  direction?: string;
}

/** The parts of an Istio cluster name `direction|port|subset|host`. */
export interface ClusterKey {
  direction: string;
  port: number;
  subset: string;
  fqdn: string;
}

/** One cluster, summarised for the table. */
export interface ClusterSummary {
  /** The Envoy cluster name. */
  name: string;
  /** Parsed Istio name, or undefined for clusters such as `BlackHoleCluster`, `agent`, `xds-grpc`. */
  key?: ClusterKey;
  /** Discovery type (EDS, STRICT_DNS, ORIGINAL_DST, STATIC, ...; a custom cluster type's name). */
  type: string;
  /** The DestinationRule that shaped it, as `name.namespace`, or ''. */
  destinationRule: string;
  /** The cluster as it is in the dump. */
  raw: JsonObject;
}

/** Splits `direction|port|subset|host`; undefined when the name has fewer than four parts (as istioctl decides). */
export function parseClusterName(name: string): ClusterKey | undefined {
  const parts = name.split('|');
  if (parts.length <= 3) return undefined;
  const port = /^[+-]?\d+$/.test(parts[1]!) ? Number(parts[1]) : 0;
  // A fifth part means the name was not built by Istio; istioctl then leaves the host empty.
  return { direction: parts[0]!, port, subset: parts[2]!, fqdn: parts.length === 4 ? parts[3]! : '' };
}

/** Active dynamic and static clusters of the dump, sorted by host, subset, port and direction (istioctl's order). */
export function readClusters(dump: ConfigDump): ClusterSummary[] {
  const raws = [
    ...entries(dump, 'ClustersConfigDump', 'dynamicActiveClusters', 'cluster'),
    ...entries(dump, 'ClustersConfigDump', 'staticClusters', 'cluster'),
  ];
  const clusters = raws.map((raw): ClusterSummary => {
    const name = str(raw, 'name');
    const key = parseClusterName(name);
    const custom = obj(raw, 'clusterType');
    const type = custom ? str(custom, 'name') || 'CUSTOM' : typeof field(raw, 'type') === 'string' ? (field(raw, 'type') as string) : 'STATIC';
    return { name, ...(key ? { key } : {}), type, destinationRule: istioConfigName(field(raw, 'metadata')), raw };
  });
  return clusters.sort(compareClusters);
}

function sortKey(name: string, key: ClusterKey | undefined): [string, string, number, string] {
  return key ? [key.fqdn, key.subset, key.port, key.direction] : [name, '', 0, ''];
}

/** istioctl's cluster order: by host, then subset, port and direction; names Istio did not build sort as hosts. */
export function compareClusterNames(a: string, b: string, ak = parseClusterName(a), bk = parseClusterName(b)): number {
  const [af, as, ap, ad] = sortKey(a, ak);
  const [bf, bs, bp, bd] = sortKey(b, bk);
  return compareStrings(af, bf) || compareStrings(as, bs) || ap - bp || compareStrings(ad, bd);
}

function compareClusters(a: ClusterSummary, b: ClusterSummary): number {
  return compareClusterNames(a.name, b.name, a.key, b.key);
}

/** Whether a cluster passes the filter. */
export function matchesCluster(c: ClusterSummary, f: ClusterFilter): boolean {
  if (f.fqdn && !c.name.includes(f.fqdn)) return false;
  if (f.direction && !c.name.includes(f.direction)) return false;
  if (f.subset && !c.name.includes(f.subset)) return false;
  if (f.port && !c.name.includes(`|${f.port}|`)) return false;
  return true;
}

/** The cluster table; with `typed`, a first NAME column `cluster/<name>` (as in `proxy-config all`). */
export function clusterTable(clusters: readonly ClusterSummary[], typed = false): TableModel {
  const header = ['SERVICE FQDN', 'PORT', 'SUBSET', 'DIRECTION', 'TYPE', 'DESTINATION RULE'];
  const rows = clusters.map((c) => {
    const cells = c.key
      ? [c.key.fqdn, String(c.key.port), c.key.subset || '-', c.key.direction, c.type, c.destinationRule]
      : [c.name, '-', '-', '-', c.type, c.destinationRule];
    return typed ? [`cluster/${c.name}`, ...cells] : cells;
  });
  return { header: typed ? ['NAME', ...header] : header, rows };
}

/** `proxy-config listener`: Envoy listeners, their filter chains, what each chain matches and where it sends traffic. */
import type { JsonObject } from '../tree.js';
import { compareStrings } from '../tree.js';
import { entries, type ConfigDump } from './dump.js';
import { addressHost, addressPort, field, list, num, obj, str } from './fields.js';
import { matcherMatches } from './listener-matcher.js';
import { describeCluster, describeRouteConfig } from './routes-describe.js';
import type { TableModel } from './table.js';

const HCM = 'envoy.filters.network.http_connection_manager';
const TCP_PROXY = 'envoy.filters.network.tcp_proxy';

/** Filters of `proxy-config listener`. */
export interface ListenerFilter {
  /** An address of the listener (its main or an additional one), compared without case. */
  address?: string;
  /** The listener's port. */
  port?: number;
  /** HTTP, TCP, HTTP+TCP or UNKNOWN, compared without case. */
  type?: string;
}

/** One filter chain, described. */
export interface ChainSummary {
  /** The chain's name ('' when unnamed). */
  name: string;
  /**
   * What the chain matches: `SNI: ...; Trans: tls; App: HTTP; Addr: 10.0.0.0/8:9080`, or `ALL`; for a listener with a
   * matcher tree, one entry per path through the tree that ends at this chain.
   */
  matches: string[];
  /** Where it goes: `Route: 9080`, `Cluster: outbound|...`, `PassthroughCluster`, `Inline Route: ...`. */
  destination: string;
}

/** One listener, summarised. */
export interface ListenerSummary {
  name: string;
  /** The main address first, then additional addresses. */
  addresses: string[];
  port: number;
  /** HTTP, TCP, HTTP+TCP or UNKNOWN, from the chains' filters. */
  type: string;
  chains: ChainSummary[];
  /** An internal listener (reached by other listeners of the same Envoy, not by a socket). */
  internal: boolean;
  /** The listener as it is in the dump. */
  raw: JsonObject;
}

const PROTOCOL_NAMES: [string, string[]][] = [
  ['App: HTTP TLS', ['http/1.0', 'http/1.1', 'h2c', 'istio-http/1.0', 'istio-http/1.1', 'istio-h2']],
  ['App: Istio HTTP Plain', ['istio', 'istio-http/1.0', 'istio-http/1.1', 'istio-h2']],
  ['App: TCP TLS', ['istio-peer-exchange', 'istio']],
  ['App: HTTP', ['http/1.0', 'http/1.1', 'h2c']],
];

/** Active dynamic and static listeners, sorted by port, address and type (istioctl's order). */
export function readListeners(dump: ConfigDump): ListenerSummary[] {
  const raws = [
    ...entries(dump, 'ListenersConfigDump', 'dynamicListeners', 'activeState', 'listener'),
    ...entries(dump, 'ListenersConfigDump', 'staticListeners', 'listener'),
  ];
  const listeners = raws.map((raw): ListenerSummary => {
    const chains = filterChains(raw);
    const matcher = obj(raw, 'filterChainMatcher');
    const addresses = [addressHost(field(raw, 'address')) ?? '', ...list(raw, 'additionalAddresses').map((a) => addressHost(field(a, 'address')) ?? '')];
    return {
      name: str(raw, 'name'),
      addresses,
      port: addressPort(field(raw, 'address')),
      type: listenerType(chains),
      chains: chains.map((fc) => {
        const name = str(fc, 'name');
        const matches = matcher ? matcherMatches(matcher, name) : [describeChainMatch(field(fc, 'filterChainMatch'))];
        return { name, matches, destination: describeFilters(list(fc, 'filters')) };
      }),
      internal: field(raw, 'internalListener') !== undefined,
      raw,
    };
  });
  return listeners.sort((a, b) => a.port - b.port || compareStrings(a.addresses[0]!, b.addresses[0]!) || compareStrings(a.type, b.type));
}

function filterChains(listener: unknown): unknown[] {
  const chains = list(listener, 'filterChains');
  const fallback = obj(listener, 'defaultFilterChain');
  return fallback ? [...chains, fallback] : chains;
}

/** Whether a TCP proxy only exists to drop traffic (BlackHoleCluster); those do not make a listener TCP. */
function isBlackHole(filter: unknown): boolean {
  return JSON.stringify(field(filter, 'typedConfig') ?? '').includes('BlackHoleCluster');
}

function listenerType(chains: unknown[]): string {
  let http = 0;
  let tcp = 0;
  for (const fc of chains) {
    for (const f of list(fc, 'filters')) {
      const name = str(f, 'name');
      if (name === HCM) http++;
      else if (name === TCP_PROXY && !isBlackHole(f)) tcp++;
    }
  }
  if (http > 0) return tcp === 0 ? 'HTTP' : 'HTTP+TCP';
  return tcp > 0 ? 'TCP' : 'UNKNOWN';
}

/** A FilterChainMatch in one cell (source ranges and suffix lengths are not shown, as in istioctl). */
export function describeChainMatch(match: unknown): string {
  const d: string[] = [];
  const sni = list(match, 'serverNames');
  if (sni.length) d.push(`SNI: ${sni.join(',')}`);
  const transport = str(match, 'transportProtocol');
  if (transport) d.push(`Trans: ${transport}`);
  const alpn = list(match, 'applicationProtocols').map(String);
  if (alpn.length) {
    const known = PROTOCOL_NAMES.find(([, protos]) => protos.length === alpn.length && protos.every((p, i) => p === alpn[i]));
    d.push(known ? known[0] : `App: ${alpn.join(',')}`);
  }
  const dport = field(match, 'destinationPort');
  const port = dport === undefined ? '' : `:${typeof dport === 'object' ? num(dport, 'value') : Number(dport)}`;
  const ranges = list(match, 'prefixRanges');
  if (ranges.length) d.push(`Addr: ${ranges.map((r) => `${str(r, 'addressPrefix')}/${num(r, 'prefixLen')}`).join(',')}${port}`);
  else if (port) d.push(`Addr: *${port}`);
  return d.length ? d.join('; ') : 'ALL';
}

/** Where a chain's network filters send traffic. */
function describeFilters(filters: unknown[]): string {
  for (const f of filters) {
    const name = str(f, 'name');
    const config = field(f, 'typedConfig');
    if (name === HCM) {
      const inline = obj(config, 'routeConfig');
      if (inline) return describeRouteConfig(inline);
      const rds = str(config, 'rds', 'routeConfigName');
      return rds ? `Route: ${rds}` : 'HTTP';
    }
    if (name === TCP_PROXY && !isBlackHole(f)) {
      const cluster = str(config, 'cluster');
      if (cluster) return describeCluster(cluster);
      const weighted = list(config, 'weightedClusters', 'clusters').map((c) => str(c, 'name'));
      return weighted.length ? `Clusters: ${weighted.join(', ')}` : 'Cluster: ';
    }
  }
  return 'Non-HTTP/Non-TCP';
}

/** Whether a listener passes the filter. */
export function matchesListener(l: ListenerSummary, f: ListenerFilter): boolean {
  if (f.address && !l.addresses.some((a) => a.toLowerCase() === f.address!.toLowerCase())) return false;
  if (f.port && l.port !== f.port) return false;
  if (f.type && l.type.toLowerCase() !== f.type.toLowerCase()) return false;
  return true;
}

/** The listener table: one row per filter chain (MATCH, DESTINATION), or with `brief` one per listener (TYPE). */
export function listenerTable(listeners: readonly ListenerSummary[], options: { brief?: boolean; typed?: boolean } = {}): TableModel {
  const header = ['ADDRESSES', 'PORT', ...(options.brief ? ['TYPE'] : ['MATCH', 'DESTINATION'])];
  const rows: string[][] = [];
  for (const l of listeners) {
    const lead = [...(options.typed ? [`listener/${l.name}`] : []), l.addresses.join(','), String(l.port)];
    if (options.brief) {
      rows.push([...lead, l.type]);
      continue;
    }
    // Descending by destination, as istioctl sorts; stable, so equal destinations keep chain order.
    const chains = [...l.chains].sort((a, b) => compareStrings(b.destination, a.destination));
    for (const c of chains) for (const m of c.matches) rows.push([...lead, m, c.destination]);
  }
  return { header: options.typed ? ['NAME', ...header] : header, rows, padding: 1 };
}

/**
 * The per-chain view of istioctl's `--waypoint`: LISTENER (`envoy://name`, or `internal` for an internal listener
 * whose one chain is named after it), CHAIN, MATCH, DESTINATION. Internal listeners sort by name.
 */
export function chainTable(listeners: readonly ListenerSummary[]): TableModel {
  const sorted = [...listeners].sort((a, b) =>
    a.internal && b.internal
      ? compareStrings(a.name, b.name)
      : a.port - b.port || compareStrings(a.addresses[0]!, b.addresses[0]!) || compareStrings(a.type, b.type),
  );
  const rows: string[][] = [];
  for (const l of sorted) {
    const lname = `envoy://${l.name}`;
    const shown = l.internal && l.chains.length === 1 && l.chains[0]!.name === lname ? 'internal' : lname;
    for (const c of l.chains) for (const m of c.matches) rows.push([shown, c.name, m, c.destination]);
  }
  return { header: ['LISTENER', 'CHAIN', 'MATCH', 'DESTINATION'], rows, padding: 1 };
}

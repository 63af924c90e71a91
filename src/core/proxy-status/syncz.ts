/**
 * Reads istiod's `/debug/syncz` answer: a JSON list with one entry per connected proxy, holding the nonce istiod
 * last sent and the nonce the proxy last acknowledged for each xDS type it watches (`resources`, keyed by type
 * URL). Older istiods only fill the per-type fields (`cluster_sent`, `cluster_acked`, ...); both are read.
 */
import { TYPE_URL } from './types.js';

/** The sync state of one xDS type of one proxy, as istiod reported it. */
export interface TypeSync {
  /** Full type URL, e.g. type.googleapis.com/envoy.config.cluster.v3.Cluster. */
  typeUrl: string;
  /** Nonce of the last push istiod sent; absent when nothing was sent yet. */
  sent?: string;
  /** Nonce the proxy last acknowledged. */
  acked?: string;
  /** When istiod last sent this type (RFC 3339); absent when unknown. */
  sentTime?: string;
  /** The proxy's last NACK message for this type. */
  lastError?: string;
}

/** One proxy connected to one istiod. */
export interface SyncEntry {
  /** Proxy ID, `<pod>.<namespace>` for Kubernetes workloads. */
  proxy: string;
  /** sidecar, router (gateways and waypoints) or ztunnel. */
  proxyType?: string;
  /** Cluster ID of the proxy (`Kubernetes` in a single-cluster mesh). */
  clusterId?: string;
  /** Istio version the proxy runs. */
  istioVersion?: string;
  /** Watched types, in the order istiod listed them. */
  types: TypeSync[];
}

/** Either the entries or why the answer could not be read. */
export type SynczParse = { ok: true; entries: SyncEntry[] } | { ok: false; reason: string };

/** The legacy per-type fields of a syncz entry and the type each stands for. */
const LEGACY: [string, string][] = [
  ['cluster', TYPE_URL.cluster],
  ['listener', TYPE_URL.listener],
  ['route', TYPE_URL.route],
  ['endpoint', TYPE_URL.endpoint],
  ['extensionconfig', TYPE_URL.extensionConfig],
];

/** The zero Go time: istiod serializes an unset time.Time so, which means "never". */
const GO_ZERO_TIME = /^0001-01-01T00:00:00/;

/** Parses a syncz body. Pure: a malformed answer is reported as a reason, never thrown. */
export function parseSyncz(text: string): SynczParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the answer is not JSON (${(error as Error).message})` };
  }
  if (data === null) return { ok: true, entries: [] };
  if (!Array.isArray(data)) return { ok: false, reason: 'the answer is not a JSON list of proxies' };
  const entries: SyncEntry[] = [];
  for (const [i, raw] of data.entries()) {
    if (!isRecord(raw) || typeof raw.proxy !== 'string' || raw.proxy === '') {
      return { ok: false, reason: `entry ${i} has no "proxy" ID` };
    }
    entries.push(toEntry(raw));
  }
  return { ok: true, entries };
}

function toEntry(raw: Record<string, unknown>): SyncEntry {
  const entry: SyncEntry = { proxy: raw.proxy as string, types: [] };
  const proxyType = str(raw.proxy_type);
  const clusterId = str(raw.cluster_id);
  const istioVersion = str(raw.istio_version);
  if (proxyType) entry.proxyType = proxyType;
  if (clusterId) entry.clusterId = clusterId;
  if (istioVersion) entry.istioVersion = istioVersion;
  if (isRecord(raw.resources) && Object.keys(raw.resources).length > 0) {
    for (const [typeUrl, res] of Object.entries(raw.resources)) {
      const r = isRecord(res) ? res : {};
      entry.types.push(typeSync(typeUrl, str(r.sent), str(r.acked), str(r.sentTime), str(r.lastError)));
    }
    return entry;
  }
  // An istiod without `resources` says only what it sent and what was acked: a type it never mentions is not watched.
  for (const [field, typeUrl] of LEGACY) {
    const sent = str(raw[`${field}_sent`]);
    const acked = str(raw[`${field}_acked`]);
    if (sent || acked) entry.types.push(typeSync(typeUrl, sent, acked));
  }
  return entry;
}

function typeSync(typeUrl: string, sent?: string, acked?: string, sentTime?: string, lastError?: string): TypeSync {
  const t: TypeSync = { typeUrl };
  if (sent) t.sent = sent;
  if (acked) t.acked = acked;
  if (sentTime && !GO_ZERO_TIME.test(sentTime)) t.sentTime = sentTime;
  if (lastError) t.lastError = lastError;
  return t;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

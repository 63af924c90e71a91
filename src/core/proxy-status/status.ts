/**
 * Merges the syncz answers of every istiod into one report: a row per (proxy, istiod) with each watched type's
 * state. The state comes from the nonces, as istiod's own status generator decides it: ERROR when the proxy
 * rejected the last push, NOT SENT when nothing was pushed, SYNCED when the last push was acknowledged, else STALE.
 * The report is also the `-o json|yaml` output, so its field names are public API.
 */
import { compareStrings } from '../tree.js';
import type { SyncEntry, TypeSync } from './syncz.js';
import { compareTypes, shortType } from './types.js';

/** The sync state of one type. */
export type SyncState = 'SYNCED' | 'STALE' | 'NOT SENT' | 'ERROR';

/** What one istiod answered (or why it did not). */
export interface IstiodAnswer {
  /** istiod pod name. */
  name: string;
  namespace: string;
  /** The parsed syncz entries; absent when the istiod could not be asked or its answer was unreadable. */
  entries?: SyncEntry[];
  /** Why there are no entries. */
  error?: string;
}

/** One type of one proxy in the report. */
export interface TypeStatus {
  /** Short name (CDS, LDS, ...) or the full URL for a type without one. */
  type: string;
  typeUrl: string;
  status: SyncState;
  /** Nonce istiod last sent. */
  sent?: string;
  /** Nonce the proxy last acknowledged. */
  acked?: string;
  /** When istiod last sent this type (RFC 3339). */
  lastSent?: string;
  /** The proxy's last rejection (NACK) message. */
  error?: string;
}

/** One proxy as one istiod sees it. */
export interface ProxyStatus {
  /** Proxy ID, `<pod>.<namespace>`. */
  name: string;
  /** sidecar, router or ztunnel. */
  type?: string;
  cluster: string;
  /** The istiod pod the proxy is connected to. */
  istiod: string;
  /** Istio version of the proxy. */
  version: string;
  /** Watched types, CDS, LDS, EDS, RDS first. */
  types: TypeStatus[];
}

/** An istiod that was asked. */
export interface IstiodSummary {
  name: string;
  namespace: string;
  /** Proxies it reported (after the namespace filter); absent when it did not answer. */
  proxies?: number;
  /** Why it did not answer. */
  error?: string;
}

/** The proxy-status report (also the JSON/YAML output). */
export interface ProxyStatusReport {
  istiods: IstiodSummary[];
  /** Sorted by proxy ID, then istiod. */
  proxies: ProxyStatus[];
}

/** The state of one type from its nonces. */
export function syncState(t: TypeSync): SyncState {
  if (t.lastError) return 'ERROR';
  if (!t.sent) return 'NOT SENT';
  return t.acked === t.sent ? 'SYNCED' : 'STALE';
}

/** Options of buildReport. */
export interface ReportOptions {
  /** Keep only proxies in this namespace (the part of the proxy ID after its last dot). */
  namespace?: string;
}

/** Builds the report from every istiod's answer. Pure. */
export function buildReport(answers: IstiodAnswer[], options: ReportOptions = {}): ProxyStatusReport {
  const istiods: IstiodSummary[] = [];
  const proxies: ProxyStatus[] = [];
  for (const answer of [...answers].sort((a, b) => compareStrings(a.name, b.name))) {
    if (!answer.entries) {
      istiods.push({ name: answer.name, namespace: answer.namespace, error: answer.error ?? 'no answer' });
      continue;
    }
    const mine = answer.entries.filter((e) => !options.namespace || proxyNamespace(e.proxy) === options.namespace);
    istiods.push({ name: answer.name, namespace: answer.namespace, proxies: mine.length });
    for (const e of mine) proxies.push(toProxyStatus(e, answer.name));
  }
  proxies.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.istiod, b.istiod));
  return { istiods, proxies };
}

/** The namespace part of a proxy ID (`name.namespace`); namespaces never contain dots, pod names may. */
export function proxyNamespace(proxyId: string): string {
  const dot = proxyId.lastIndexOf('.');
  return dot >= 0 ? proxyId.slice(dot + 1) : '';
}

function toProxyStatus(e: SyncEntry, istiod: string): ProxyStatus {
  const types = [...e.types]
    .sort((a, b) => compareTypes(a.typeUrl, b.typeUrl))
    .map((t) => {
      const s: TypeStatus = { type: shortType(t.typeUrl), typeUrl: t.typeUrl, status: syncState(t) };
      if (t.sent) s.sent = t.sent;
      if (t.acked) s.acked = t.acked;
      if (t.sentTime) s.lastSent = t.sentTime;
      if (t.lastError) s.error = t.lastError;
      return s;
    });
  // Key order is the JSON output's: name, type, cluster, istiod, version, types.
  return { name: e.proxy, ...(e.proxyType ? { type: e.proxyType } : {}), cluster: e.clusterId ?? '', istiod, version: e.istioVersion ?? '', types };
}

/** Counts of proxies with at least one type in a state other than SYNCED/NOT SENT, for the summary line. */
export function outOfSync(report: ProxyStatusReport): { stale: number; error: number } {
  let stale = 0;
  let error = 0;
  for (const p of report.proxies) {
    if (p.types.some((t) => t.status === 'ERROR')) error++;
    else if (p.types.some((t) => t.status === 'STALE')) stale++;
  }
  return { stale, error };
}

/**
 * The proxy-status tables as data, with the columns istioctl 1.30 prints. Default: NAME, CLUSTER, ISTIOD, VERSION,
 * SUBSCRIBED TYPES. With `--verbosity 1`: one column per xDS type with its state and age, in type-URL order. Each
 * state cell keeps its state, so that src/render/proxy-status.ts can colour it.
 */
import type { ProxyStatusReport, SyncState, TypeStatus } from './status.js';
import { ALWAYS_SHOWN, shortType } from './types.js';

/** A state cell of the per-type table: its text and the state it shows (IGNORED: the proxy does not watch the type). */
export interface StateCell {
  text: string;
  state: SyncState | 'IGNORED';
}

/** A proxy-status table: header cells and rows of plain or state cells. */
export interface StatusTable {
  header: string[];
  rows: (string | StateCell)[][];
}

/** The default table: one row per proxy with the count and names of the types it watches. */
export function statusTable(report: ProxyStatusReport): StatusTable {
  const rows = report.proxies.map((p) => {
    const types = p.types.map((t) => t.type);
    return [p.name, p.cluster, p.istiod, p.version, types.length ? `${types.length} (${types.join(',')})` : '0'];
  });
  return { header: ['NAME', 'CLUSTER', 'ISTIOD', 'VERSION', 'SUBSCRIBED TYPES'], rows };
}

/** The per-type table (`--verbosity 1`); `now` (ms since epoch) dates each state; types nobody watches show IGNORED. */
export function verboseStatusTable(report: ProxyStatusReport, now: number): StatusTable {
  const urls = new Set<string>(ALWAYS_SHOWN);
  for (const p of report.proxies) for (const t of p.types) urls.add(t.typeUrl);
  // istioctl sorts this table's columns by type URL (CDS, ECDS, EDS, LDS, RDS, ...), unlike SUBSCRIBED TYPES.
  const columns = [...urls].sort();
  const rows = report.proxies.map((p) => {
    const byUrl = new Map(p.types.map((t) => [t.typeUrl, t]));
    const states = columns.map((u): StateCell => {
      const t = byUrl.get(u);
      return t ? { text: stateText(t, now), state: t.status } : { text: 'IGNORED', state: 'IGNORED' };
    });
    return [p.name, p.cluster, ...states, p.istiod, p.version];
  });
  return { header: ['NAME', 'CLUSTER', ...columns.map(shortType), 'ISTIOD', 'VERSION'], rows };
}

/** `SYNCED (5m3s)`: the state and how long ago istiod last sent the type; NOT SENT has no age. */
export function stateText(t: TypeStatus, now: number): string {
  if (t.status === 'NOT SENT' || !t.lastSent) return t.status;
  const sent = Date.parse(t.lastSent);
  return Number.isNaN(sent) ? t.status : `${t.status} (${humanDuration(now - sent)})`;
}

/** A duration the way kubectl prints ages (`45s`, `5m3s`, `3h10m`, `2d4h`, `3y20d`). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.trunc(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${days / 365}y` : `${Math.trunc(days / 365)}y${days % 365}d`;
  return `${Math.trunc(days / 365)}y`;
}

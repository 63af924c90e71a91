/**
 * The proxy-status tables, laid out as istioctl 1.30 prints them (Go tabwriter: columns padded to the widest cell
 * plus 5 spaces, last column unpadded). Default: NAME, CLUSTER, ISTIOD, VERSION, SUBSCRIBED TYPES. With
 * `--verbosity 1`: one column per xDS type with its state and age, in type-URL order.
 */
import type { ProxyStatusReport, SyncState, TypeStatus } from './status.js';
import { ALWAYS_SHOWN, shortType } from './types.js';

/** A table cell: its text and an optional colour code (applied only when colour is on). */
export interface Cell {
  text: string;
  color?: string;
}

/** Aligns rows like Go's tabwriter with padding 5; `color` wraps coloured cells in ANSI codes after measuring. */
export function tabulate(rows: (string | Cell)[][], color = false): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c } : c)));
  const widths: number[] = [];
  for (const row of cells) {
    row.forEach((c, i) => {
      if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, c.text.length);
    });
  }
  return cells.map((row) => row.map((c, i) => {
    const painted = color && c.color ? `\x1b[${c.color}m${c.text}\x1b[0m` : c.text;
    return i < row.length - 1 ? painted + ' '.repeat(widths[i]! + 5 - c.text.length) : painted;
  }).join('')).join('\n') + (cells.length ? '\n' : '');
}

/** The default table: one row per proxy with the count and names of the types it watches. */
export function renderTable(report: ProxyStatusReport): string {
  const rows: string[][] = [['NAME', 'CLUSTER', 'ISTIOD', 'VERSION', 'SUBSCRIBED TYPES']];
  for (const p of report.proxies) {
    const types = p.types.map((t) => t.type);
    rows.push([p.name, p.cluster, p.istiod, p.version, types.length ? `${types.length} (${types.join(',')})` : '0']);
  }
  return tabulate(rows);
}

const STATE_COLOR: Record<SyncState, string | undefined> = { SYNCED: undefined, STALE: '33', 'NOT SENT': '2', ERROR: '31' };

/** The per-type table (`--verbosity 1`); `now` (ms since epoch) dates each state; types nobody watches show IGNORED. */
export function renderVerboseTable(report: ProxyStatusReport, now: number, color = false): string {
  const urls = new Set<string>(ALWAYS_SHOWN);
  for (const p of report.proxies) for (const t of p.types) urls.add(t.typeUrl);
  // istioctl sorts this table's columns by type URL (CDS, ECDS, EDS, LDS, RDS, ...), unlike SUBSCRIBED TYPES.
  const columns = [...urls].sort();
  const rows: (string | Cell)[][] = [['NAME', 'CLUSTER', ...columns.map(shortType), 'ISTIOD', 'VERSION']];
  for (const p of report.proxies) {
    const byUrl = new Map(p.types.map((t) => [t.typeUrl, t]));
    const states = columns.map((u): Cell => {
      const t = byUrl.get(u);
      if (!t) return { text: 'IGNORED', color: '2' };
      const cell: Cell = { text: stateText(t, now) };
      const c = STATE_COLOR[t.status];
      if (c) cell.color = c;
      return cell;
    });
    rows.push([p.name, p.cluster, ...states, p.istiod, p.version]);
  }
  return tabulate(rows, color);
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

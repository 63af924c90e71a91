/** The proxy-status tables as istioctl lays them out (Go tabwriter, padding 5, trailing spaces kept), states coloured. */
import type { ProxyStatusReport, SyncState } from '../core/proxy-status/status.js';
import { statusTable, verboseStatusTable, type StatusTable } from '../core/proxy-status/table.js';
import type { Style } from './paint.js';
import { renderTable, type Cell } from './table.js';

/** How each state looks: SYNCED plain, STALE late, ERROR broken, NOT SENT and IGNORED faint. */
const STATE_STYLE: Record<SyncState | 'IGNORED', Style | undefined> = { SYNCED: undefined, STALE: 'late', 'NOT SENT': 'faint', ERROR: 'broken', IGNORED: 'faint' };

function layout(table: StatusTable, color: boolean): string {
  const rows = table.rows.map((row) => row.map((c): Cell => {
    if (typeof c === 'string') return c;
    const style = STATE_STYLE[c.state];
    return style ? { text: c.text, style } : c.text;
  }));
  return renderTable(table.header, rows, { color });
}

/** The default table: one row per proxy with the count and names of the types it watches. */
export function renderStatusTable(report: ProxyStatusReport): string {
  return layout(statusTable(report), false);
}

/** The per-type table (`--verbosity 1`) dated against `now` (ms since epoch); states coloured when `color`. */
export function renderVerboseStatusTable(report: ProxyStatusReport, now: number, color = false): string {
  return layout(verboseStatusTable(report, now), color);
}

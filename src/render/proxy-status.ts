/**
 * proxy-status's text output as istioctl prints it: the sync tables (Go tabwriter, padding 5, trailing spaces kept,
 * states coloured), and a config-dump comparison (`Clusters Match`, or `Listeners Don't Match` and a unified diff
 * from istiod's side to Envoy's).
 */
import type { DumpComparison } from '../core/proxy-status/compare.js';
import type { DiffFn } from '../core/proxy-status/compare-report.js';
import type { ProxyStatusReport, SyncState } from '../core/proxy-status/status.js';
import { statusTable, verboseStatusTable, type StatusTable } from '../core/proxy-status/table.js';
import type { Style } from './paint.js';
import { renderTable, type Cell } from './table.js';

/** How each state looks: SYNCED plain, STALE late, ERROR broken, NOT SENT and IGNORED faint. */
const STATE_STYLE: Record<SyncState | 'IGNORED', Style | undefined> = {
  SYNCED: undefined,
  STALE: 'late',
  'NOT SENT': 'faint',
  ERROR: 'broken',
  IGNORED: 'faint',
};

function layout(table: StatusTable, color: boolean): string {
  const rows = table.rows.map((row) =>
    row.map((c): Cell => {
      if (typeof c === 'string') return c;
      const style = STATE_STYLE[c.state];
      return style ? { text: c.text, style } : c.text;
    }),
  );
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

/** The text report; times are printed in UTC in RFC 1123 form. */
export function renderComparison(c: DumpComparison, diff: DiffFn): string {
  let out = '';
  for (const s of c.sections) {
    const suffix = s.name === 'Routes' && c.routesLastLoaded ? ` (RDS last loaded at ${rfc1123(c.routesLastLoaded)})` : '';
    if (s.match) {
      out += `${s.name} Match${suffix}\n`;
      continue;
    }
    out += `${s.name} Don't Match${suffix}\n`;
    out += `${diff(s.istiod, s.envoy, `Istiod ${s.name}`, `Envoy ${s.name}`)}\n`;
  }
  return out;
}

/** `Mon, 02 Jan 2006 15:04:05 UTC`, Go's time.RFC1123 in UTC. */
function rfc1123(iso: string): string {
  return new Date(iso).toUTCString().replace(/GMT$/, 'UTC');
}

/**
 * `mesh waypoint list|status` tables, in istioctl's layout (tabwriter, padding 5), and the text of a workload's or
 * service's waypoint path (`waypoint status <pod|service>`, `describe`).
 */
import type { WaypointListRow, WaypointStatusRow } from '../core/waypoint/rows.js';
import type { AmbientView } from '../core/ambient/index.js';
import { ambientLines } from '../core/ambient/text.js';
import { renderTable } from './table.js';

/** `waypoint list`: NAME REVISION TRAFFIC TYPE PROGRAMMED, with NAMESPACE first for -A. */
export function renderWaypointList(rows: readonly WaypointListRow[], allNamespaces: boolean): string {
  const header = ['NAME', 'REVISION', 'TRAFFIC TYPE', 'PROGRAMMED'];
  const cells = rows.map((r) => [r.name, r.revision, r.trafficType, r.programmed]);
  return allNamespaces
    ? renderTable(
        ['NAMESPACE', ...header],
        rows.map((r, i) => [r.namespace, ...cells[i]!]),
      )
    : renderTable(header, cells);
}

/** `waypoint status`: NAME STATUS TYPE REASON MESSAGE, with NAMESPACE first for -A. */
export function renderWaypointStatus(rows: readonly WaypointStatusRow[], allNamespaces: boolean): string {
  const header = ['NAME', 'STATUS', 'TYPE', 'REASON', 'MESSAGE'];
  const cells = rows.map((r) => [r.name, r.status, r.type, r.reason, r.message]);
  return allNamespaces
    ? renderTable(
        ['NAMESPACE', ...header],
        rows.map((r, i) => [r.namespace, ...cells[i]!]),
      )
    : renderTable(header, cells);
}

/** The whole answer of `waypoint status <pod|service>`: the subject, then its ambient picture. */
export function renderAmbientView(view: AmbientView): string {
  return `${[`${view.subject.kind} ${view.subject.name}.${view.subject.namespace}`, ...ambientLines(view, '   ')].join('\n')}\n`;
}

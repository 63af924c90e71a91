/**
 * `mesh waypoint list|status` tables, in istioctl's layout (tabwriter, padding 5), and the text of a workload's or
 * service's waypoint path (`waypoint status <pod|service>`, `describe`).
 */
import type { WaypointListRow, WaypointStatusRow } from '../core/waypoint/rows.js';
import type { AmbientView, WaypointPath } from '../core/ambient/index.js';
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

/** One waypoint path in words: `Workload traffic to pod x: waypoint ns/name (...)` or the reason and fix. */
export function pathLines(p: WaypointPath, indent = ''): string[] {
  const to =
    p.traffic === 'workload' ? `Workload traffic (to ${p.subject.kind.toLowerCase()} ${p.subject.name})` : `Service traffic (to service ${p.subject.name})`;
  if (p.waypoint) return [`${indent}${to}: waypoint ${p.waypoint.namespace}/${p.waypoint.name} (istio.io/use-waypoint on the ${p.waypoint.via})`];
  return [`${indent}${to}: no waypoint: ${p.reason!.message}`, `${indent}  fix: ${p.reason!.fix}`];
}

/** The ambient section of a describe, or the whole answer of `waypoint status <pod|service>`. */
export function renderAmbientView(view: AmbientView, indent = ''): string {
  const lines = [`${indent}Data plane: ${view.dataplane} (${view.dataplaneDetail})`];
  if (view.ztunnelNode) lines.push(`${indent}ztunnel: the ztunnel on node ${view.ztunnelNode} carries its traffic (L4, mTLS over HBONE)`);
  for (const p of view.paths) lines.push(...pathLines(p, indent));
  if (view.l4.length) {
    lines.push(`${indent}L4 AuthorizationPolicies (ztunnel):`);
    for (const p of view.l4) lines.push(`${indent}  ${p.action} ${p.namespace}/${p.name}${p.l7.length ? ` (L7 attributes: ${p.l7.join(', ')})` : ''}`);
  }
  if (view.l7.length) {
    lines.push(`${indent}L7 AuthorizationPolicies (waypoint):`);
    for (const p of view.l7) lines.push(`${indent}  ${p.action} ${p.namespace}/${p.name} (targetRef ${p.target})`);
  }
  for (const w of view.warnings) lines.push(`${indent}WARNING: ${w}`);
  return `${lines.join('\n')}\n`;
}

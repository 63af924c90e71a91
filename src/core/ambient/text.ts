/** The words for an ambient view (describe's text and `waypoint status <pod|service>` print the same lines). Pure. */
import type { AmbientView } from './view.js';
import type { WaypointPath } from './waypoint-path.js';

/** One waypoint path in words: the waypoint and the label that chose it, or the reason and its fix. */
export function pathLines(p: WaypointPath, indent = ''): string[] {
  const to =
    p.traffic === 'workload' ? `Workload traffic (to ${p.subject.kind.toLowerCase()} ${p.subject.name})` : `Service traffic (to service ${p.subject.name})`;
  if (p.waypoint) return [`${indent}${to}: waypoint ${p.waypoint.namespace}/${p.waypoint.name} (istio.io/use-waypoint on the ${p.waypoint.via})`];
  return [`${indent}${to}: no waypoint: ${p.reason!.message}`, `${indent}   fix: ${p.reason!.fix}`];
}

/** The ambient picture as lines: data plane, ztunnel, waypoint paths, L4 and L7 policies, warnings. */
export function ambientLines(view: AmbientView, indent = ''): string[] {
  const lines = [`${indent}Data plane: ${view.dataplane} (${view.dataplaneDetail})`];
  if (view.ztunnelNode) lines.push(`${indent}ztunnel: the ztunnel on node ${view.ztunnelNode} carries its traffic (L4, mTLS over HBONE)`);
  for (const p of view.paths) lines.push(...pathLines(p, indent));
  if (view.l4.length) {
    lines.push(`${indent}L4 AuthorizationPolicies (ztunnel):`);
    for (const p of view.l4) lines.push(`${indent}   ${p.action} ${p.namespace}/${p.name}${p.l7.length ? ` (L7 attributes: ${p.l7.join(', ')})` : ''}`);
  }
  if (view.l7.length) {
    lines.push(`${indent}L7 AuthorizationPolicies (waypoint):`);
    for (const p of view.l7) lines.push(`${indent}   ${p.action} ${p.namespace}/${p.name} (targetRef ${p.target})`);
  }
  for (const w of view.warnings) lines.push(`${indent}WARNING: ${w}`);
  return lines;
}

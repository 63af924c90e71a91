/**
 * MESH0013: a waypoint in a namespace that is not enrolled in ambient mode and that no other namespace's objects
 * point at (istio.io/use-waypoint-namespace): nothing sends it traffic.
 */
import type { Analyzer } from '../../types.js';
import { obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';
import { WORKLOAD_KINDS, workloads } from '../../../model/workloads.js';
import { namespaceIsAmbient } from '../../../ambient/index.js';
import { GATEWAY_KIND, LABELS, WAYPOINT_CLASSES } from '../../../waypoint/gateway.js';

export const waypointNamespace: Analyzer = {
  meta: {
    name: 'ambient.WaypointNamespaceAnalyzer',
    description: 'Checks that waypoints sit in ambient namespaces or are used from other namespaces',
    inputs: [GATEWAY_KIND, 'Namespace', 'Service', ...WORKLOAD_KINDS],
    codes: ['MESH0013'],
  },
  analyze(ctx) {
    // Waypoints named from another namespace: `namespace/name`.
    const usedFrom = new Set<string>();
    const note = (labels: Record<string, string>) => {
      const ns = labels[LABELS.useWaypointNamespace];
      if (ns && labels[LABELS.useWaypoint]) usedFrom.add(`${ns}/${labels[LABELS.useWaypoint]}`);
    };
    ctx.forEach('Namespace', (n) => note(n.labels));
    ctx.forEach('Service', (s) => note(s.labels));
    for (const w of workloads(ctx)) note(w.labels);
    ctx.forEach(GATEWAY_KIND, (gw) => {
      if (!(WAYPOINT_CLASSES as readonly string[]).includes(scalarString(obj(gw.object.spec).gatewayClassName) ?? '')) return;
      const ns = ctx.find('Namespace', '', gw.namespace);
      // Without the Namespace object the snapshot cannot tell its labels.
      if (!ns || namespaceIsAmbient(ns.labels) || usedFrom.has(`${gw.namespace}/${gw.name}`)) return;
      ctx.report(gw, 'MESH0013', [gw.name, gw.namespace, gw.namespace, gw.namespace]);
    });
  },
};

/**
 * MESH0009/MESH0010/MESH0014/MESH0017: istio.io/use-waypoint on a Namespace, Service or workload naming a waypoint that
 * does not exist (or is not of a waypoint class), whose istio.io/waypoint-for excludes the traffic the label sends it,
 * that belongs to another revision, or that does not admit users from the label's namespace. The same checks as `mesh waypoint status <pod|service>` (core/ambient).
 */
import type { Analyzer, Resource } from '../../types.js';
import type { MessageCode } from '../../../model/messages.js';
import { checkWaypoint, type TrafficKind, type WaypointRef } from '../../../ambient/index.js';

type WaypointVia = WaypointRef['via'];
import { GATEWAY_KIND, LABELS } from '../../../waypoint/gateway.js';
import { WORKLOAD_KINDS, workloads } from '../../../model/workloads.js';

const CODES: Partial<Record<string, MessageCode>> = {
  'waypoint-not-found': 'MESH0009',
  'not-a-waypoint': 'MESH0009',
  'traffic-not-covered': 'MESH0010',
  'revision-mismatch': 'MESH0014',
  'namespace-not-allowed': 'MESH0017',
};

export const useWaypoint: Analyzer = {
  meta: {
    name: 'ambient.UseWaypointAnalyzer',
    description: 'Checks that istio.io/use-waypoint names an existing waypoint of the same revision that takes that kind of traffic',
    inputs: ['Namespace', 'Service', GATEWAY_KIND, ...WORKLOAD_KINDS],
    codes: ['MESH0009', 'MESH0010', 'MESH0014', 'MESH0017'],
  },
  analyze(ctx) {
    const nsLabels = (ns: string) => ctx.find('Namespace', '', ns)?.labels ?? {};
    const check = (
      r: Resource,
      labels: Record<string, string>,
      namespace: string,
      traffic: TrafficKind,
      via: WaypointVia,
      revision?: string,
      at: readonly string[] = [],
    ) => {
      const name = labels[LABELS.useWaypoint];
      if (!name || name === 'none') return;
      const ref = { name, namespace: labels[LABELS.useWaypointNamespace] || namespace, via };
      const reason = checkWaypoint(ctx, ref, traffic, revision || undefined, namespace);
      const code = reason && CODES[reason.code];
      // Absence is reported only when Gateways were read (the cluster, or files holding some).
      if (!reason || !code || (code === 'MESH0009' && reason.code === 'waypoint-not-found' && !ctx.knows(GATEWAY_KIND))) return;
      const field = [...at, 'metadata', 'labels', LABELS.useWaypoint];
      if (code === 'MESH0010') ctx.report(r, code, [reason.message, traffic, reason.fix], field);
      else ctx.report(r, code, [reason.message, reason.fix], field);
    };
    ctx.forEach('Namespace', (ns) => {
      // A namespace label sends both kinds of traffic; a waypoint for only one of them is the usual set-up, for none is not.
      const gw = ctx.find(GATEWAY_KIND, ns.labels[LABELS.useWaypointNamespace] || ns.name, ns.labels[LABELS.useWaypoint] ?? '');
      const traffic: TrafficKind = gw?.labels[LABELS.waypointFor] === 'workload' ? 'workload' : 'service';
      check(ns, ns.labels, ns.name, traffic, 'namespace', ns.labels[LABELS.rev]);
    });
    ctx.forEach('Service', (s) => check(s, s.labels, s.namespace, 'service', 'service', s.labels[LABELS.rev] || nsLabels(s.namespace)[LABELS.rev]));
    for (const w of workloads(ctx)) {
      // The pod template's metadata sits beside its spec (spec.template.metadata for controllers).
      const at = w.specPath.slice(0, -1);
      check(w.resource, w.labels, w.namespace, 'workload', 'pod', w.labels[LABELS.rev] || nsLabels(w.namespace)[LABELS.rev], at);
    }
  },
};

/**
 * A workload's or a service's ambient picture, as `describe` and `waypoint status <pod|service>` print it: its data
 * plane mode, the ztunnel that carries its traffic (the one on its node), the waypoint path of each kind of traffic
 * with the reason when there is none, and the AuthorizationPolicies enforced at L4 (ztunnel) and L7 (waypoint).
 */
import type { Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import { obj, strMap } from '../model/access.js';
import { selects, isEmpty } from '../model/selectors.js';
import { workloads, type Workload } from '../model/workloads.js';
import { scalarString } from '../tree.js';
import { enrolment } from './enrolment.js';
import { namespaceLabels, serviceWaypoint, workloadWaypoint, type WaypointPath } from './waypoint-path.js';
import { waypointPolicies, ztunnelPolicies, type AmbientPolicy } from './policies.js';

/** The ambient picture of one pod or service. */
export interface AmbientView {
  subject: { kind: string; namespace: string; name: string };
  /** `ambient`, `sidecar`, `opted-out` or `none` (for a service: whether any of its pods is ambient). */
  dataplane: string;
  /** Where the mode comes from, in words. */
  dataplaneDetail: string;
  /** The node whose ztunnel carries the pod's traffic (pods only, when scheduled). */
  ztunnelNode?: string;
  /** Waypoint paths: the pod's own (workload traffic), then each Service selecting it; for a service, its own. */
  paths: WaypointPath[];
  /** Policies ztunnel enforces (L4). */
  l4: AmbientPolicy[];
  /** Policies a waypoint enforces (L7). */
  l7: AmbientPolicy[];
  /** Problems worth saying, e.g. an L7 policy that only ztunnel sees. */
  warnings: string[];
}

/** The ambient view of a workload (pod or pod template). */
export function ambientWorkloadView(ctx: SnapshotView, workload: Workload, rootNamespace: string): AmbientView {
  const mode = enrolment(workload, namespaceLabels(ctx, workload.namespace));
  const services = servicesSelecting(ctx, workload);
  const paths = [workloadWaypoint(ctx, workload), ...services.map((s) => serviceWaypoint(ctx, s))];
  const l4 = mode.mode === 'ambient' ? ztunnelPolicies(ctx, workload.namespace, workload.labels, rootNamespace) : [];
  const l7: AmbientPolicy[] = [];
  for (const p of paths) {
    if (!p.waypoint) continue;
    const svc = p.traffic === 'service' ? p.subject : undefined;
    for (const ap of waypointPolicies(ctx, p.waypoint, svc, rootNamespace))
      if (!l7.some((x) => x.namespace === ap.namespace && x.name === ap.name)) l7.push(ap);
  }
  const view: AmbientView = {
    subject: { kind: workload.resource.kind, namespace: workload.namespace, name: workload.resource.name },
    dataplane: mode.mode,
    dataplaneDetail: detail(mode, workload.namespace),
    paths,
    l4,
    l7,
    warnings: ztunnelL7Warnings(l4, paths),
  };
  const node = scalarString(workload.spec.nodeName);
  if (node && mode.mode === 'ambient') view.ztunnelNode = node;
  return view;
}

/** The ambient view of a Service. */
export function ambientServiceView(ctx: SnapshotView, service: Resource, rootNamespace: string): AmbientView {
  const selector = strMap(obj(service.object.spec).selector);
  const pods = isEmpty(selector) ? [] : workloads(ctx).filter((w) => w.namespace === service.namespace && selects(selector, w.labels));
  const ambient = pods.filter((w) => enrolment(w, namespaceLabels(ctx, w.namespace)).mode === 'ambient');
  const path = serviceWaypoint(ctx, service);
  const l4: AmbientPolicy[] = [];
  for (const w of ambient)
    for (const ap of ztunnelPolicies(ctx, w.namespace, w.labels, rootNamespace))
      if (!l4.some((x) => x.namespace === ap.namespace && x.name === ap.name)) l4.push(ap);
  const l7 = path.waypoint ? waypointPolicies(ctx, path.waypoint, path.subject, rootNamespace) : [];
  return {
    subject: { kind: 'Service', namespace: service.namespace, name: service.name },
    dataplane: ambient.length ? 'ambient' : 'none',
    dataplaneDetail: pods.length ? `${ambient.length} of ${pods.length} selected workload(s) in ambient mode` : 'selects no workloads',
    paths: [path],
    l4,
    l7,
    warnings: ztunnelL7Warnings(l4, [path]),
  };
}

/** Services in the workload's namespace whose selector matches it. */
export function servicesSelecting(ctx: SnapshotView, workload: Workload): Resource[] {
  const out: Resource[] = [];
  ctx.forEach('Service', (s) => {
    const selector = strMap(obj(s.object.spec).selector);
    if (s.namespace === workload.namespace && !isEmpty(selector) && selects(selector, workload.labels)) out.push(s);
  });
  return out;
}

function detail(mode: ReturnType<typeof enrolment>, namespace: string): string {
  switch (mode.mode) {
    case 'ambient':
      return mode.by === 'pod' ? 'pod label istio.io/dataplane-mode=ambient' : `namespace ${namespace} has istio.io/dataplane-mode=ambient`;
    case 'sidecar':
      return mode.why;
    case 'opted-out':
      return 'pod label istio.io/dataplane-mode=none';
    default:
      return `no istio.io/dataplane-mode=ambient on the pod or namespace ${namespace}`;
  }
}

/** An L7 policy that ztunnel enforces (no waypoint takes the traffic) cannot match its L7 rules. */
function ztunnelL7Warnings(l4: readonly AmbientPolicy[], paths: readonly WaypointPath[]): string[] {
  if (paths.some((p) => p.waypoint)) return [];
  return l4
    .filter((p) => p.l7.length)
    .map(
      (p) =>
        `AuthorizationPolicy ${p.namespace}/${p.name} uses L7 attributes (${p.l7.join(', ')}) but no waypoint takes this traffic: ztunnel enforces only L4, so its ${p.action === 'ALLOW' ? 'ALLOW rules with them never match' : 'rules apply without them'}`,
    );
}

/**
 * Ambient mode as the graph draws it: a workload is captured by ztunnel when its namespace (or itself) carries
 * `istio.io/dataplane-mode=ambient`, and traffic to a Service passes a waypoint when the Service, or else its
 * namespace, names one with `istio.io/use-waypoint` (`none` opts out), in `istio.io/use-waypoint-namespace` or its own.
 */
import type { Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import { proxyImage, type Workload } from '../model/workloads.js';

const DATAPLANE = 'istio.io/dataplane-mode';
const USE_WAYPOINT = 'istio.io/use-waypoint';
const WAYPOINT_NAMESPACE = 'istio.io/use-waypoint-namespace';

/** How a workload's traffic is handled: a sidecar, ztunnel (ambient), or no proxy at all. */
export type Dataplane = 'sidecar' | 'ambient' | 'none';

/** The dataplane of a workload, from its proxy container, its labels and its namespace's labels. */
export function dataplaneOf(ctx: SnapshotView, w: Workload): Dataplane {
  if (proxyImage(w.spec) !== undefined) return 'sidecar';
  const ns = ctx.find('Namespace', '', w.namespace)?.labels ?? {};
  const own = w.labels[DATAPLANE];
  if (own === 'none') return 'none';
  if (own === 'ambient' || ns[DATAPLANE] === 'ambient') return 'ambient';
  // A pod template in an injection-enabled namespace gets its sidecar when the pods are created.
  const inject = w.labels['sidecar.istio.io/inject'];
  if (inject === 'false') return 'none';
  if (inject === 'true' || ns['istio-injection'] === 'enabled' || ns['istio.io/rev'] !== undefined) return 'sidecar';
  return 'none';
}

/** The waypoint (`namespace`, `name`) traffic to `service` passes, if one is named. */
export function waypointOf(ctx: SnapshotView, service: Resource): { namespace: string; name: string } | undefined {
  const ns = ctx.find('Namespace', '', service.namespace)?.labels ?? {};
  const holder = service.labels[USE_WAYPOINT] !== undefined ? service.labels : ns;
  const name = holder[USE_WAYPOINT];
  if (!name || name === 'none') return undefined;
  return { namespace: holder[WAYPOINT_NAMESPACE] || service.namespace, name };
}

/** The Gateway API Gateway that runs a waypoint, when the input has it. */
export function waypointGateway(ctx: SnapshotView, namespace: string, name: string): Resource | undefined {
  return ctx.find('Gateway.gateway.networking.k8s.io', namespace, name);
}

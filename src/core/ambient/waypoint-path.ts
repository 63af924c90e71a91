/**
 * Which waypoint a workload's or a service's traffic goes through in ambient mode, and if none, exactly why (the
 * question of istio#53637 and #50249). The rules are istiod's in 1.30: istio.io/use-waypoint on the pod (workload
 * traffic) or the Service (service traffic), else on the namespace, with istio.io/use-waypoint-namespace naming the
 * waypoint's namespace; the Gateway must exist, be of a waypoint class, be for that kind of traffic
 * (istio.io/waypoint-for, default `service`), be Programmed, and belong to the workload's revision. Pure: shared by
 * `describe`, `waypoint status <pod|service>` and `analyze`.
 */
import type { Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import type { Workload } from '../model/workloads.js';
import { arr, obj, strMap } from '../model/access.js';
import { selects } from '../model/selectors.js';
import { scalarString } from '../tree.js';
import { GATEWAY_KIND, LABELS, WAYPOINT_CLASSES } from '../waypoint/gateway.js';
import { conditionsOf } from '../waypoint/rows.js';
import { enrolment } from './enrolment.js';

/** Traffic addressed to a pod (workload) or to a Service's address (service). */
export type TrafficKind = 'workload' | 'service';

/** A waypoint by name, and which object's label chose it. */
export interface WaypointRef {
  namespace: string;
  name: string;
  /** `pod`, `service` or `namespace`: where istio.io/use-waypoint sits. */
  via: 'pod' | 'service' | 'namespace';
}

/** Why traffic uses no waypoint. `code` is stable (JSON/YAML output); `message` is for people. */
export interface NoWaypoint {
  code:
    | 'sidecar'
    | 'not-ambient'
    | 'opted-out'
    | 'no-use-waypoint'
    | 'use-waypoint-none'
    | 'waypoint-not-found'
    | 'not-a-waypoint'
    | 'traffic-not-covered'
    | 'namespace-not-allowed'
    | 'not-programmed'
    | 'revision-mismatch';
  message: string;
  /** The command or label change that would fix it. */
  fix: string;
}

/** The waypoint path of one kind of traffic. */
export interface WaypointPath {
  traffic: TrafficKind;
  /** The pod or Service the traffic is addressed to. */
  subject: { kind: 'Pod' | 'Service' | string; namespace: string; name: string };
  /** The waypoint the traffic goes through (set when `reason` is not). */
  waypoint?: WaypointRef;
  /** Why there is none. */
  reason?: NoWaypoint;
}

/** The waypoint for `traffic` named by `labels` (or the namespace's), following istiod's precedence. */
function chosen(labels: Record<string, string>, nsLabels: Record<string, string>, namespace: string, own: 'pod' | 'service'): WaypointRef | undefined {
  for (const [l, via] of [
    [labels, own],
    [nsLabels, 'namespace'],
  ] as const) {
    const name = l[LABELS.useWaypoint];
    if (name) return { name, namespace: l[LABELS.useWaypointNamespace] || namespace, via };
  }
  return undefined;
}

/** The traffic types a waypoint Gateway accepts (its istio.io/waypoint-for; istiod defaults to `service`). */
export function waypointFor(gateway: Resource): string {
  return gateway.labels[LABELS.waypointFor] || 'service';
}

/** True when a waypoint for `forValue` takes `traffic`. */
export function covers(forValue: string, traffic: TrafficKind): boolean {
  return forValue === 'all' || forValue === traffic;
}

/**
 * Whether the waypoint's HBONE listener admits users from namespace `from`: its own namespace always; another only
 * with allowedRoutes.namespaces.from All, or Selector with matchLabels the namespace carries (the Gateway API
 * default, Same, admits none).
 */
function admits(ctx: SnapshotView, gw: Resource, from: string): boolean {
  if (from === gw.namespace) return true;
  return arr(obj(gw.object.spec).listeners).some((l) => {
    const namespaces = obj(obj(obj(l).allowedRoutes).namespaces);
    const mode = scalarString(namespaces.from) ?? 'Same';
    if (mode === 'All') return true;
    if (mode !== 'Selector') return false;
    return selects(strMap(obj(namespaces.selector).matchLabels), namespaceLabels(ctx, from));
  });
}

/**
 * Checks the waypoint `ref` for `traffic` from a workload or Service of `revision` in namespace `from`; undefined
 * when it serves it.
 */
export function checkWaypoint(ctx: SnapshotView, ref: WaypointRef, traffic: TrafficKind, revision: string | undefined, from?: string): NoWaypoint | undefined {
  const where = `${ref.namespace}/${ref.name}`;
  const label = `istio.io/use-waypoint=${ref.name} on the ${ref.via}`;
  if (ref.name === 'none')
    return {
      code: 'use-waypoint-none',
      message: `istio.io/use-waypoint=none on the ${ref.via} opts it out of any waypoint`,
      fix: `remove the label to use the namespace's waypoint`,
    };
  const gw = ctx.find(GATEWAY_KIND, ref.namespace, ref.name);
  if (!gw) {
    return {
      code: 'waypoint-not-found',
      message: `${label} names waypoint ${where}, which ${ctx.knows(GATEWAY_KIND) ? 'does not exist' : 'is not in the input (no Gateways read)'}`,
      fix: `create it: mesh waypoint apply -n ${ref.namespace}${ref.name === 'waypoint' ? '' : ` --name ${ref.name}`}${traffic === 'workload' ? ' --for workload' : ''}`,
    };
  }
  const className = scalarString(obj(gw.object.spec).gatewayClassName) ?? '';
  if (!(WAYPOINT_CLASSES as readonly string[]).includes(className)) {
    return {
      code: 'not-a-waypoint',
      message: `${label} names Gateway ${where}, whose class ${className || '(none)'} is not a waypoint class`,
      fix: 'point the label at a Gateway of class istio-waypoint',
    };
  }
  const forValue = waypointFor(gw);
  if (!covers(forValue, traffic)) {
    return {
      code: 'traffic-not-covered',
      message: `waypoint ${where} has istio.io/waypoint-for=${forValue}${gw.labels[LABELS.waypointFor] ? '' : ' (the default)'}, which does not take ${traffic} traffic`,
      fix: `kubectl label gateway ${ref.name} -n ${ref.namespace} istio.io/waypoint-for=${forValue === 'none' ? traffic : 'all'} --overwrite`,
    };
  }
  if (from !== undefined && !admits(ctx, gw, from)) {
    return {
      code: 'namespace-not-allowed',
      message: `waypoint ${where} does not admit users from namespace ${from}: its listener's allowedRoutes.namespaces.from is not All (or a Selector matching ${from})`,
      fix: `kubectl patch gateway ${ref.name} -n ${ref.namespace} --type=json -p '[{"op":"add","path":"/spec/listeners/0/allowedRoutes","value":{"namespaces":{"from":"All"}}}]'`,
    };
  }
  // A Gateway read from files has no status: only a cluster can say it is not Programmed.
  if (gw.origin.type === 'cluster') {
    const programmed = conditionsOf(gw.object).find((c) => c.type === 'Programmed');
    if (programmed?.status !== 'True') {
      const detail = programmed
        ? `Programmed=${programmed.status}${programmed.reason ? ` (${programmed.reason}${programmed.message ? `: ${programmed.message}` : ''})` : ''}`
        : 'no Programmed condition yet';
      return {
        code: 'not-programmed',
        message: `waypoint ${where} is not Programmed: ${detail}`,
        fix: `check its deployment: mesh waypoint status -n ${ref.namespace}; kubectl get pods -n ${ref.namespace} -l gateway.networking.k8s.io/gateway-name=${ref.name}`,
      };
    }
  }
  const gwRev = gw.labels[LABELS.rev] || 'default';
  const wlRev = revision || 'default';
  if (gwRev !== wlRev) {
    return {
      code: 'revision-mismatch',
      message: `waypoint ${where} belongs to revision ${gwRev}, the ${traffic === 'workload' ? 'workload' : 'service'} to revision ${wlRev}`,
      fix:
        wlRev === 'default'
          ? `kubectl label gateway ${ref.name} -n ${ref.namespace} istio.io/rev-`
          : `kubectl label gateway ${ref.name} -n ${ref.namespace} istio.io/rev=${wlRev} --overwrite`,
    };
  }
  return undefined;
}

/** The labels of `namespace`'s Namespace object (empty when it is not in the snapshot). */
export function namespaceLabels(ctx: SnapshotView, namespace: string): Record<string, string> {
  return ctx.find('Namespace', '', namespace)?.labels ?? {};
}

/** The revision a workload belongs to: its istio.io/rev, else its namespace's. */
function revisionOf(labels: Record<string, string>, nsLabels: Record<string, string>): string | undefined {
  return labels[LABELS.rev] || nsLabels[LABELS.rev] || undefined;
}

/** The waypoint path of traffic addressed to `workload` itself. */
export function workloadWaypoint(ctx: SnapshotView, workload: Workload): WaypointPath {
  const ns = namespaceLabels(ctx, workload.namespace);
  const subject = { kind: workload.resource.kind, namespace: workload.namespace, name: workload.resource.name };
  const path = (reason: NoWaypoint): WaypointPath => ({ traffic: 'workload', subject, reason });
  const mode = enrolment(workload, ns);
  const label = `kubectl label namespace ${workload.namespace} istio.io/dataplane-mode=ambient`;
  if (mode.mode === 'sidecar')
    return path({
      code: 'sidecar',
      message: `it is not in ambient mode: ${mode.why}`,
      fix: 'remove the sidecar (disable injection and restart) to use ambient mode',
    });
  if (mode.mode === 'opted-out')
    return path({
      code: 'opted-out',
      message: 'the pod opts out of ambient mode with istio.io/dataplane-mode=none',
      fix: 'remove the pod label istio.io/dataplane-mode=none',
    });
  if (mode.mode === 'none')
    return path({ code: 'not-ambient', message: `neither the pod nor namespace ${workload.namespace} has istio.io/dataplane-mode=ambient`, fix: label });
  const ref = chosen(workload.labels, ns, workload.namespace, 'pod');
  if (!ref) return path(noLabel('pod', workload.namespace, 'workload'));
  const reason = checkWaypoint(ctx, ref, 'workload', revisionOf(workload.labels, ns), workload.namespace);
  return reason ? { traffic: 'workload', subject, reason } : { traffic: 'workload', subject, waypoint: ref };
}

/** The waypoint path of traffic addressed to `service`. */
export function serviceWaypoint(ctx: SnapshotView, service: Resource): WaypointPath {
  const ns = namespaceLabels(ctx, service.namespace);
  const subject = { kind: 'Service', namespace: service.namespace, name: service.name };
  const ref = chosen(service.labels, ns, service.namespace, 'service');
  if (!ref) return { traffic: 'service', subject, reason: noLabel('service', service.namespace, 'service') };
  const reason = checkWaypoint(ctx, ref, 'service', revisionOf(service.labels, ns), service.namespace);
  return reason ? { traffic: 'service', subject, reason } : { traffic: 'service', subject, waypoint: ref };
}

function noLabel(own: 'pod' | 'service', namespace: string, traffic: TrafficKind): NoWaypoint {
  return {
    code: 'no-use-waypoint',
    message: `no istio.io/use-waypoint label on the ${own} or on namespace ${namespace}`,
    fix: `mesh waypoint apply -n ${namespace} --enroll-namespace${traffic === 'workload' ? ' --for workload' : ''}`,
  };
}

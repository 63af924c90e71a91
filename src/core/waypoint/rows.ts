/**
 * What `waypoint list` and `waypoint status` print, as data: istioctl's rows (istioctl/pkg/waypoint), computed from
 * the Gateways alone so that the table, JSON and YAML say the same thing. Pure.
 */
import { arr, obj } from '../model/access.js';
import { compareStrings, scalarString } from '../tree.js';
import type { KubeObject } from '../yaml/load.js';
import { LABELS, WAYPOINT_CLASS } from './gateway.js';

/** One Gateway status condition (metav1.Condition, the fields shown). */
export interface GatewayCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

/** One row of `waypoint list`. */
export interface WaypointListRow {
  namespace: string;
  name: string;
  /** istio.io/rev, `default` when unlabelled. */
  revision: string;
  /** istio.io/waypoint-for, `none` when unlabelled (istioctl prints it so, although istiod then defaults to service). */
  trafficType: string;
  /** Status of the Programmed condition: True, False, Unknown; False when there is none. */
  programmed: string;
}

/** One row of `waypoint status`: the condition istioctl shows for a Gateway. */
export interface WaypointStatusRow extends GatewayCondition {
  namespace: string;
  name: string;
}

/** The Gateway's status conditions, in order. */
export function conditionsOf(gateway: KubeObject): GatewayCondition[] {
  return arr(obj(gateway.status).conditions).map((c) => {
    const o = obj(c);
    return { type: text(o.type), status: text(o.status), reason: text(o.reason), message: text(o.message) };
  });
}

/** True when the Gateway's Programmed condition is True. */
export function isProgrammed(gateway: KubeObject): boolean {
  return conditionsOf(gateway).some((c) => c.type === 'Programmed' && c.status === 'True');
}

/** The Gateways of `classes` (istioctl: istio-waypoint only), by namespace then name. */
export function waypointsOf(gateways: readonly KubeObject[], classes: readonly string[] = [WAYPOINT_CLASS]): KubeObject[] {
  return gateways
    .filter((g) => classes.includes(scalarString(obj(g.spec).gatewayClassName) ?? ''))
    .sort((a, b) => compareStrings(a.metadata?.namespace ?? '', b.metadata?.namespace ?? '') || compareStrings(a.metadata?.name ?? '', b.metadata?.name ?? ''));
}

/** The list row of one waypoint. */
export function listRow(gateway: KubeObject): WaypointListRow {
  const labels = gateway.metadata?.labels ?? {};
  let programmed = 'False';
  // The last Programmed condition wins, as istioctl's loop leaves it.
  for (const c of conditionsOf(gateway)) if (c.type === 'Programmed') programmed = c.status;
  return {
    namespace: gateway.metadata?.namespace ?? '',
    name: gateway.metadata?.name ?? '',
    revision: labels[LABELS.rev] || 'default',
    trafficType: labels[LABELS.waypointFor] || 'none',
    programmed,
  };
}

/**
 * The status row of one waypoint: the Programmed condition when it is True, else the last condition (istioctl's
 * loop variable after the scan), or an empty one when the Gateway has no status yet.
 */
export function statusRow(gateway: KubeObject): WaypointStatusRow {
  const conditions = conditionsOf(gateway);
  const shown = conditions.find((c) => c.type === 'Programmed' && c.status === 'True') ??
    conditions.at(-1) ?? { type: '', status: '', reason: '', message: '' };
  return { namespace: gateway.metadata?.namespace ?? '', name: gateway.metadata?.name ?? '', ...shown };
}

function text(value: unknown): string {
  return scalarString(value) ?? '';
}

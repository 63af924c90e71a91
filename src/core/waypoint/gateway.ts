/**
 * The waypoint Gateway as istioctl 1.30's `waypoint generate|apply` builds it (istioctl/pkg/waypoint): a Gateway API
 * Gateway of class istio-waypoint with one HBONE listener `mesh` on 15008, labelled with the traffic it is for and
 * the revision only when the user chose them (istiod picks the class's default traffic type otherwise). Pure.
 */
import { UsageError } from '../../errors.js';
import type { KubeObject } from '../yaml/load.js';

/** The Gateway API group and version waypoints are written in. */
export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';
/** The analyzer kind of a Gateway API Gateway. */
export const GATEWAY_KIND = 'Gateway.gateway.networking.k8s.io';
/** The CRD that must be served before a waypoint can be applied. */
export const GATEWAY_CRD = 'gateways.gateway.networking.k8s.io';
/** istioctl's default waypoint name (constants.DefaultNamespaceWaypoint). */
export const DEFAULT_WAYPOINT = 'waypoint';
/** Istio's Envoy waypoint class; istioctl lists and deletes only Gateways of this class. */
export const WAYPOINT_CLASS = 'istio-waypoint';
/** The agentgateway-based waypoint class (beyond istioctl: `--class`). */
export const AGENTGATEWAY_WAYPOINT_CLASS = 'istio-agentgateway-waypoint';
/** The classes mesh treats as waypoints. */
export const WAYPOINT_CLASSES = [WAYPOINT_CLASS, AGENTGATEWAY_WAYPOINT_CLASS] as const;
/** Values of istio.io/waypoint-for, sorted as istioctl prints them. */
export const TRAFFIC_TYPES = ['all', 'none', 'service', 'workload'] as const;
/** One traffic type. */
export type TrafficType = (typeof TRAFFIC_TYPES)[number];

/** Labels waypoints and ambient workloads use. */
export const LABELS = {
  waypointFor: 'istio.io/waypoint-for',
  rev: 'istio.io/rev',
  useWaypoint: 'istio.io/use-waypoint',
  useWaypointNamespace: 'istio.io/use-waypoint-namespace',
  dataplaneMode: 'istio.io/dataplane-mode',
} as const;

/** What the user asked for. */
export interface WaypointSpec {
  /** --name; empty means the default, `none` is refused (it means "no waypoint" in istio.io/use-waypoint). */
  name?: string;
  /** Namespace to write into metadata; undefined leaves it out (generate without -n, as istioctl). */
  namespace?: string;
  /** --for; undefined leaves the label out. */
  trafficType?: string;
  /** -r/--revision; undefined or empty leaves the label out. */
  revision?: string;
  /** --class (default istio-waypoint). */
  className?: string;
}

/** The waypoint name after defaulting; throws UsageError for the reserved `none`. */
export function waypointName(name: string | undefined): string {
  if (!name) return DEFAULT_WAYPOINT;
  if (name === 'none') throw new UsageError("invalid name provided for waypoint, 'none' is a reserved value");
  return name;
}

/** True when `value` is a traffic type istiod accepts. */
export function isTrafficType(value: string): value is TrafficType {
  return (TRAFFIC_TYPES as readonly string[]).includes(value);
}

/** The Gateway for `spec`, keys in the order sigs.k8s.io/yaml writes them (sorted), so the YAML equals istioctl's. */
export function waypointGateway(spec: WaypointSpec): KubeObject {
  const name = waypointName(spec.name);
  const labels: Record<string, string> = {};
  if (spec.revision) labels[LABELS.rev] = spec.revision;
  if (spec.trafficType !== undefined && spec.trafficType !== '') {
    if (!isTrafficType(spec.trafficType)) throw new UsageError(`invalid traffic type: ${spec.trafficType}. Valid options are: [${TRAFFIC_TYPES.join(' ')}]`);
    labels[LABELS.waypointFor] = spec.trafficType;
  }
  const metadata: Record<string, unknown> = {};
  if (Object.keys(labels).length) metadata.labels = labels;
  metadata.name = name;
  if (spec.namespace) metadata.namespace = spec.namespace;
  return {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'Gateway',
    metadata,
    spec: { gatewayClassName: spec.className ?? WAYPOINT_CLASS, listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
  } as KubeObject;
}

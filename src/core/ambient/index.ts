/** Ambient mode, pure: enrolment, the waypoint path of a workload's and a service's traffic, and L4/L7 policies. */
export { enrolment, hasSidecar, namespaceIsAmbient, type Enrolment } from './enrolment.js';
export { checkWaypoint, covers, namespaceLabels, serviceWaypoint, waypointFor, workloadWaypoint } from './waypoint-path.js';
export type { NoWaypoint, TrafficKind, WaypointPath, WaypointRef } from './waypoint-path.js';
export { l7Attributes, targetRefsOf, waypointPolicies, ztunnelPolicies, type AmbientPolicy } from './policies.js';
export { ambientServiceView, ambientWorkloadView, servicesSelecting, type AmbientView } from './view.js';
export { ambientLines, pathLines } from './text.js';

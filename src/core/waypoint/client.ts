/**
 * The narrow port through which `mesh waypoint` reads and writes the cluster: Gateways, namespaces, and the one
 * question of whether the Gateway API is served. src/adapters/kube/waypoints.ts implements it over the API server;
 * tests use the fake in test/helpers/fake-context.ts. Errors thrown through it are already one-line ClusterErrors.
 */
import type { KubeObject } from '../yaml/load.js';

/** What the waypoint commands ask of a cluster. */
export interface WaypointClient {
  /** True when the cluster serves Gateway in gateway.networking.k8s.io/v1 (its CRD is installed and established). */
  gatewayApiServed(): Promise<boolean>;
  /** Gateways in `namespace` (all namespaces when undefined); empty when the kind is not served. */
  listGateways(namespace: string | undefined, labelSelector?: string): Promise<KubeObject[]>;
  /** One Gateway, undefined when it (or its kind) does not exist. */
  getGateway(namespace: string, name: string): Promise<KubeObject | undefined>;
  /** Server-side applies a Gateway (field manager mesh, forced as istioctl's apply owns the fields it sets). */
  applyGateway(gateway: KubeObject): Promise<KubeObject>;
  /** Deletes one Gateway; false when it was already gone. */
  deleteGateway(namespace: string, name: string): Promise<boolean>;
  /** One Namespace, undefined when it does not exist. */
  getNamespace(name: string): Promise<KubeObject | undefined>;
  /** Sets `labels` on a Namespace (a merge patch: other labels stay as they are). */
  labelNamespace(name: string, labels: Record<string, string>): Promise<void>;
}

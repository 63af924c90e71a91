/**
 * What `mesh describe` reports: the data model both renderers (text, JSON/YAML) print. It is public API for
 * `-o json|yaml`, so keys are stable and every fact says why it applies (which selector, which host).
 */
import type { AmbientView } from '../ambient/index.js';

/** `name.namespace` of an Istio or Kubernetes object. */
export interface Ref {
  name: string;
  namespace: string;
}

/** A container port of the pod. */
export interface PodPort {
  port: number;
  protocol: string;
  container: string;
}

/** The described pod (or a controller's pod template, offline). */
export interface PodFacts extends Ref {
  /** Pod, or Deployment/StatefulSet/DaemonSet when a pod template is described. */
  kind: string;
  /** Control-plane revision that injected it ('' when not injected or unknown). */
  revision: string;
  ports: PodPort[];
  /** The pod has an istio-proxy container (sidecar or native sidecar), or a pod template will get one when created. */
  meshed: boolean;
  /** For pod templates: why the sidecar injector will add a proxy (namespace or pod label), when it will. */
  injection?: string;
  /** Proxy image tag, when meshed. */
  proxyVersion?: string;
  /** status.phase for live pods. */
  phase?: string;
  labels: Record<string, string>;
}

/** A service port and where it lands on the pod. */
export interface ServicePortFacts {
  name: string;
  port: number;
  /** Istio's protocol for the port (HTTP, TCP, ..., or auto-detect). */
  protocol: string;
  /** The pod port it targets, when the pod has it. */
  targetPort?: number;
  /** Why the target could not be resolved. */
  problem?: string;
}

/** A DestinationRule that governs traffic to the service, as seen from the pod's namespace. */
export interface DestinationRuleFacts extends Ref {
  host: string;
  /** Subsets whose labels the pod(s) carry. */
  matchingSubsets: string[];
  nonMatchingSubsets: string[];
  /** traffic policy summary; undefined when the rule has none. */
  trafficPolicy?: PolicySummary;
  portLevel: (PolicySummary & { port: number })[];
}

/** The parts of a traffic policy describe mentions. */
export interface PolicySummary {
  tlsMode?: string;
  /** load balancer, connection pool, outlier detection (those set). */
  policies: string[];
}

/** A VirtualService that routes traffic for the service (mesh-internal or through a gateway). */
export interface VirtualServiceFacts extends Ref {
  hosts: string[];
  gateways: string[];
  /** Routes (HTTP, TLS, TCP) that send traffic to this service and the pod's subsets. */
  matchingRoutes: RouteFacts[];
  /** Routes that do not reach this pod, with why. */
  otherRoutes: RouteFacts[];
  /** Count of http + tls + tcp routes. */
  totalRoutes: number;
}

/** One route of a VirtualService. */
export interface RouteFacts {
  type: 'http' | 'tls' | 'tcp';
  index: number;
  name?: string;
  /** `Match: /api*`, `everything`, ... */
  match: string;
  destinations: { host: string; subset?: string; port?: number; weight?: number; reachesPod: boolean; note?: string }[];
  /** Fault injection, rewrites, redirects, retries, timeouts set on the route. */
  extras: string[];
}

/** Traffic config for one service port. */
export interface PortTraffic {
  port: number;
  destinationRule?: DestinationRuleFacts;
  virtualServices: VirtualServiceFacts[];
}

/** A Service selecting the pod, with the traffic config for its ports. */
export interface ServiceFacts extends Ref {
  ports: ServicePortFacts[];
  traffic: PortTraffic[];
}

/** The mTLS mode the pod accepts, merged from mesh, namespace and workload PeerAuthentications. */
export interface PeerAuthenticationFacts {
  mode: string;
  portModes: { port: number; mode: string }[];
  /** The policies that applied, mesh-wide first. */
  applied: (Ref & { level: 'mesh' | 'namespace' | 'workload' })[];
}

/** An AuthorizationPolicy that selects the pod. */
export interface AuthorizationPolicyFacts extends Ref {
  action: string;
  rules: number;
  /** mesh-wide (root namespace), namespace-wide, or by selector. */
  scope: 'mesh' | 'namespace' | 'workload';
}

/** An ingress gateway that exposes the service. */
export interface IngressFacts {
  gateway: Ref;
  /** Gateway Services and their URLs. */
  urls: string[];
  virtualService: VirtualServiceFacts;
}

/** `mesh describe pod`. */
export interface PodDescription {
  kind: 'PodDescription';
  pod: PodFacts;
  services: ServiceFacts[];
  peerAuthentication?: PeerAuthenticationFacts;
  authorizationPolicies: AuthorizationPolicyFacts[];
  sidecar?: Ref;
  ingress: IngressFacts[];
  /** Ambient mode: ztunnel, the waypoint path and why not, L4/L7 policies (when the pod or its namespace is ambient, or names a waypoint). */
  ambient?: AmbientView;
  warnings: string[];
  suggestions: string[];
}

/** `mesh describe service`. */
export interface ServiceDescription {
  kind: 'ServiceDescription';
  service: ServiceFacts;
  /** Pods (or pod templates) the service selects, meshed or not. */
  pods: (Ref & { kind: string; meshed: boolean })[];
  ingress: IngressFacts[];
  /** Ambient mode: the service's waypoint path and why not, L4/L7 policies. */
  ambient?: AmbientView;
  warnings: string[];
}

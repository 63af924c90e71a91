/**
 * The IstioOperator (install.istio.io/v1alpha1) as mesh reads it, and the inputs of its resolution: the types of
 * the resolver (resolve.ts). core/manifest renders what they describe and re-exports them as its public API.
 */
import type { JsonObject } from '../core/tree.js';

/** Kubernetes settings a component accepts under `components.<name>.k8s` (applied as patches after rendering). */
export interface K8sSettings {
  /** Merged into the container's resources (requests and limits merge, as a strategic merge patch does). */
  resources?: JsonObject;
  /** Replaces the Deployment's replica count. */
  replicaCount?: number;
  /** Extra container environment variables (merged by name). */
  env?: { name: string; value?: string; valueFrom?: JsonObject }[];
  /** Pod node selector. */
  nodeSelector?: Record<string, string>;
  /** Pod affinity. */
  affinity?: JsonObject;
  /** Pod tolerations. */
  tolerations?: JsonObject[];
  /** Pod annotations (merged). */
  podAnnotations?: Record<string, string>;
  /** Service annotations (merged). */
  serviceAnnotations?: Record<string, string>;
  /** Merged into the Service's spec (gateways: ports come from here too). */
  service?: JsonObject;
  /** HorizontalPodAutoscaler spec (merged). */
  hpaSpec?: JsonObject;
  /** PodDisruptionBudget spec (merged). */
  podDisruptionBudget?: JsonObject;
  /** Deployment strategy. */
  strategy?: JsonObject;
  /** Container image pull policy. */
  imagePullPolicy?: string;
  /** Container readiness probe. */
  readinessProbe?: JsonObject;
  /** Pod priority class. */
  priorityClassName?: string;
  /** Pod security context. */
  securityContext?: JsonObject;
  /** Free-form patches `{kind, name, patches: [{path, value}]}` (Istio's k8s.overlays). */
  overlays?: { apiVersion?: string; kind: string; name: string; patches: { path: string; value?: unknown }[] }[];
}

/** One component switch (`components.pilot`, `components.cni`, ...). */
export interface ComponentSpec {
  /** Whether the component is rendered. */
  enabled?: boolean;
  /** Namespace the component goes to (default: the control-plane namespace). */
  namespace?: string;
  /** Image hub for this component only. */
  hub?: string;
  /** Image tag for this component only. */
  tag?: string | number;
  /** Kubernetes settings. */
  k8s?: K8sSettings;
}

/** One gateway in `components.ingressGateways` / `components.egressGateways`. */
export interface GatewaySpec extends ComponentSpec {
  /** Name of the gateway's Deployment, Service and ServiceAccount. */
  name: string;
  /** Labels of the gateway's pods (and its Service selector). */
  label?: Record<string, string>;
}

/** `spec.components`. */
export interface ComponentsSpec {
  base?: ComponentSpec;
  pilot?: ComponentSpec;
  cni?: ComponentSpec;
  ztunnel?: ComponentSpec;
  ingressGateways?: GatewaySpec[];
  egressGateways?: GatewaySpec[];
}

/** `spec` of an IstioOperator (install.istio.io/v1alpha1). */
export interface IstioOperatorSpec {
  /** Profile to start from (default: `default`). */
  profile?: string;
  /** Image hub (default docker.io/istio). */
  hub?: string;
  /** Image tag (default 1.30.3). */
  tag?: string | number;
  /** Control-plane revision; empty means the default revision. */
  revision?: string;
  /** Control-plane namespace. */
  namespace?: string;
  /** MeshConfig overrides, merged over the mesh config the profile produces. */
  meshConfig?: JsonObject;
  /** Component switches and settings. */
  components?: ComponentsSpec;
  /** Helm-style values (global, pilot, gateways, cni, ztunnel, ...). */
  values?: JsonObject;
  /** JsonObject applied without schema checks (istioctl's escape hatch). */
  unvalidatedValues?: JsonObject;
  /** Accepted for compatibility; mesh renders from its built-in data. */
  installPackagePath?: string;
  /** Accepted for compatibility (values.compatibilityVersion). */
  compatibilityVersion?: string;
}

/** An IstioOperator document. */
export interface IstioOperator {
  apiVersion: 'install.istio.io/v1alpha1';
  kind: 'IstioOperator';
  metadata: { name?: string; namespace?: string; [k: string]: unknown };
  spec: IstioOperatorSpec;
}

/** One `-f` overlay: a parsed document and where it came from (a YamlDoc from src/core/yaml/load.ts fits). */
export interface OverlaySource {
  /** File name (or `<stdin>`), used in error messages. */
  origin: string;
  /** The parsed IstioOperator document. */
  value: unknown;
  /** The document's text, to locate fields in errors (optional). */
  text?: string;
  /** 1-based line of `text` in its file (optional). */
  line?: number;
}

/** Inputs of resolution and generation. */
export interface GenerateInput {
  /** `-f` overlays, in order (later wins). */
  files?: readonly OverlaySource[];
  /** `--set path=value` flags, in order (later wins); applied after the files. */
  sets?: readonly string[];
  /** `--revision` shortcut (same as `--set revision=<r>`), applied last. */
  revision?: string;
  /**
   * istioctl's `--force`: an overlay that fails the IstioOperator schema is used as written, its problem passed here
   * instead of thrown. Unset: the first problem is an error.
   */
  onInvalid?: (problem: string) => void;
}

/**
 * Resources as every reader of a snapshot sees them (analyze, describe, tag, precheck): the raw object with its
 * kind as Istio's analyzers name it, namespace, name, labels and origin.
 */
import type { KubeObject, YamlDoc } from '../yaml/load.js';

/**
 * A kind as analyzers name it: the bare kind for Kubernetes core/apps/admission kinds and Istio's kinds
 * (`VirtualService`, `Pod`), `Kind.group` for anything else (`Gateway.gateway.networking.k8s.io`), plus the
 * pseudo-kinds `MeshConfig` and `MeshNetworks` that the snapshot derives from the `istio` ConfigMap.
 */
export type Kind = string;

/** Where an object came from. */
export type Origin =
  | { type: 'file'; file: string; doc: YamlDoc; path: (string | number)[] }
  | { type: 'cluster' }
  /** Stand-ins mesh adds when no cluster is used (istioctl does the same): default MeshConfig, ingress gateway. */
  | { type: 'default' };

/** One object in the snapshot. */
export interface Resource {
  /** The analyzer-facing kind (see Kind). */
  kind: Kind;
  /** The raw object as read. */
  object: KubeObject;
  /** Namespace; '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  origin: Origin;
}

/** API groups whose kinds analyzers name bare (`Pod`, `VirtualService`); other groups get `Kind.group`. */
const BARE_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'networking.k8s.io',
  'networking.istio.io',
  'security.istio.io',
  'telemetry.istio.io',
  'extensions.istio.io',
  'install.istio.io',
]);

/** Kinds that are cluster-scoped (no namespace defaulting). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'GatewayClass.gateway.networking.k8s.io',
]);

/** The analyzer kind of an object: bare kind for core and Istio groups, `Kind.group` otherwise. */
export function kindOf(object: Pick<KubeObject, 'apiVersion' | 'kind'>): Kind {
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  return BARE_GROUPS.has(group) ? object.kind : `${object.kind}.${group}`;
}

/** True when objects of `kind` live outside namespaces. */
export function isClusterScoped(kind: Kind): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** A schema or webhook-rule problem `mesh validate` found in an object. */
export interface SchemaProblem {
  /** `spec.http[0].route` style path. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** Line of the field in the object's file. */
  line: number;
}

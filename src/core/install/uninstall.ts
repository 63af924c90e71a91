/**
 * What `mesh uninstall` deletes, and in which order. Without --purge: the objects mesh applied for one revision,
 * except the shared Istio core (CRDs, base RBAC, default validator) that other revisions and user config need.
 * With --purge: every object mesh applied, every Istio CRD, and what istiod created at run time.
 */
import type { KubeObject } from '../yaml/load.js';
import { COMPONENT_LABEL, REVISION_LABEL, compareForApply, kindRank } from './objects.js';
import { dedupe, isMeshOwned } from './plan.js';

/** Settings of an uninstall. */
export interface UninstallOptions {
  /** Revision to remove; `default` when not given. Ignored by purge, which removes all revisions. */
  revision: string;
  /** Remove everything of Istio, CRDs and run-time objects included. */
  purge: boolean;
  /** The control-plane namespace (where istiod keeps its leader-election locks and CA secret). */
  istioNamespace: string;
}

/** A query the runner makes to find run-time objects for --purge. */
export interface PurgeQuery {
  /** apiVersion to list. */
  apiVersion: string;
  /** Kind to list. */
  kind: string;
  /** `istio`: only the control-plane namespace; undefined: every namespace (or cluster scope). */
  scope?: 'istio';
  /** Optional field selector to keep the list small. */
  fieldSelector?: string;
}

/** The ConfigMap istiod writes into every namespace with the mesh's root certificate. */
export const ROOT_CERT_CONFIGMAP = 'istio-ca-root-cert';
/** The Secret holding istiod's self-signed CA. */
export const CA_SECRET = 'istio-ca-secret';
/** Leader-election lock names istiod uses (ConfigMaps, and per-revision Leases that add a suffix). */
export const LEADER_ELECTION_LOCKS = [
  'istio-namespace-controller-election',
  'istio-clustertrustbundle-controller-election',
  'istio-serviceexport-controller-election',
  'istio-leader',
  'istio-gateway-status-leader',
  'istio-status-leader',
  'istio-analyze-leader',
  'istio-gateway-deployment',
  'istio-gateway-inferencepool',
  'istio-node-untaint',
  'istio-ip-autoallocate',
  'istio-validation-controller-election',
];
/** Name prefix of the webhooks `istioctl tag set` creates; they also carry the `istio.io/tag` label. */
export const REVISION_TAG_PREFIX = 'istio-revision-tag-';

/** The lists --purge needs beyond the owned kinds. */
export const PURGE_QUERIES: readonly PurgeQuery[] = [
  { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' },
  { apiVersion: 'v1', kind: 'ConfigMap', fieldSelector: `metadata.name=${ROOT_CERT_CONFIGMAP}` },
  { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration' },
  { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration' },
  { apiVersion: 'v1', kind: 'ConfigMap', scope: 'istio' },
  { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', scope: 'istio' },
  { apiVersion: 'v1', kind: 'Secret', scope: 'istio', fieldSelector: `metadata.name=${CA_SECRET}` },
  { apiVersion: 'v1', kind: 'Service', scope: 'istio' },
];

/** Owned objects to delete for this uninstall, in delete order (reverse of apply: webhooks first, CRDs last). */
export function uninstallSet(live: readonly KubeObject[], options: UninstallOptions): KubeObject[] {
  const owned = live.filter(isMeshOwned);
  const chosen = options.purge
    ? owned
    : owned.filter((o) => o.metadata?.labels?.[REVISION_LABEL] === options.revision && o.metadata?.labels?.[COMPONENT_LABEL] !== 'Base');
  return deleteOrder(chosen);
}

/** True for CRDs of Istio's API groups (`*.istio.io`). */
export function isIstioCrd(obj: KubeObject): boolean {
  if (obj.kind !== 'CustomResourceDefinition') return false;
  const group = (obj.spec as { group?: unknown } | undefined)?.group;
  const name = obj.metadata?.name ?? '';
  const g = typeof group === 'string' ? group : name.slice(name.indexOf('.') + 1);
  return g === 'istio.io' || g.endsWith('.istio.io');
}

/** True when istiod created this object at run time (what --purge removes beyond the owned objects). */
export function isRuntimeArtifact(obj: KubeObject, istioNamespace: string): boolean {
  const name = obj.metadata?.name ?? '';
  const ns = obj.metadata?.namespace;
  switch (obj.kind) {
    case 'CustomResourceDefinition':
      return isIstioCrd(obj);
    case 'ConfigMap':
      return name === ROOT_CERT_CONFIGMAP || (ns === istioNamespace && LEADER_ELECTION_LOCKS.includes(name));
    case 'Lease':
      // Per-revision locks are named `<lock>-<revision>`.
      return ns === istioNamespace && LEADER_ELECTION_LOCKS.some((l) => name === l || name.startsWith(`${l}-`));
    case 'Secret':
      return ns === istioNamespace && name === CA_SECRET;
    case 'MutatingWebhookConfiguration':
    case 'ValidatingWebhookConfiguration':
      return name.startsWith(REVISION_TAG_PREFIX) || obj.metadata?.labels?.['istio.io/tag'] !== undefined;
    case 'Service':
      // `mesh tag set` / `istioctl tag set` put a Service istiod-revision-tag-<tag> (labelled istio.io/tag) in front of the tagged istiod.
      return ns === istioNamespace && obj.metadata?.labels?.['istio.io/tag'] !== undefined;
    default:
      return false;
  }
}

/** Everything --purge deletes: the owned objects plus the run-time artifacts, deduplicated, in delete order. */
export function purgeSet(owned: readonly KubeObject[], listed: readonly KubeObject[], istioNamespace: string): KubeObject[] {
  const extra = listed.filter((o) => isRuntimeArtifact(o, istioNamespace));
  return deleteOrder(dedupe([...owned, ...extra]));
}

/** Reverse apply order: webhooks, then autoscalers and services, workloads, config, RBAC, namespaces, CRDs. */
export function deleteOrder(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort((a, b) => compareForApply(b, a));
}

/** Groups objects by apply tier for deletion in waves (each wave is waited for before the next starts). */
export function deleteWaves(objects: readonly KubeObject[]): KubeObject[][] {
  const waves: KubeObject[][] = [];
  let lastTier = Number.NaN;
  for (const o of deleteOrder(objects)) {
    const tier = kindRank(o.kind);
    if (tier !== lastTier) waves.push([]);
    waves[waves.length - 1]!.push(o);
    lastTier = tier;
  }
  return waves;
}

/**
 * The plan of an install: which objects to apply, grouped by component in dependency order, what to wait for
 * between groups, and which objects of an earlier install to prune. Pure over plain data.
 */
import type { KubeObject } from '../yaml/load.js';
import {
  COMPONENT_LABEL,
  type ComponentInfo,
  NOT_PRUNED_LABEL,
  OWNER_LABEL,
  MESH_OWNER,
  REVISION_LABEL,
  compareForApply,
  componentInfo,
  isWebhook,
  isWorkload,
  keyOf,
  refOf,
  stamp,
  type ObjectRef,
} from './objects.js';
import { compareStrings } from '../tree.js';

/** One rendered object and the component that produced it (the shape `generateManifests` returns). */
export interface RenderedObject {
  /** Component name as the renderer spells it (`Base`, `Pilot`, `IngressGateways`, ...). */
  component: string;
  /** The object. */
  object: KubeObject;
}

/** Settings that shape a plan. */
export interface PlanOptions {
  /** The control-plane namespace (objects without one that need one go here). */
  namespace: string;
  /** Revision label value: the --revision, or `default`. */
  revision: string;
  /** Istio version being installed (stamped as a label). */
  version: string;
  /** The values deciding the `default` revision tag made after the manifests (none is made when absent). */
  defaultTag?: DefaultTagSettings;
}

/** The values of the install that decide the `default` revision tag made after the manifests (default-tag.ts). */
export interface DefaultTagSettings {
  /** values.global.operatorManageWebhooks: the webhooks are someone else's, no tag is made. */
  operatorManageWebhooks: boolean;
  /** values.sidecarInjectorWebhook.enableNamespacesByDefault: the tag's `auto.` hook injects unlabelled namespaces. */
  autoInjectNamespaces: boolean;
}

/** The work for one component, in the order the runner does it. */
export interface InstallStep {
  /** Component id, title and position. */
  component: ComponentInfo;
  /** CRDs: applied first, then waited for until Established. */
  crds: KubeObject[];
  /** Everything else but webhooks, in kind order. */
  objects: KubeObject[];
  /** Workloads to wait for until ready, after `objects`. */
  waits: ObjectRef[];
  /** Webhook configurations: applied last, once the workloads serving them are ready. */
  webhooks: KubeObject[];
}

/** A whole install. */
export interface InstallPlan {
  /** Settings the plan was made with. */
  options: PlanOptions;
  /** Steps in component dependency order. */
  steps: InstallStep[];
  /** Every object in the order it is applied (for dry runs, verify and the prune set). */
  objects: KubeObject[];
}

/** Kinds that have no namespace; everything else rendered without one lands in the control-plane namespace. */
const CLUSTER_SCOPED = new Set([
  'CustomResourceDefinition',
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'PriorityClass',
  'StorageClass',
  'APIService',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ClusterTrustBundle',
]);

/** True for kinds mesh knows to be cluster-scoped. */
export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** Builds the install plan from a render. Namespaces that objects live in are added (unlabelled, so never pruned). */
export function planInstall(rendered: readonly RenderedObject[], options: PlanOptions): InstallPlan {
  const byComponent = new Map<string, { info: ComponentInfo; objects: KubeObject[] }>();
  const seen = new Set<string>();
  const namespaces = new Set<string>();
  for (const { component, object } of rendered) {
    const info = componentInfo(component);
    let obj = stamp(object, info.id, options.revision, options.version);
    if (!isClusterScoped(obj.kind) && !obj.metadata?.namespace) obj = { ...obj, metadata: { ...obj.metadata, namespace: options.namespace } };
    const key = keyOf(obj);
    if (seen.has(key)) continue; // a duplicate would be applied twice for nothing; the first rendering wins
    seen.add(key);
    if (obj.metadata?.namespace) namespaces.add(obj.metadata.namespace);
    const group = byComponent.get(info.id) ?? { info, objects: [] };
    group.objects.push(obj);
    byComponent.set(info.id, group);
  }
  const groups = [...byComponent.values()].sort((a, b) => a.info.order - b.info.order || compareStrings(a.info.id, b.info.id));
  // Namespaces first, in the first step, unless the render brings them itself.
  const missingNs = [...namespaces].filter((ns) => !seen.has(keyOf({ apiVersion: 'v1', kind: 'Namespace', name: ns }))).sort();
  const nsObjects: KubeObject[] = missingNs.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
  const steps = groups.map((g, i) => toStep(g.info, i === 0 ? [...nsObjects, ...g.objects] : g.objects));
  return { options, steps, objects: steps.flatMap((s) => [...s.crds, ...s.objects, ...s.webhooks]) };
}

function toStep(component: ComponentInfo, objects: KubeObject[]): InstallStep {
  const sorted = [...objects].sort(compareForApply);
  return {
    component,
    crds: sorted.filter((o) => o.kind === 'CustomResourceDefinition'),
    objects: sorted.filter((o) => o.kind !== 'CustomResourceDefinition' && !isWebhook(o.kind)),
    waits: sorted.filter((o) => isWorkload(o.kind)).map(refOf),
    webhooks: sorted.filter((o) => isWebhook(o.kind)),
  };
}

/** The kinds mesh lists when looking for objects of an earlier install (prune, uninstall). Order is irrelevant. */
export const OWNED_KINDS: readonly { apiVersion: string; kind: string }[] = [
  { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration' },
  { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration' },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'Secret' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' },
  { apiVersion: 'v1', kind: 'ServiceAccount' },
  { apiVersion: 'networking.istio.io/v1alpha3', kind: 'EnvoyFilter' },
  { apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition' },
  { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' },
];

/** True when mesh applied this object (it carries mesh's owner label and a component label). */
export function isMeshOwned(obj: KubeObject): boolean {
  const labels = obj.metadata?.labels ?? {};
  return labels[OWNER_LABEL] === MESH_OWNER && labels[COMPONENT_LABEL] !== undefined;
}

/**
 * Objects of an earlier mesh install of the same revision that the new plan no longer contains, in delete
 * order. CRDs are never pruned (deleting one deletes every user resource of its kind), nor objects labelled
 * `owning-resource-not-pruned=true`.
 */
export function pruneSet(plan: InstallPlan, live: readonly KubeObject[]): KubeObject[] {
  const wanted = new Set(plan.objects.map((o) => keyOf(o)));
  const out = live.filter(
    (o) =>
      isMeshOwned(o) &&
      o.kind !== 'CustomResourceDefinition' &&
      o.metadata?.labels?.[REVISION_LABEL] === plan.options.revision &&
      o.metadata?.labels?.[NOT_PRUNED_LABEL] !== 'true' &&
      !wanted.has(keyOf(o)),
  );
  return dedupe(out).sort((a, b) => compareForApply(b, a));
}

/** Drops repeated objects (the same object can be listed at two API versions). */
export function dedupe(objects: readonly KubeObject[]): KubeObject[] {
  const seen = new Set<string>();
  return objects.filter((o) => {
    const k = keyOf(o);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

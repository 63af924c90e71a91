/** Apply order: CRDs, namespace, identities and RBAC, config, workloads, services, webhooks (webhooks last, so they never point at a server that is not there yet). */
import { COMPONENT_ORDER, type RenderedObject } from './types.js';
import { compareStrings } from '../tree.js';

const KIND_RANK: Record<string, number> = {
  CustomResourceDefinition: 0,
  Namespace: 1,
  ServiceAccount: 2,
  ClusterRole: 3,
  ClusterRoleBinding: 4,
  Role: 5,
  RoleBinding: 6,
  ConfigMap: 7,
  Deployment: 8,
  DaemonSet: 8,
  PodDisruptionBudget: 9,
  HorizontalPodAutoscaler: 10,
  Service: 11,
  ValidatingWebhookConfiguration: 12,
  MutatingWebhookConfiguration: 13,
  ValidatingAdmissionPolicy: 14,
  ValidatingAdmissionPolicyBinding: 15,
};

/** The rank of a kind in apply order (unknown kinds go with the workloads). */
export function kindRank(kind: string): number {
  return KIND_RANK[kind] ?? 8;
}

/** Sorts objects for apply: by kind rank, then component, then namespace and name. Stable. */
export function sortForApply(objects: RenderedObject[]): RenderedObject[] {
  return [...objects].sort(
    (a, b) =>
      kindRank(a.object.kind) - kindRank(b.object.kind) ||
      COMPONENT_ORDER.indexOf(a.component) - COMPONENT_ORDER.indexOf(b.component) ||
      compareStrings(a.object.metadata?.namespace ?? '', b.object.metadata?.namespace ?? '') ||
      compareStrings(a.object.metadata?.name ?? '', b.object.metadata?.name ?? ''),
  );
}

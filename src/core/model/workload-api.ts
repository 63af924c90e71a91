/**
 * Workload manifests the API server refuses although they parse fine: Deployments, StatefulSets, DaemonSets and
 * ReplicaSets written for the beta APIs Kubernetes 1.16 removed (older tutorials still show them), and `apps/v1`
 * ones without the `spec.selector` that version requires. kube-inject, validate and analyze all report these, from
 * this one check, so the three commands say the same thing in the same words.
 */
import { obj, strMap } from './access.js';
import { isMap } from '../tree.js';
import { formatMessage } from './messages.js';

/** The kinds whose beta versions were removed in Kubernetes 1.16. */
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** The API version every kind above is served in since Kubernetes 1.16. */
export const WORKLOAD_API_VERSION = 'apps/v1';

/** Group/version pairs no longer served for those kinds (removed in Kubernetes 1.16). */
const REMOVED_VERSIONS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);

/** One reason the API server would refuse a workload. */
export interface WorkloadApiProblem {
  /** MESH0006 (RemovedWorkloadAPI): the apiVersion is no longer served; MESH0007 (WorkloadSelectorMissing): no `spec.selector`. */
  code: 'MESH0006' | 'MESH0007';
  /** The catalog template's arguments, so analyze reports the same text as kube-inject and validate. */
  args: string[];
  /** Where to point: `apiVersion` for a removed API, the object itself for a missing selector. */
  path: (string | number)[];
  /** What is wrong, what to use instead and what to add, in one line; the caller names the object. */
  message: string;
}

/** True for the kinds and versions this module checks (apps/v1 and the removed versions of the four workload kinds). */
export function isCheckedWorkload(object: unknown): boolean {
  if (!isMap(object) || typeof object.kind !== 'string' || typeof object.apiVersion !== 'string') return false;
  return WORKLOAD_KINDS.has(object.kind) && (object.apiVersion === WORKLOAD_API_VERSION || REMOVED_VERSIONS.has(object.apiVersion));
}

/** What the API server would refuse in `object`; empty for anything that is not one of the checked workloads. */
export function workloadApiProblems(object: unknown): WorkloadApiProblem[] {
  if (!isCheckedWorkload(object)) return [];
  const o = object as { apiVersion: string; kind: string; spec?: unknown };
  const out: WorkloadApiProblem[] = [];
  const problem = (code: WorkloadApiProblem['code'], args: string[], path: (string | number)[]) =>
    out.push({ code, args, path, message: formatMessage(code, args) });
  const removed = REMOVED_VERSIONS.has(o.apiVersion);
  if (removed) problem('MESH0006', [o.apiVersion, o.kind, WORKLOAD_API_VERSION], ['apiVersion']);
  const spec = obj(o.spec);
  if (spec.selector === undefined || spec.selector === null) {
    // The beta APIs defaulted the selector to the pod template's labels, so manifests written for them rarely have one.
    const why = removed ? `${o.apiVersion} defaulted it to the pod template labels` : 'kubectl apply refuses it';
    problem('MESH0007', [WORKLOAD_API_VERSION, why, selectorAdvice(spec)], []);
  }
  return out;
}

/** What to add, with the template's own labels when it has some. */
function selectorAdvice(spec: Record<string, unknown>): string {
  const labels = strMap(obj(obj(spec.template).metadata).labels);
  const pairs = Object.entries(labels).map(([k, v]) => `${k}: ${v}`);
  if (!pairs.length) return 'add labels under spec.template.metadata.labels and a spec.selector.matchLabels matching them';
  return `add spec.selector.matchLabels matching the pod template labels, e.g. matchLabels: {${pairs.join(', ')}}`;
}

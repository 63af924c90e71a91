/**
 * When is an applied object done? CRDs when Established; Deployments, DaemonSets and StatefulSets when their
 * newest spec is rolled out and every wanted replica is ready (the checks `kubectl rollout status` makes).
 * Pure over the objects as the API server returns them.
 */
import type { KubeObject } from '../yaml/load.js';
import type { JsonObject } from '../tree.js';
import { obj as dict } from '../model/access.js';

/** Readiness of one object, with a short summary for progress lines (`1/2 ready`). */
export interface Readiness {
  /** True when nothing is left to wait for. */
  ready: boolean;
  /** What is missing, e.g. `0/1 replicas ready`; empty when ready. */
  summary: string;
}

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback);

/** Conditions of an object's status as a list of {type, status, reason, message}. */
export function conditionsOf(obj: KubeObject | JsonObject): { type: string; status: string; reason?: string; message?: string }[] {
  const conditions = dict(obj.status).conditions;
  return Array.isArray(conditions) ? (conditions as { type: string; status: string; reason?: string; message?: string }[]) : [];
}

/** A CRD is usable once its Established condition is True (NamesAccepted alone is not enough). */
export function crdReadiness(crd: KubeObject): Readiness {
  const established = conditionsOf(crd).find((c) => c.type === 'Established');
  if (established?.status === 'True') return { ready: true, summary: '' };
  const names = conditionsOf(crd).find((c) => c.type === 'NamesAccepted' && c.status === 'False');
  return { ready: false, summary: names?.message ? `names not accepted: ${names.message}` : 'not yet Established' };
}

/** Readiness of a Deployment, DaemonSet or StatefulSet; other kinds are ready once they exist. */
export function workloadReadiness(obj: KubeObject): Readiness {
  const spec = dict(obj.spec);
  const status = dict(obj.status);
  const generation = num(dict(obj.metadata).generation);
  if (num(status.observedGeneration) < generation) return { ready: false, summary: 'waiting for the controller to see the new spec' };
  switch (obj.kind) {
    case 'Deployment': {
      const wanted = num(spec.replicas, 1);
      const updated = num(status.updatedReplicas);
      const available = num(status.availableReplicas);
      const total = num(status.replicas);
      if (updated < wanted) return { ready: false, summary: `${updated}/${wanted} replicas updated` };
      if (total > updated) return { ready: false, summary: `${total - updated} old replicas pending termination` };
      if (available < wanted) return { ready: false, summary: `${available}/${wanted} replicas ready` };
      return { ready: true, summary: '' };
    }
    case 'DaemonSet': {
      const desired = num(status.desiredNumberScheduled);
      const ready = num(status.numberReady);
      const updated = num(status.updatedNumberScheduled);
      // A DaemonSet that wants no pods is not a ready signal: there is nowhere for its pods to run.
      if (desired <= 0) return { ready: false, summary: 'no node to schedule on yet' };
      if (updated < desired) return { ready: false, summary: `${updated}/${desired} pods updated` };
      if (ready < desired) return { ready: false, summary: `${ready}/${desired} pods ready` };
      return { ready: true, summary: '' };
    }
    case 'StatefulSet': {
      const wanted = num(spec.replicas, 1);
      const ready = num(status.readyReplicas);
      const updated = num(status.updatedReplicas);
      if (updated < wanted) return { ready: false, summary: `${updated}/${wanted} replicas updated` };
      if (ready < wanted) return { ready: false, summary: `${ready}/${wanted} replicas ready` };
      return { ready: true, summary: '' };
    }
    default:
      return { ready: true, summary: '' };
  }
}

/** The label selector of a workload's pods (`a=b,c=d`), from spec.selector.matchLabels; undefined if it has none. */
export function podSelectorOf(workload: KubeObject): string | undefined {
  const match = dict(dict(dict(workload.spec).selector).matchLabels);
  const parts = Object.entries(match).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length ? parts.sort().join(',') : undefined;
}

/** True when the pod's Ready condition is True. */
export function podIsReady(pod: KubeObject): boolean {
  return conditionsOf(pod).some((c) => c.type === 'Ready' && c.status === 'True');
}

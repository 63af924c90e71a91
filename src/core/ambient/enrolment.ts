/**
 * Whether a workload is in ambient mode, as istio-cni and istiod decide it in Istio 1.30: a pod label
 * istio.io/dataplane-mode wins (`none` opts out), else the namespace's label; a pod with a sidecar is never
 * captured by ztunnel. Pure: reads labels, annotations and the pod spec only.
 */
import { arr, obj } from '../model/access.js';
import { PROXY_CONTAINER, type Workload } from '../model/workloads.js';
import { scalarString } from '../tree.js';
import { LABELS } from '../waypoint/gateway.js';

/** How a workload stands with ambient mode. */
export type Enrolment =
  /** Captured by ztunnel; `by` is where the label that enrols it sits. */
  | { mode: 'ambient'; by: 'pod' | 'namespace' }
  /** Runs (or will be injected with) an Istio sidecar: ztunnel leaves it alone. */
  | { mode: 'sidecar'; why: string }
  /** The pod opts out with istio.io/dataplane-mode=none. */
  | { mode: 'opted-out' }
  /** Neither the pod nor its namespace carries istio.io/dataplane-mode=ambient. */
  | { mode: 'none' };

/** True when the pod spec or annotations show an injected sidecar (istio-proxy as a container or native sidecar). */
export function hasSidecar(workload: Workload): boolean {
  if (workload.annotations['sidecar.istio.io/status'] !== undefined) return true;
  const named = (list: unknown) => arr(list).some((c) => scalarString(obj(c).name) === PROXY_CONTAINER);
  return named(workload.spec.containers) || named(workload.spec.initContainers);
}

/** Why the injector would add a sidecar to this workload (pod template in files), or undefined. */
function injectionWanted(workload: Workload, nsLabels: Record<string, string>): string | undefined {
  const pod = workload.labels['sidecar.istio.io/inject'] ?? workload.annotations['sidecar.istio.io/inject'];
  if (pod === 'false') return undefined;
  if (pod === 'true') return 'it is labelled sidecar.istio.io/inject=true';
  if (nsLabels['istio-injection'] === 'enabled') return `namespace ${workload.namespace} is labelled istio-injection=enabled`;
  return undefined;
}

/** The workload's ambient enrolment, given its namespace's labels. */
export function enrolment(workload: Workload, nsLabels: Record<string, string>): Enrolment {
  if (hasSidecar(workload)) return { mode: 'sidecar', why: 'it runs an istio-proxy sidecar' };
  const injected = injectionWanted(workload, nsLabels);
  if (injected) return { mode: 'sidecar', why: `sidecar injection applies: ${injected}` };
  const pod = workload.labels[LABELS.dataplaneMode];
  if (pod === 'none') return { mode: 'opted-out' };
  if (pod === 'ambient') return { mode: 'ambient', by: 'pod' };
  if (nsLabels[LABELS.dataplaneMode] === 'ambient') return { mode: 'ambient', by: 'namespace' };
  return { mode: 'none' };
}

/** True when a namespace is enrolled in ambient mode. */
export function namespaceIsAmbient(nsLabels: Record<string, string>): boolean {
  return nsLabels[LABELS.dataplaneMode] === 'ambient';
}

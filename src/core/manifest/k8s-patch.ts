/**
 * Applies a component's `k8s` settings (IstioOperator's KubernetesResourcesSpec) to its rendered objects, as
 * istioctl's post-processing does: structured fields go to the component's Deployment/DaemonSet, Service, HPA or
 * PDB (maps merge, lists replace; env merges by name), then free-form `overlays` patch any object by path
 * (istioctl's path syntax, see overlay-path.ts).
 */
import { isMap, type JsonObject } from '../tree.js';
import type { KubeObject } from '../yaml/load.js';
import { writeOverlayPath } from './overlay-path.js';
import type { K8sSettings } from './types.js';

function merge(base: JsonObject, over: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(over)) base[k] = isMap(v) && isMap(base[k]) ? merge(base[k] as JsonObject, v) : structuredClone(v);
  return base;
}

function at(obj: JsonObject, path: string[]): JsonObject {
  let cur = obj;
  for (const k of path) {
    if (!isMap(cur[k])) cur[k] = {};
    cur = cur[k] as JsonObject;
  }
  return cur;
}

/**
 * A strategic merge of a list keyed by `name` (container env), in the order Kubernetes' patch code produces: each
 * patch item merges into the item of the same name; the chart's other items keep their order and are interleaved
 * with the patch items, an item going before a patch item only when both stood in that order in the chart's list.
 */
export function mergeByName(server: JsonObject[], patch: JsonObject[]): JsonObject[] {
  const serverIndex = (item: JsonObject) => server.findIndex((s) => s.name === item.name);
  const patched = patch.map((p) => {
    const i = serverIndex(p);
    return i >= 0 ? merge(structuredClone(server[i]!), p) : structuredClone(p);
  });
  const serverOnly = server.filter((s) => !patch.some((p) => p.name === s.name));
  const out: JsonObject[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patched.length) {
    if (j >= patched.length) out.push(serverOnly[i++]!);
    else if (i >= serverOnly.length) out.push(patched[j++]!);
    else {
      const li = serverIndex(serverOnly[i]!);
      const ri = serverIndex(patched[j]!);
      out.push(li >= 0 && ri >= 0 && li < ri ? serverOnly[i++]! : patched[j++]!);
    }
  }
  return out;
}

/** Applies `k8s` to `objects` (mutated): `workload` names the component's Deployment/DaemonSet and `container` its main container. */
export function applyK8s(objects: KubeObject[], k8s: K8sSettings | undefined, workload: string, container: string): void {
  if (!k8s) return;
  const find = (kinds: string[]) => objects.filter((o) => kinds.includes(o.kind) && o.metadata?.name === workload);
  for (const w of find(['Deployment', 'DaemonSet'])) {
    const spec = at(w as JsonObject, ['spec']);
    const pod = at(spec, ['template', 'spec']);
    const podMeta = at(spec, ['template', 'metadata']);
    const main = ((pod.containers ?? []) as JsonObject[]).find((c) => c.name === container);
    if (k8s.replicaCount !== undefined) spec.replicas = k8s.replicaCount;
    if (k8s.strategy) spec.strategy = merge(isMap(spec.strategy) ? spec.strategy : {}, k8s.strategy);
    if (k8s.nodeSelector) pod.nodeSelector = merge(isMap(pod.nodeSelector) ? pod.nodeSelector : {}, k8s.nodeSelector);
    if (k8s.affinity) pod.affinity = merge(isMap(pod.affinity) ? pod.affinity : {}, k8s.affinity);
    if (k8s.tolerations) pod.tolerations = structuredClone(k8s.tolerations);
    if (k8s.priorityClassName) pod.priorityClassName = k8s.priorityClassName;
    if (k8s.securityContext) pod.securityContext = merge(isMap(pod.securityContext) ? pod.securityContext : {}, k8s.securityContext);
    if (k8s.podAnnotations) podMeta.annotations = merge(isMap(podMeta.annotations) ? podMeta.annotations : {}, k8s.podAnnotations);
    if (main) {
      // A strategic merge, as istioctl applies it: requests/limits merge with what the chart set.
      if (k8s.resources) main.resources = merge(isMap(main.resources) ? main.resources : {}, k8s.resources as JsonObject);
      if (k8s.imagePullPolicy) main.imagePullPolicy = k8s.imagePullPolicy;
      if (k8s.readinessProbe) main.readinessProbe = merge(isMap(main.readinessProbe) ? main.readinessProbe : {}, k8s.readinessProbe as JsonObject);
      if (k8s.env) main.env = mergeByName((main.env ?? []) as JsonObject[], k8s.env as JsonObject[]);
    }
  }
  for (const s of find(['Service'])) {
    if (k8s.serviceAnnotations)
      at(s as JsonObject, ['metadata']).annotations = merge(
        isMap(s.metadata?.annotations) ? (s.metadata!.annotations as JsonObject) : {},
        k8s.serviceAnnotations,
      );
    if (k8s.service) {
      // Service ports are taken through the values (they feed container ports too); merging the rest.
      const { ports: _ports, ...rest } = k8s.service as JsonObject;
      merge(at(s as JsonObject, ['spec']), rest);
    }
  }
  if (k8s.hpaSpec) for (const h of find(['HorizontalPodAutoscaler'])) merge(at(h as JsonObject, ['spec']), k8s.hpaSpec);
  if (k8s.podDisruptionBudget) {
    for (const p of find(['PodDisruptionBudget'])) {
      const spec = merge(at(p as JsonObject, ['spec']), k8s.podDisruptionBudget);
      // A PDB may not set both; the user's maxUnavailable wins over Istio's default minAvailable.
      if ('maxUnavailable' in k8s.podDisruptionBudget && !('minAvailable' in k8s.podDisruptionBudget)) delete spec.minAvailable;
    }
  }
  for (const overlay of k8s.overlays ?? []) {
    const targets = objects.filter((o) => o.kind === overlay.kind && o.metadata?.name === overlay.name);
    for (const t of targets)
      for (const patch of overlay.patches ?? []) writeOverlayPath(t as JsonObject, patch.path, patch.value, `${overlay.kind}/${overlay.name}`);
  }
}

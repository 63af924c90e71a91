/**
 * Applies a component's `k8s` settings (IstioOperator's KubernetesResourcesSpec) to its rendered objects, as
 * istioctl's post-processing does: structured fields go to the component's Deployment/DaemonSet, Service, HPA or
 * PDB (maps merge, lists replace; env merges by name), then free-form `overlays` patch any object by path.
 */
import { isMap, type JsonObject } from '../tree.js';
import { UsageError } from '../../errors.js';
import type { KubeObject } from '../yaml/load.js';
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
      if (k8s.resources) main.resources = structuredClone(k8s.resources);
      if (k8s.imagePullPolicy) main.imagePullPolicy = k8s.imagePullPolicy;
      if (k8s.readinessProbe) main.readinessProbe = structuredClone(k8s.readinessProbe);
      if (k8s.env) {
        const env = [...((main.env ?? []) as JsonObject[])];
        for (const e of k8s.env) {
          const i = env.findIndex((x) => x.name === e.name);
          if (i >= 0) env[i] = structuredClone(e);
          else env.push(structuredClone(e));
        }
        main.env = env;
      }
    }
  }
  for (const s of find(['Service'])) {
    if (k8s.serviceAnnotations) at(s as JsonObject, ['metadata']).annotations = merge(isMap(s.metadata?.annotations) ? (s.metadata!.annotations as JsonObject) : {}, k8s.serviceAnnotations);
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
    for (const t of targets) for (const patch of overlay.patches ?? []) patchPath(t as JsonObject, patch.path, patch.value, overlay);
  }
}

/** Sets (or with value null/undefined, removes) `path` like `spec.template.spec.containers.[name:istio-proxy].args[1]`. */
function patchPath(obj: JsonObject, path: string, value: unknown, overlay: { kind: string; name: string }): void {
  const steps = path.split('.').flatMap((s) => s.split(/(?=\[)/)).filter(Boolean);
  let cur: unknown = obj;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    const sel = /^\[(.*)\]$/.exec(step);
    if (sel) {
      if (!Array.isArray(cur)) throw new UsageError(`k8s.overlays ${overlay.kind}/${overlay.name}: ${path}: ${step} applied to a non-list`);
      const inner = sel[1]!;
      let idx = /^\d+$/.test(inner) ? Number(inner) : -1;
      if (idx < 0) {
        const [k, v] = inner.split(':');
        idx = cur.findIndex((el) => isMap(el) && String(el[k!]) === v);
        if (idx < 0) throw new UsageError(`k8s.overlays ${overlay.kind}/${overlay.name}: ${path}: no element matches ${step}`);
      }
      if (last) {
        if (value === null || value === undefined) cur.splice(idx, 1);
        else cur[idx] = structuredClone(value);
        return;
      }
      cur = cur[idx];
    } else {
      if (!isMap(cur)) throw new UsageError(`k8s.overlays ${overlay.kind}/${overlay.name}: ${path}: ${step} is under a non-mapping`);
      if (last) {
        if (value === null || value === undefined) delete cur[step];
        else cur[step] = structuredClone(value);
        return;
      }
      if (cur[step] === undefined) cur[step] = /^\[/.test(steps[i + 1] ?? '') ? [] : {};
      cur = cur[step];
    }
  }
}

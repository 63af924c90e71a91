/**
 * Workloads as analyzers and describe see them: running Pods, plus the pod templates of Deployments, StatefulSets and
 * DaemonSets, so that a repository of manifests is checked like the cluster it will become (istioctl looks at
 * Pods only, which files rarely contain).
 */
import type { Kind, Resource } from './resource.js';
import type { SnapshotView } from './view.js';
import { obj, strMap } from './access.js';
import { LabelIndex } from './label-index.js';
import { type JsonObject } from '../tree.js';

/** The kinds workloads() reads; analyzers that use it list these in their inputs. */
export const WORKLOAD_KINDS: readonly Kind[] = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet'];

/** One workload: a Pod, or the pod template of a controller. */
export interface Workload {
  /** The Pod or the controller. */
  resource: Resource;
  namespace: string;
  /** The pod's labels (the template's for controllers). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The pod spec. */
  spec: JsonObject;
  /** Path of the pod spec within the object, for locating fields. */
  specPath: readonly string[];
}

/** Every workload in the snapshot (shared between readers of the snapshot: never modify it). */
export function workloads(ctx: SnapshotView): readonly Workload[] {
  return ctx.memo('workloads', () => collectWorkloads(ctx));
}

function collectWorkloads(ctx: SnapshotView): Workload[] {
  const out: Workload[] = [];
  ctx.forEach(
    'Pod',
    (r) => void out.push({ resource: r, namespace: r.namespace, labels: r.labels, annotations: r.annotations, spec: obj(r.object.spec), specPath: ['spec'] }),
  );
  for (const kind of WORKLOAD_KINDS.slice(1)) {
    ctx.forEach(kind, (r) => {
      const template = obj(obj(r.object.spec).template);
      const meta = obj(template.metadata);
      out.push({
        resource: r,
        namespace: r.namespace,
        labels: strMap(meta.labels),
        annotations: strMap(meta.annotations),
        spec: obj(template.spec),
        specPath: ['spec', 'template', 'spec'],
      });
    });
  }
  return out;
}

/** Every workload, indexed by namespace and labels for selectors (see LabelIndex); shared between readers of the snapshot. */
export function workloadIndex(ctx: SnapshotView): LabelIndex<Workload> {
  return ctx.memo(
    'workload-index',
    () =>
      new LabelIndex(
        workloads(ctx),
        (w) => w.labels,
        (w) => w.namespace,
      ),
  );
}

/** True when the snapshot can say a workload does not exist (a cluster was read, or files hold workloads). */
export function workloadsKnown(ctx: SnapshotView): boolean {
  return WORKLOAD_KINDS.some((k) => ctx.knows(k));
}

/** Name of the proxy container Istio injects. */
export const PROXY_CONTAINER = 'istio-proxy';

/** The image of the istio-proxy container (regular or native-sidecar init container), if any. */
export function proxyImage(spec: JsonObject): string | undefined {
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      const container = obj(c);
      if (container.name === PROXY_CONTAINER) return typeof container.image === 'string' ? container.image : '';
    }
  }
  return undefined;
}

/** True for Istio's own control-plane and gateway objects (label `istio` or `release: istio`), which some checks skip. */
export function isControlPlane(r: Resource): boolean {
  return 'istio' in r.labels || r.labels.release === 'istio';
}

/**
 * Sidecar injection of one Kubernetes object, as `istioctl kube-inject` does it with Istio 1.30's defaults.
 * Pure: takes the object as plain data and the resolved config, returns the new object and a report.
 */
import jsyaml from 'js-yaml';
import { defaultProxyConfig, treeDelta, type InjectConfig, type ProxyConfig } from './config.js';
import { getPath, isMap, merge, type JsonObject } from '../tree.js';
import { strategicMerge, moveContainer } from './merge.js';
import { applyPrometheusMerge, applyProbeRewrite, parseGoBool, reorder, statusAnnotation } from './postprocess.js';
import type { Container, PodData, WorkloadMeta } from './template.js';
import { renderableTemplates, selectTemplates, templateRenderer, type TemplateRenderer } from './templates.js';
import { checkAnnotations } from './annotations.js';
import { YAML11_SCHEMA } from '../yaml/schema11.js';
import { workloadApiProblems } from '../model/workload-api.js';
import { applyProxyUser, userProxyContainer } from './proxy-user.js';

/** Where a workload kind keeps its pod template. */
export const POD_TEMPLATE_PATHS: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  DeploymentConfig: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

/** A finding about one object: why it was skipped, or what is wrong with it. */
export interface InjectMessage {
  level: 'warning' | 'error';
  message: string;
  /** Path of the field the message is about, relative to the object (for file:line). */
  path: (string | number)[];
}

/** The outcome for one object. */
export interface InjectResult {
  /** The injected object, or the input unchanged when skipped or failed. */
  object: unknown;
  /** True when injection changed the object. */
  changed: boolean;
  messages: InjectMessage[];
}

/**
 * Injects the sidecar into `object` if it is a workload that should get one. A workload the API server would refuse
 * (a removed beta apiVersion, no spec.selector) is still injected, as istioctl does, with a warning saying what to fix.
 * (The input passes through byte for byte otherwise: the warning is a message, never an edit.)
 */
export function injectObject(object: unknown, config: InjectConfig): InjectResult {
  const result = injectWorkload(object, config);
  // An object kube-inject cannot inject gets its error alone: that is what to fix first, and nothing is printed anyway.
  const refused = result.messages.some((m) => m.level === 'error') ? [] : workloadApiProblems(object);
  if (!refused.length) return result;
  const warnings: InjectMessage[] = refused.map((p) => ({ level: 'warning', message: `${objectName(object as JsonObject)}: ${p.message}`, path: p.path }));
  return { ...result, messages: [...warnings, ...result.messages] };
}

function injectWorkload(object: unknown, config: InjectConfig): InjectResult {
  if (!isMap(object) || typeof object.kind !== 'string') return { object, changed: false, messages: [] };
  const kind = object.kind;
  if (kind === 'List' && Array.isArray(object.items)) return injectList(object, config);
  const templatePath = POD_TEMPLATE_PATHS[kind];
  if (!templatePath) return { object, changed: false, messages: [] };
  const meta = isMap(object.metadata) ? object.metadata : {};
  const fullName = objectName(object);
  const podNode = templatePath.length ? getIn(object, templatePath) : object;
  if (!isMap(podNode)) {
    return fail(object, `${fullName}: ${templatePath.join('.')} is required`, templatePath.slice(0, -1));
  }
  // Istio reads and writes a CronJob's labels and annotations on spec.jobTemplate.metadata, not on the pod
  // template's metadata (inject.go IntoObject). mesh does the same, so its output matches istioctl's.
  const metaPath = kind === 'CronJob' ? ['spec', 'jobTemplate', 'metadata'] : [...templatePath, 'metadata'];
  const metaNode = getIn(object, metaPath);
  const spec = podNode.spec;
  if (!isMap(spec)) return fail(object, `${fullName}: ${[...templatePath, 'spec'].join('.')} is required`, templatePath);
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    return fail(object, `${fullName}: the pod needs at least one container in ${[...templatePath, 'spec', 'containers'].join('.')}`, [...templatePath, 'spec']);
  }
  for (const [i, c] of (spec.containers as unknown[]).entries()) {
    const at = [...templatePath, 'spec', 'containers', i];
    if (!isMap(c) || typeof c.name !== 'string' || !c.name) return fail(object, `${fullName}: container ${i} has no name`, at);
    if (c.name !== 'istio-proxy' && (typeof c.image !== 'string' || !c.image)) return fail(object, `${fullName}: container "${c.name}" has no image`, at);
  }
  const podMeta = (isMap(metaNode) ? metaNode : {}) as PodData['metadata'];
  const problems = checkAnnotations((podMeta.annotations ?? {}) as Record<string, unknown>);
  if (problems.length) {
    const p = problems[0]!;
    return fail(object, `${fullName}: invalid annotation ${p.annotation}: ${JSON.stringify(p.value)}: ${p.message}`, [
      ...metaPath,
      'annotations',
      p.annotation,
    ]);
  }
  const pod: PodData = { metadata: podMeta, spec: spec as PodData['spec'] };
  if (spec.hostNetwork === true)
    return skip(object, `skipping injection because ${fullName} has host networking enabled`, [...templatePath, 'spec', 'hostNetwork']);
  const byLabel = podMeta.labels?.['sidecar.istio.io/inject'] !== undefined;
  const selector = podMeta.labels?.['sidecar.istio.io/inject'] ?? podMeta.annotations?.['sidecar.istio.io/inject'];
  const selectorPath = [...metaPath, byLabel ? 'labels' : 'annotations', 'sidecar.istio.io/inject'];
  if (selector === 'false') return skip(object, `skipping injection because ${fullName} has sidecar injection disabled`, selectorPath);
  const messages: InjectMessage[] = [];
  if (selector !== undefined && selector !== 'true') {
    messages.push({
      level: 'warning',
      message: `${fullName}: invalid sidecar.istio.io/inject value ${JSON.stringify(selector)} (only "true" and "false"); injecting by default`,
      path: selectorPath,
    });
  }
  if (podMeta.annotations?.['sidecar.istio.io/enableCoreDump'] !== undefined) {
    messages.push({
      level: 'warning',
      message: `${fullName}: sidecar.istio.io/enableCoreDump has no effect in Istio 1.30 (set core dump limits on the node instead)`,
      path: [...metaPath, 'annotations', 'sidecar.istio.io/enableCoreDump'],
    });
  }

  const templateNames = selectTemplates(podMeta.annotations ?? {}, config);
  const unknown = templateNames.find((n) => !templateRenderer(n));
  if (unknown !== undefined) {
    const at = podMeta.annotations?.['inject.istio.io/templates'] !== undefined ? [...metaPath, 'annotations', 'inject.istio.io/templates'] : [...metaPath];
    return fail(
      object,
      `${fullName}: requested injection template ${JSON.stringify(unknown)} not found; mesh kube-inject renders ${renderableTemplates().join(', ')}`,
      at,
    );
  }
  if (templateNames.includes('gateway') && !templateNames.includes('sidecar')) {
    for (const name of Object.keys(podMeta.annotations ?? {}).filter(isSidecarOnlyAnnotation)) {
      messages.push({
        level: 'warning',
        message: `${fullName}: annotation ${name} has no effect with the "gateway" injection template (it tunes sidecars only)`,
        path: [...metaPath, 'annotations', name],
      });
    }
  }
  const workload = workloadMeta(object, kind, meta, podMeta);
  let injected: PodData;
  try {
    injected = injectPod(
      pod,
      workload,
      config,
      templateNames.map((n) => templateRenderer(n)!),
    );
  } catch (error) {
    if (error instanceof ProxyConfigError) return fail(object, `${fullName}: ${error.message}`, [...metaPath, 'annotations', 'proxy.istio.io/config']);
    throw error;
  }
  let out: JsonObject;
  if (kind === 'CronJob') {
    out = setIn(setIn(object, [...templatePath, 'spec'], injected.spec), metaPath, injected.metadata);
  } else {
    const newPodNode: JsonObject = { ...podNode, metadata: injected.metadata, spec: injected.spec };
    out = templatePath.length ? setIn(object, templatePath, newPodNode) : newPodNode;
  }
  return { object: out, changed: true, messages };
}

/**
 * Annotations only the sidecar template reads: traffic capture, the proxy's resources, readiness tuning, extra
 * volumes. Istio's gateway template ignores them silently (its resources and probes come from the values).
 */
function isSidecarOnlyAnnotation(name: string): boolean {
  return (
    name.startsWith('traffic.sidecar.istio.io/') ||
    name.startsWith('readiness.status.sidecar.istio.io/') ||
    [
      'sidecar.istio.io/interceptionMode',
      'sidecar.istio.io/proxyCPU',
      'sidecar.istio.io/proxyCPULimit',
      'sidecar.istio.io/proxyMemory',
      'sidecar.istio.io/proxyMemoryLimit',
      'sidecar.istio.io/userVolume',
      'sidecar.istio.io/userVolumeMount',
      'sidecar.istio.io/capNetBindService',
    ].includes(name)
  );
}

/** A `kind: List`: each item is injected on its own; messages get the item's path. */
function injectList(list: JsonObject, config: InjectConfig): InjectResult {
  const messages: InjectMessage[] = [];
  let changed = false;
  const items = (list.items as unknown[]).map((item, i) => {
    const r = injectObject(item, config);
    changed ||= r.changed;
    for (const m of r.messages) messages.push({ ...m, path: ['items', i, ...m.path] });
    return r.object;
  });
  return { object: changed ? { ...list, items } : list, changed, messages };
}

/** `Kind namespace/name`, as every kube-inject message names its object. */
function objectName(object: JsonObject): string {
  const meta = isMap(object.metadata) ? object.metadata : {};
  return `${String(object.kind)} ${meta.namespace ? `${String(meta.namespace)}/` : ''}${String(meta.name ?? '')}`;
}

function fail(object: unknown, message: string, path: (string | number)[]): InjectResult {
  return { object, changed: false, messages: [{ level: 'error', message, path }] };
}

function skip(object: unknown, message: string, path: (string | number)[]): InjectResult {
  return { object, changed: false, messages: [{ level: 'warning', message, path }] };
}

/** The workload a pod template belongs to (a bare pod's owner from its controller reference), as the template names it. */
export function workloadMeta(object: JsonObject, kind: string, meta: JsonObject, podMeta: PodData['metadata']): WorkloadMeta {
  const apiVersion = String(object.apiVersion ?? '');
  if (kind !== 'Pod') return { name: String(meta.name ?? ''), namespace: String(meta.namespace ?? ''), apiVersion, kind };
  // A bare pod: Istio derives the owner from a controller reference when the name is generated.
  const wl: WorkloadMeta = { name: String(podMeta.name ?? ''), namespace: String(podMeta.namespace ?? ''), apiVersion: 'v1', kind: 'Pod' };
  const refs = Array.isArray(podMeta.ownerReferences) ? (podMeta.ownerReferences as JsonObject[]) : [];
  const ctrl = podMeta.generateName ? refs.find((r) => r.controller === true) : undefined;
  if (ctrl) {
    wl.apiVersion = String(ctrl.apiVersion);
    wl.kind = String(ctrl.kind);
    wl.name = String(ctrl.name);
    const hash = podMeta.labels?.['pod-template-hash'];
    if (wl.kind === 'ReplicaSet' && hash && wl.name.endsWith(hash)) {
      wl.name = wl.name.slice(0, -(hash.length + 1));
      wl.kind = 'Deployment';
    }
  }
  return wl;
}

/** Raised for an unreadable proxy.istio.io/config annotation. */
class ProxyConfigError extends Error {}

/** The ProxyConfig for a pod: the mesh's default config with the pod's proxy.istio.io/config annotation applied. */
export function effectiveProxyConfig(config: InjectConfig, annotations: Record<string, string>): ProxyConfig {
  const raw = annotations['proxy.istio.io/config'];
  // Most pods carry no annotation: their ProxyConfig is the mesh default, computed once per configuration (a
  // stream of thousands of workloads otherwise merges the same trees for each). Treated as read-only downstream.
  if (raw === undefined) {
    let cached = meshDefaultProxyConfig.get(config);
    if (!cached) meshDefaultProxyConfig.set(config, (cached = meshDefaultFor(config)));
    return cached;
  }
  let parsed: unknown;
  try {
    parsed = jsyaml.load(raw, { schema: YAML11_SCHEMA });
  } catch (error) {
    throw new ProxyConfigError(`proxy.istio.io/config is not valid YAML or JSON: ${(error as { reason?: string }).reason ?? String(error)}`);
  }
  if (parsed !== null && parsed !== undefined && !isMap(parsed)) throw new ProxyConfigError('proxy.istio.io/config must be a mapping of ProxyConfig fields');
  const pc = meshDefaultFor(config);
  return isMap(parsed) ? mergeProxyConfigAnnotation(pc, parsed) : pc;
}

/**
 * Istio's MergeProxyConfig: each field the annotation sets replaces the mesh default's whole field (a nested message
 * such as `tracing` too), except `proxyMetadata`, merged key by key, and `proxyHeaders`, whose unset parts keep
 * the default's.
 */
function mergeProxyConfigAnnotation(base: ProxyConfig, overlay: JsonObject): ProxyConfig {
  const out = { ...base, ...overlay } as ProxyConfig;
  if (isMap(base.proxyMetadata) || isMap(overlay.proxyMetadata)) {
    out.proxyMetadata = { ...(base.proxyMetadata ?? {}), ...((overlay.proxyMetadata as Record<string, string>) ?? {}) };
  }
  if (isMap(overlay.proxyHeaders) && isMap(base.proxyHeaders)) {
    const headers: JsonObject = { ...overlay.proxyHeaders };
    for (const k of ['forwardedClientCert', 'requestId', 'attemptCount', 'server', 'envoyDebugHeaders']) {
      if (headers[k] === undefined && base.proxyHeaders[k] !== undefined) headers[k] = base.proxyHeaders[k];
    }
    out.proxyHeaders = headers;
  }
  return out;
}

/** JSON of the ProxyConfig fields that differ from Istio's built-in defaults (what PROXY_CONFIG carries). */
export function proxyConfigDelta(pc: ProxyConfig): string {
  let delta = proxyConfigDeltas.get(pc);
  if (delta === undefined) proxyConfigDeltas.set(pc, (delta = JSON.stringify(treeDelta(pc, defaultProxyConfig()) ?? {})));
  return delta;
}

const meshDefaultProxyConfig = new WeakMap<InjectConfig, ProxyConfig>();
const proxyConfigDeltas = new WeakMap<ProxyConfig, string>();

function meshDefaultFor(config: InjectConfig): ProxyConfig {
  const meshDefault = isMap(config.meshConfig.defaultConfig) ? config.meshConfig.defaultConfig : {};
  return merge(defaultProxyConfig(), meshDefault) as ProxyConfig;
}

/** The proxy image: hub/image:tag, with the variant (`-distroless`, `-debug`) applied as Istio does. */
export function proxyImage(config: InjectConfig, pc: ProxyConfig, annotations: Record<string, string>): string {
  const v = (p: string) => getPath(config.values, p);
  const tag = String(v('global.tag') ?? '');
  let imageType = String(v('global.variant') ?? '');
  const pcImage = getPath(pc, 'image.imageType');
  if (typeof pcImage === 'string') imageType = pcImage;
  if (annotations['sidecar.istio.io/proxyImageType'] !== undefined) imageType = annotations['sidecar.istio.io/proxyImageType']!;
  const name = String(v('global.proxy.image') || 'proxyv2');
  let finalTag = tag;
  if (imageType) {
    for (const known of ['distroless', 'debug']) {
      if (finalTag.endsWith(`-${known}`)) {
        finalTag = finalTag.slice(0, -(known.length + 1));
        break;
      }
    }
    if (imageType !== 'default') finalTag = `${finalTag}-${imageType}`;
  }
  return `${String(v('global.hub'))}/${name}:${finalTag}`;
}

/**
 * Injects a pod (metadata + spec) with the given templates (default: the sidecar), returning the new pod. As istiod
 * does, each template's output is laid over the pod in turn, and over the previous templates' output (the
 * "template pod" that the status annotation and user overrides are computed from).
 */
export function injectPod(
  original: PodData,
  workload: WorkloadMeta,
  config: InjectConfig,
  renderers: TemplateRenderer[] = [templateRenderer('sidecar')!],
): PodData {
  const annotations = { ...(original.metadata.annotations ?? {}) };
  const pc = effectiveProxyConfig(config, annotations);
  const previouslyInjected = 'sidecar.istio.io/status' in annotations;
  const templateInput = reinsertOverrides(stripPreviousInjection(original, Number(pc.statusPort)));
  const nativeAnno = annotations['sidecar.istio.io/nativeSidecar'];
  const native = nativeAnno !== undefined ? nativeAnno !== 'false' : config.nativeSidecars;
  const input = {
    pod: templateInput,
    workload,
    config,
    proxyConfig: pc,
    proxyConfigJson: proxyConfigDelta(pc),
    proxyImage: proxyImage(config, pc, annotations),
    nativeSidecar: native,
  };

  // The merge starts from the pod as given (earlier injected containers included), as istiod's does.
  let merged: PodData = { metadata: original.metadata, spec: { ...original.spec } };
  let template: PodData | undefined;
  for (const render of renderers) {
    const output = render(input);
    template = template ? (strategicMerge(template, output) as PodData) : output;
    if (native && template.spec.initContainers?.some((c) => c.name === 'istio-proxy') && merged.spec.containers.some((c) => c.name === 'istio-proxy')) {
      const [containers, init] = moveContainer(merged.spec.containers, merged.spec.initContainers ?? [], 'istio-proxy');
      merged = { metadata: merged.metadata, spec: { ...merged.spec, containers: containers as Container[], initContainers: init as Container[] } };
    }
    merged = strategicMerge(merged, output) as PodData;
  }
  if (!template) throw new Error('injectPod needs at least one template');
  merged.metadata = { ...merged.metadata, labels: { ...(merged.metadata.labels ?? {}) }, annotations: { ...(merged.metadata.annotations ?? {}) } };
  if (!previouslyInjected) reapplyUserOverrides(merged, original, template);
  else reapplyRecordedOverrides(merged, annotations['proxy.istio.io/overrides']);
  applyProxyUser(merged, userProxyContainer(original, previouslyInjected ? annotations['proxy.istio.io/overrides'] : undefined), pc.interceptionMode);

  const clusterEnvs = clusterAndNetwork(config, original.metadata.labels ?? {});
  overwriteClusterEnvs(merged, clusterEnvs);
  const statusPort = Number(pc.statusPort);
  const statusPortAnno = annotations['status.sidecar.istio.io/port'] !== undefined ? Number(annotations['status.sidecar.istio.io/port']) : statusPort;
  applyPrometheusMerge(merged, statusPort, config.meshConfig.enablePrometheusMerge !== false);
  // Read from the merged pod, as istiod does: a template may set it (the gRPC templates turn rewriting off).
  const rewriteAnno = merged.metadata.annotations!['sidecar.istio.io/rewriteAppHTTPProbers'];
  const rewrite =
    (rewriteAnno !== undefined ? parseGoBool(rewriteAnno) : undefined) ?? getPath(config.values, 'sidecarInjectorWebhook.rewriteAppHTTPProbe') === true;
  if (rewrite) applyProbeRewrite(merged, statusPortAnno, statusPort, previouslyInjected);
  if (clusterEnvs.ISTIO_META_NETWORK) merged.metadata.labels!['topology.istio.io/network'] = clusterEnvs.ISTIO_META_NETWORK;
  merged.metadata.annotations!['sidecar.istio.io/status'] = statusAnnotation(template, config.revision);
  const hold = pc.holdApplicationUntilProxyStarts === true || getPath(config.values, 'global.proxy.holdApplicationUntilProxyStarts') === true;
  reorder(merged, hold);
  if (merged.spec.initContainers && merged.spec.initContainers.length === 0 && !original.spec.initContainers) delete merged.spec.initContainers;
  return merged;
}

/** The cluster and network the proxy reports (values, with the pod's topology.istio.io/network label winning). */
function clusterAndNetwork(config: InjectConfig, labels: Record<string, string>): Record<string, string> {
  const envs: Record<string, string> = {};
  const cluster = String(getPath(config.values, 'global.multiCluster.clusterName') ?? '');
  const network = labels['topology.istio.io/network'] ?? String(getPath(config.values, 'global.network') ?? '');
  if (cluster) envs.ISTIO_META_CLUSTER_ID = cluster;
  if (network) envs.ISTIO_META_NETWORK = network;
  return envs;
}

/** Istio rewrites these proxy env vars last, sorted by name, replacing the template's (updateClusterEnvs). */
function overwriteClusterEnvs(pod: PodData, envs: Record<string, string>): void {
  const names = Object.keys(envs).sort();
  if (!names.length) return;
  const proxy = pod.spec.containers.find((c) => c.name === 'istio-proxy') ?? pod.spec.initContainers?.find((c) => c.name === 'istio-proxy');
  if (!proxy) return;
  const kept = ((proxy.env as JsonObject[] | undefined) ?? []).filter((e) => !names.includes(String(e.name)));
  proxy.env = [...kept, ...names.map((name) => ({ name, value: envs[name] }))];
}

/** For re-injection: the pod without what an earlier injection added, so the template sees only the app. */
function stripPreviousInjection(pod: PodData, statusPort: number): PodData {
  const raw = pod.metadata.annotations?.['sidecar.istio.io/status'];
  if (raw === undefined) return pod;
  let status: { containers?: string[] | null; initContainers?: string[] | null };
  try {
    status = JSON.parse(raw) as typeof status;
  } catch {
    return pod;
  }
  const drop = (list: Container[] | undefined, names: string[] | null | undefined) => list?.filter((c) => !(names ?? []).includes(c.name));
  const annotations = { ...(pod.metadata.annotations ?? {}) };
  delete annotations['sidecar.istio.io/status'];
  if (annotations['prometheus.io/port'] === String(statusPort)) {
    for (const k of ['prometheus.io/port', 'prometheus.io/path', 'prometheus.io/scrape']) delete annotations[k];
  }
  return {
    metadata: { ...pod.metadata, annotations },
    spec: { ...pod.spec, containers: drop(pod.spec.containers, status.containers) ?? [], initContainers: drop(pod.spec.initContainers, status.initContainers) },
  };
}

/**
 * Istio's reinsertOverrides: containers recorded in `proxy.istio.io/overrides` that the pod lacks go back in before
 * the template runs. On re-injection, stripping removed every container a template touched (the gRPC templates
 * touch the app containers too); this gives the template the user's containers again.
 */
function reinsertOverrides(pod: PodData): PodData {
  const recorded = pod.metadata.annotations?.['proxy.istio.io/overrides'];
  if (!recorded) return pod;
  let overrides: { containers?: Container[]; initContainers?: Container[] };
  try {
    overrides = JSON.parse(recorded) as typeof overrides;
  } catch {
    return pod;
  }
  const missing = (list: Container[] | undefined, have: Container[] | undefined) =>
    (Array.isArray(list) ? list : []).filter((c) => isMap(c) && !(have ?? []).some((h) => h.name === c.name));
  const containers = [...pod.spec.containers, ...missing(overrides.containers, pod.spec.containers)];
  const addInit = missing(overrides.initContainers, pod.spec.initContainers);
  const spec = { ...pod.spec, containers };
  if (addInit.length) spec.initContainers = [...(pod.spec.initContainers ?? []), ...addInit];
  return { metadata: pod.metadata, spec };
}

/**
 * A workload may declare its own `istio-proxy` (or `istio-init`) container to customize the injected one: its
 * fields win over the template's, `image: auto` keeps the injected image, and the customization is recorded in
 * the `proxy.istio.io/overrides` annotation, as Istio does.
 */
function reapplyUserOverrides(merged: PodData, original: PodData, template: PodData): void {
  const overrides: { containers?: Container[]; initContainers?: Container[] } = {};
  const userContainer = (name: string) => original.spec.containers.find((c) => c.name === name) ?? original.spec.initContainers?.find((c) => c.name === name);
  for (const [listName, list] of [
    ['containers', template.spec.containers],
    ['initContainers', template.spec.initContainers],
  ] as const) {
    for (const t of list ?? []) {
      const user = userContainer(t.name);
      if (!user) continue;
      const overlay: Container = { ...user };
      if (overlay.image === 'auto') delete overlay.image;
      (overrides[listName] ??= []).push(overlay);
      const target = merged.spec[listName];
      const idx = target?.findIndex((c) => c.name === t.name) ?? -1;
      if (target && idx >= 0) target[idx] = strategicMerge(target[idx], overlay, undefined, false) as Container;
    }
  }
  if (overrides.containers || overrides.initContainers) merged.metadata.annotations!['proxy.istio.io/overrides'] = JSON.stringify(overrides);
}

/**
 * Re-injection: the user's customization was recorded in `proxy.istio.io/overrides` the first time; apply it again
 * so that injecting twice gives the same pod (istiod drops it here; mesh keeps injection idempotent).
 */
function reapplyRecordedOverrides(merged: PodData, recorded: string | undefined): void {
  if (!recorded) return;
  let overrides: { containers?: Container[]; initContainers?: Container[] };
  try {
    overrides = JSON.parse(recorded) as typeof overrides;
  } catch {
    return;
  }
  for (const listName of ['containers', 'initContainers'] as const) {
    for (const overlay of overrides[listName] ?? []) {
      const target = merged.spec[listName];
      const idx = target?.findIndex((c) => c.name === overlay.name) ?? -1;
      if (target && idx >= 0) target[idx] = strategicMerge(target[idx], overlay, undefined, false) as Container;
    }
  }
}

function getIn(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = isMap(cur) ? cur[p] : undefined;
  return cur;
}

function setIn(obj: JsonObject, path: string[], value: unknown): JsonObject {
  const [head, ...rest] = path;
  return { ...obj, [head!]: rest.length ? setIn(isMap(obj[head!]) ? (obj[head!] as JsonObject) : {}, rest, value) : value };
}

/**
 * The snapshot analyzers run over: every object with its analyzer kind, namespace and origin, indexed by kind
 * and by namespace/name. Built once from files and/or a cluster read; analyzers never fetch anything.
 */
import type { KubeObject, SourcedObject } from '../yaml/load.js';
import { deriveMeshConfig, deriveMeshNetworks } from './mesh-config.js';
import { isClusterScoped, kindOf, type Kind, type Origin, type Resource, type SchemaProblem } from './resource.js';

/** An immutable, indexed set of resources. */
export interface Snapshot {
  /** Resources of each kind, in input order. */
  byKind: ReadonlyMap<Kind, readonly Resource[]>;
  /** Kinds whose absence the snapshot can vouch for (see AnalysisContext.knows). */
  known: ReadonlySet<Kind>;
  /** Namespace of the Istio control plane. */
  istioNamespace: string;
  /** Schema problems of objects read from files, found before analysis. */
  problems: ReadonlyMap<object, readonly SchemaProblem[]>;
}

/** Input to buildSnapshot: objects from one source, and the kinds that source read completely. */
export interface SnapshotSource {
  objects: readonly { object: KubeObject; origin: Origin }[];
  /** Kinds the source listed in full (a cluster); files add the kinds they contain. */
  complete?: Iterable<Kind>;
}

/** Options for buildSnapshot. */
export interface SnapshotOptions {
  /** Namespace for namespaced objects that have none (`-n`, else `default`). */
  defaultNamespace: string;
  istioNamespace: string;
  /** Add istioctl's stand-ins for a cluster: an ingress gateway Pod and Service in the Istio namespace. */
  addDefaults: boolean;
  /** Schema problems by object (from the validate core), for the schema analyzer. */
  problems?: ReadonlyMap<object, readonly SchemaProblem[]>;
}

/**
 * Merges sources in order; a later object with the same kind/namespace/name replaces an earlier one (files
 * given on the command line override what the cluster has, as istioctl's "simulate applying" does).
 */
export function buildSnapshot(sources: readonly SnapshotSource[], options: SnapshotOptions): Snapshot {
  // Resources in first-seen order; a later object with the same identity takes its predecessor's slot.
  const order: Resource[] = [];
  const slots = new Map<Kind, Map<string, Map<string, number>>>();
  const slotOf = (r: Resource): { slot: number | undefined; set(i: number): void } => {
    let byNs = slots.get(r.kind);
    if (!byNs) slots.set(r.kind, (byNs = new Map()));
    let byName = byNs.get(r.namespace);
    if (!byName) byNs.set(r.namespace, (byName = new Map()));
    const names = byName;
    return { slot: names.get(r.name), set: (i) => void names.set(r.name, i) };
  };
  const known = new Set<Kind>();
  for (const source of sources) {
    for (const kind of source.complete ?? []) known.add(kind);
    for (const { object, origin } of source.objects) {
      const resource = toResource(object, origin, options.defaultNamespace);
      if (origin.type === 'file') known.add(resource.kind);
      const at = slotOf(resource);
      if (at.slot === undefined) at.set(order.push(resource) - 1);
      else order[at.slot] = resource;
    }
  }
  if (options.addDefaults) {
    for (const object of defaultObjects(options.istioNamespace)) {
      const r = toResource(object, { type: 'default' }, options.defaultNamespace);
      const at = slotOf(r);
      if (at.slot === undefined) at.set(order.push(r) - 1);
    }
  }
  const byKind = new Map<Kind, Resource[]>();
  for (const r of order) {
    let list = byKind.get(r.kind);
    if (!list) byKind.set(r.kind, (list = []));
    list.push(r);
  }
  const mesh = deriveMeshConfig(byKind.get('ConfigMap') ?? [], options.istioNamespace);
  byKind.set('MeshConfig', [mesh]);
  const networks = deriveMeshNetworks(byKind.get('ConfigMap') ?? [], options.istioNamespace);
  if (networks) byKind.set('MeshNetworks', [networks]);
  return { byKind, known, istioNamespace: options.istioNamespace, problems: options.problems ?? new Map() };
}

/** Wraps file objects (from objectsOf) as snapshot input. */
export function fileSource(objects: readonly SourcedObject[]): SnapshotSource {
  return { objects: objects.map((o) => ({ object: o.object, origin: { type: 'file', file: o.doc.origin, doc: o.doc, path: o.path } })) };
}

function toResource(object: KubeObject, origin: Origin, defaultNamespace: string): Resource {
  const kind = kindOf(object);
  const meta = object.metadata ?? {};
  const namespace = isClusterScoped(kind) ? '' : typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : defaultNamespace;
  return {
    kind,
    object,
    namespace,
    name: typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? `${meta.generateName}*` : '',
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    origin,
  };
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

/** What istioctl assumes exists when it analyzes files without a cluster: the default ingress gateway. */
function defaultObjects(istioNamespace: string): KubeObject[] {
  const labels = { app: 'istio-ingressgateway', istio: 'ingressgateway' };
  const ports = [
    [80, 'http2'],
    [443, 'https'],
    [15443, 'tls'],
  ].map(([port, name]) => ({ name, port, targetPort: port, protocol: 'TCP' }));
  return [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'istio-ingressgateway', namespace: istioNamespace, labels },
      spec: { containers: [{ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.30.3' }] },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'istio-ingressgateway', namespace: istioNamespace, labels }, spec: { selector: labels, ports } },
  ];
}

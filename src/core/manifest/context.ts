/**
 * What every component builder needs from the resolved IstioOperator: names with the revision suffix, the
 * control-plane namespace, images, and the labels Istio puts on what it installs (owning resource, component,
 * revision) so that install can prune and uninstall can find exactly its own objects.
 */
import { ISTIO_VERSION } from '../../version.js';
import type { KubeObject } from '../yaml/load.js';
import type { ComponentName, IstioOperator } from './types.js';
import { byKey, type JsonObject } from '../tree.js';

/** Read-only view of the resolved values for builders. */
export interface RenderContext {
  /** The resolved operator. */
  iop: IstioOperator;
  /** `spec.values`. */
  values: JsonObject;
  /** The control-plane namespace (`values.global.istioNamespace`). */
  namespace: string;
  /**
   * The namespace the chart being rendered is installed into (Helm's `.Release.Namespace`): the component's own
   * `namespace` (e.g. `components.pilot.namespace`), else the control-plane namespace. The charts put their
   * workloads, Services and ConfigMaps there, and keep RBAC and the validation webhook on `namespace`.
   */
  releaseNamespace: string;
  /** Revision ('' for the default revision). */
  revision: string;
  /** `-<rev>` or ''. */
  revSuffix: string;
  /** Value of the istio.io/rev label ('default' for the default revision). */
  revLabel: string;
}

/** Builds the context for a resolved operator. */
export function renderContext(iop: IstioOperator): RenderContext {
  const values = (iop.spec.values ?? {}) as JsonObject;
  const revision = String(values.revision ?? '');
  const global = (values.global ?? {}) as JsonObject;
  return {
    iop,
    values,
    namespace: String(global.istioNamespace || 'istio-system'),
    releaseNamespace: String(global.istioNamespace || 'istio-system'),
    revision,
    revSuffix: revision ? `-${revision}` : '',
    revLabel: revision || 'default',
  };
}

/** The context for rendering a chart installed into `namespace` (a component's `namespace`, when set). */
export function inRelease(ctx: RenderContext, namespace: string | undefined): RenderContext {
  return namespace ? { ...ctx, releaseNamespace: namespace } : ctx;
}

/**
 * The context a component renders with when its IstioOperator spec names its own `hub` or `tag`
 * (`components.pilot.hub`): istioctl sets them as `values.<root>.hub|tag` for that component's chart only.
 */
export function withComponentImage(ctx: RenderContext, root: string, spec: { hub?: string; tag?: unknown } | undefined): RenderContext {
  if (!spec?.hub && (spec?.tag === undefined || spec.tag === null)) return ctx;
  const own = { ...((ctx.values[root] as JsonObject | undefined) ?? {}) };
  if (spec.hub) own.hub = spec.hub;
  if (spec.tag !== undefined && spec.tag !== null) own.tag = spec.tag;
  return { ...ctx, values: { ...ctx.values, [root]: own } };
}

/** Reads a dotted path of the values (`global.proxy.image`). */
export function val<T = unknown>(ctx: RenderContext, path: string): T {
  let cur: unknown = ctx.values;
  for (const key of path.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as JsonObject)[key] : undefined;
  return cur as T;
}

/** The labels Helm's charts put on everything (istio.labels), with mesh as the manager. */
export function chartLabels(chart: string): Record<string, string> {
  return {
    'app.kubernetes.io/instance': 'istio',
    'app.kubernetes.io/managed-by': 'mesh',
    'app.kubernetes.io/part-of': 'istio',
    'app.kubernetes.io/version': ISTIO_VERSION,
    'helm.sh/chart': `${chart}-${ISTIO_VERSION}`,
  };
}

/**
 * The ownership labels install prunes by and uninstall deletes by. Objects every revision shares (the Base
 * component: CRDs, shared RBAC; and the control-plane namespace, `shared`) carry no `istio.io/rev`: it would move to
 * whichever revision was rendered last, so `manifest generate | kubectl apply` and `mesh install` agree.
 */
export function ownerLabels(ctx: RenderContext, component: ComponentName, shared = component === 'Base'): Record<string, string> {
  const labels: Record<string, string> = { 'install.operator.istio.io/owning-resource': String(ctx.values.ownerName || 'unknown') };
  if (!shared) labels['istio.io/rev'] = ctx.revLabel;
  labels['operator.istio.io/component'] = component;
  return labels;
}

/** `image` as the charts compose it: an image containing `/` is used as is, else hub/image:tag[-variant]. */
export function imageRef(hub: string, image: string, tag: unknown, variant: string): string {
  if (image.includes('/')) return image;
  return `${hub}/${image}:${String(tag)}${variant ? `-${variant}` : ''}`;
}

/** A namespaced or cluster-scoped object with labels sorted for stable output. */
export function object(
  apiVersion: string,
  kind: string,
  name: string,
  namespace: string | undefined,
  labels: Record<string, string>,
  rest: JsonObject = {},
): KubeObject {
  const metadata: KubeObject['metadata'] = { name };
  if (namespace !== undefined) metadata.namespace = namespace;
  metadata.labels = Object.fromEntries(Object.entries(labels).sort(byKey));
  const { annotations, ...body } = rest as { annotations?: Record<string, string> } & JsonObject;
  if (annotations && Object.keys(annotations).length) metadata.annotations = annotations;
  return { apiVersion, kind, metadata, ...body };
}

/** Resources as the charts write them, dropping empty requests/limits. */
export function resourcesOf(r: unknown): JsonObject {
  if (!r || typeof r !== 'object') return {};
  const out: JsonObject = {};
  // Copies: k8s settings merge into a container's resources in place, and must not reach the shared values.
  for (const [k, v] of Object.entries(r as JsonObject)) if (v && typeof v === 'object' && Object.keys(v as JsonObject).length) out[k] = structuredClone(v);
  return out;
}

/** Helm's `default`: the first value that is not empty ('' / undefined / null / false), else the last candidate. */
export function pick<T>(...candidates: unknown[]): T {
  const found = candidates.find((c) => c !== undefined && c !== null && c !== '' && c !== false);
  return (found === undefined ? candidates[candidates.length - 1] : found) as T;
}

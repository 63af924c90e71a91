/**
 * `x injector list` (istioctl/pkg/injector): for each namespace that would be injected, the revision its injector
 * serves and the revisions its pods run (with pods that opted out or need a restart), then for each injector webhook
 * the namespaces it serves and the proxy image of its revision. Pure: listed objects in, rows out.
 */
import { labelSelectorMatches } from '../model/label-selector.js';
import { isMap, type JsonObject } from '../tree.js';

/** Namespaces Istio never injects (inject.IgnoredNamespaces). */
const IGNORED_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** The objects the listing reads. */
export interface InjectorInputs {
  namespaces: readonly unknown[];
  /** MutatingWebhookConfigurations labelled app=sidecar-injector. */
  hooks: readonly unknown[];
  /** Pods of every namespace (metadata is enough). */
  pods: readonly unknown[];
  /** ConfigMaps labelled istio.io/rev (the injectors' istio-sidecar-injector ConfigMaps carry the values). */
  configMaps: readonly unknown[];
  /** The control plane's namespace, left out like the system ones. */
  istioNamespace: string;
  /** Only this namespace (-n), when it is one of those listed. */
  namespace?: string;
}

/** One NAMESPACE row: a revision its pods run, and how many. */
export interface NamespaceRow {
  namespace: string;
  /** The revision new pods get ('' none; `MISSING/<rev>` when no injector serves the label). */
  istioRevision: string;
  /** The revision of these pods (`<non-Istio>` for pods without a sidecar); '' for a namespace without pods. */
  podRevision: string;
  pods: number;
  /** Pods that opted out (sidecar.istio.io/inject=false). */
  injectionDisabled: number;
  /** Pods injected by another revision than the namespace's (a restart moves them). */
  needsRestart: number;
}

/** One INJECTOR-HOOK row: a namespace it serves (none: it does not auto-inject). */
export interface HookRow {
  /** The namespace, or undefined when the webhook serves none (istioctl: DOES NOT AUTOINJECT). */
  namespace: string | undefined;
  hook: string;
  revision: string;
  /** The proxy image of that revision's injector ('' when unknown). */
  sidecarImage: string;
}

/** The listing. */
export interface InjectorListing {
  namespaces: NamespaceRow[];
  hooks: HookRow[];
}

const meta = (o: unknown): JsonObject => (isMap(o) && isMap(o.metadata) ? o.metadata : {});
const labelsOf = (o: unknown): Record<string, string> => (isMap(meta(o).labels) ? (meta(o).labels as Record<string, string>) : {});
const nameOf = (o: unknown): string => String(meta(o).name ?? '');
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds both tables. */
export function listInjectors(input: InjectorInputs): InjectorListing {
  let namespaces = input.namespaces
    .filter((ns) => !IGNORED_NAMESPACES.has(nameOf(ns)) && nameOf(ns) !== input.istioNamespace && !inAmbient(labelsOf(ns)))
    .sort((a, b) => byName(nameOf(a), nameOf(b)));
  if (input.namespace !== undefined) {
    const only = namespaces.find((ns) => nameOf(ns) === input.namespace);
    if (only) namespaces = [only];
  }
  const hooks = [...input.hooks].sort((a, b) => byName(nameOf(a), nameOf(b)));
  const podsByNs = new Map<string, unknown[]>();
  for (const p of input.pods) {
    const ns = String(meta(p).namespace ?? '');
    podsByNs.set(ns, [...(podsByNs.get(ns) ?? []), p]);
  }
  const rows: NamespaceRow[] = [];
  for (const ns of namespaces) {
    const revision = injectedRevision(labelsOf(ns), hooks);
    const counts = countByRevision(podsByNs.get(nameOf(ns)) ?? [], revision);
    // A namespace without pods is shown when new pods would be injected.
    if (!counts.size && revision) counts.set(revision, { pods: 0, disabled: 0, needsRestart: 0 });
    for (const [podRevision, c] of [...counts].sort(([a], [b]) => byName(a, b))) {
      rows.push({ namespace: nameOf(ns), istioRevision: revision, podRevision, pods: c.pods, injectionDisabled: c.disabled, needsRestart: c.needsRestart });
    }
  }
  const images = proxyImages(input.configMaps);
  const hookRows: HookRow[] = [];
  for (const hook of hooks) {
    const revision = labelsOf(hook)['istio.io/rev'] ?? '';
    const served = servedNamespaces(hook, namespaces);
    const sidecarImage = images.get(revision) ?? '';
    if (!served.length) hookRows.push({ namespace: undefined, hook: nameOf(hook), revision, sidecarImage });
    for (const ns of served) hookRows.push({ namespace: ns, hook: nameOf(hook), revision, sidecarImage });
  }
  return { namespaces: rows, hooks: hookRows };
}

/** A namespace in ambient mode (and not also labelled for sidecars) is left out, as istioctl does. */
function inAmbient(labels: Record<string, string>): boolean {
  if (labels['istio-injection'] === 'enabled' || labels['istio.io/rev']) return false;
  return labels['istio.io/dataplane-mode'] === 'ambient';
}

function webhooksOf(hook: unknown): JsonObject[] {
  return isMap(hook) && Array.isArray(hook.webhooks) ? hook.webhooks.filter(isMap) : [];
}

/** The revision of the first injector whose namespace selector takes the namespace, else what its labels ask for. */
function injectedRevision(labels: Record<string, string>, hooks: readonly unknown[]): string {
  for (const hook of hooks) {
    if (webhooksOf(hook).some((w) => labelSelectorMatches(w.namespaceSelector, labels))) return labelsOf(hook)['istio.io/rev'] ?? '';
  }
  const rev = labels['istio.io/rev'];
  const old = labels['istio-injection'];
  if (!rev && (old === undefined || old === 'disabled')) return '';
  return rev ? `MISSING/${rev}` : 'MISSING/istio-injection';
}

function countByRevision(pods: readonly unknown[], expected: string): Map<string, { pods: number; disabled: number; needsRestart: number }> {
  const out = new Map<string, { pods: number; disabled: number; needsRestart: number }>();
  for (const pod of pods) {
    const annos = isMap(meta(pod).annotations) ? (meta(pod).annotations as Record<string, string>) : {};
    const revision = podRevision(annos);
    const key = revision || '<non-Istio>';
    const c = out.get(key) ?? { pods: 0, disabled: 0, needsRestart: 0 };
    c.pods++;
    const inject = labelsOf(pod)['sidecar.istio.io/inject'] ?? annos['sidecar.istio.io/inject'] ?? '';
    if (inject.toLowerCase() === 'false') c.disabled++;
    else if (revision !== expected) c.needsRestart++;
    out.set(key, c);
  }
  return out;
}

/** The revision a pod was injected by: its istio.io/rev annotation, else the status annotation's. */
export function podRevision(annotations: Record<string, string>): string {
  if (annotations['istio.io/rev'] !== undefined) return annotations['istio.io/rev'];
  try {
    const status: unknown = JSON.parse(annotations['sidecar.istio.io/status'] ?? '');
    return isMap(status) && typeof status.revision === 'string' ? status.revision : '';
  } catch {
    return '';
  }
}

/** The namespaces a hook's namespace webhooks select (in namespace order, each once). */
function servedNamespaces(hook: unknown, namespaces: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const w of webhooksOf(hook)) {
    if (w.name !== 'rev.namespace.sidecar-injector.istio.io' && w.name !== 'namespace.sidecar-injector.istio.io') continue;
    for (const ns of namespaces) if (!out.includes(nameOf(ns)) && labelSelectorMatches(w.namespaceSelector, labelsOf(ns))) out.push(nameOf(ns));
  }
  return out;
}

/** Revision → proxy image, from the injector ConfigMaps' values (hub/image:tag, or the image when it has a `/`). */
function proxyImages(configMaps: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const cm of configMaps) {
    const data = isMap(cm) && isMap(cm.data) ? cm.data : {};
    let values: unknown;
    try {
      values = JSON.parse(String(data.values ?? ''));
    } catch {
      continue;
    }
    const global = isMap(values) && isMap(values.global) ? values.global : {};
    const proxy = isMap(global.proxy) ? global.proxy : {};
    const image = typeof proxy.image === 'string' ? proxy.image : '';
    const found = image.includes('/') ? image : `${String(global.hub ?? '')}/${image}:${String(global.tag ?? '')}`;
    if (found) out.set(labelsOf(cm)['istio.io/rev'] ?? '', found);
  }
  return out;
}

/** istioctl's POD-REVISIONS cell. */
export function podRevisionsText(row: NamespaceRow): string {
  if (!row.pods) return '<no pods>';
  let text = String(row.pods);
  if (row.injectionDisabled) text += ` (injection disabled: ${row.injectionDisabled})`;
  if (row.needsRestart) text += ` NEEDS RESTART: ${row.needsRestart}`;
  return `${row.podRevision}: ${text}`;
}

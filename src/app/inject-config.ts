/**
 * Gathers kube-inject's configuration from where istioctl finds it: the cluster's `istio` and
 * `istio-sidecar-injector` ConfigMaps (only when a kubeconfig exists, so offline use never loads the Kubernetes
 * client), an IstioOperator file, files named by flags, --hub/--tag/--set and --revision, in that order.
 */
import jsyaml from 'js-yaml';
import type { Cluster, CommandContext, Files } from '../context.js';
import { ClusterError, InputError, MeshError } from '../errors.js';
import { YAML11_SCHEMA } from '../core/yaml/schema11.js';
import { resolveInjectConfig, type InjectConfig } from '../core/inject/config.js';
import { isMap, type JsonObject as Tree } from '../core/tree.js';
import { loadDocuments } from '../core/yaml/load.js';

/** The flags that say where injection configuration comes from. */
export interface InjectConfigFlags {
  /** The `mesh` key of the istio ConfigMap, as a file (replaces the cluster's). */
  meshConfigFile?: string;
  /** The `values` key of the istio-sidecar-injector ConfigMap, as a file (replaces the cluster's). */
  valuesFile?: string;
  /** The injector's `config` key: checked only (mesh renders Istio's built-in templates itself). */
  injectConfigFile?: string;
  /** An IstioOperator file: inject what that install would. */
  operatorFileName?: string;
  /** The control-plane revision (its ConfigMaps carry the `-<revision>` suffix). */
  revision?: string;
  /** Proxy image registry and tag. */
  hub?: string;
  tag?: string;
  /** install's `--set path=value` overrides. */
  set?: string[];
  /** Never read configuration from a cluster. */
  ignoreCluster: boolean;
  /** Inject as a native sidecar (an init container that keeps running). */
  nativeSidecar: boolean;
}

/** How long the ConfigMap reads may take before kube-inject falls back to the built-in defaults. */
const CLUSTER_TIMEOUT_MS = 5000;

/** Resolves the injection configuration for the flags; warnings (a cluster that could not be read) go to stderr. */
export async function gatherInjectConfig(ctx: CommandContext, opts: InjectConfigFlags): Promise<InjectConfig> {
  const values: Tree[] = [];
  const meshConfig: Tree[] = [];
  let base: { values: Tree; meshConfig: Tree } | undefined;
  let revision = opts.revision;
  if (!opts.ignoreCluster && !opts.meshConfigFile && !opts.valuesFile && !opts.operatorFileName && ctx.kubeconfigAvailable()) {
    try {
      const found = await readClusterInjectConfig(await ctx.cluster(), ctx.globals.istioNamespace, revision, CLUSTER_TIMEOUT_MS);
      values.push(found.values);
      meshConfig.push(found.meshConfig);
      if (ctx.globals.verbose) ctx.err(`using injection configuration from ${found.source}\n`);
    } catch (error) {
      ctx.err(`warning: ${(error as Error).message}; using Istio 1.30 defaults (pass --ignore-cluster to skip the cluster)\n`);
    }
  }
  if (opts.operatorFileName) {
    const inputs = await operatorInputs(ctx, opts.operatorFileName, opts.set ?? []);
    base = { values: inputs.values, meshConfig: inputs.meshConfig };
    revision ??= inputs.revision || undefined;
  }
  if (opts.meshConfigFile) meshConfig.push(await readYamlMap(ctx.files, opts.meshConfigFile, 'a mesh config'));
  if (opts.valuesFile) values.push(await readYamlMap(ctx.files, opts.valuesFile, 'an injector values file'));
  if (opts.injectConfigFile) for (const w of await checkInjectConfigFile(ctx.files, opts.injectConfigFile)) ctx.err(`warning: ${w}\n`);
  const global: Tree = {};
  if (opts.hub) global.hub = opts.hub;
  if (opts.tag) global.tag = opts.tag;
  if (Object.keys(global).length) values.push({ global });
  if (opts.set?.length && !opts.operatorFileName) {
    const { setFlagLayers } = await import('../core/inject/config.js');
    const sets = setFlagLayers(opts.set);
    values.push(sets.values);
    meshConfig.push(sets.meshConfig);
    revision ??= sets.revision || undefined;
  }
  // `--revision default` is the default revision, whose templates render with an empty revision (istioctl does the
  // same): its istiod is `istiod`, not `istiod-default`, in CA_ADDR and the discovery address.
  if (revision === 'default') revision = '';
  if (revision) values.push({ revision });
  return resolveInjectConfig({ base, values, meshConfig, revision, nativeSidecars: opts.nativeSidecar });
}

/** What an install from this IstioOperator file (and --set on top, as `mesh install -f iop.yaml --set ...`) would inject. */
async function operatorInputs(ctx: CommandContext, file: string, sets: string[]) {
  // The same resolution `mesh install` uses (default ⊕ profile ⊕ this file), so injection sees what that install would.
  const [{ readOverlays }, { resolveOperator }, { injectBaseFor }] = await Promise.all([
    import('./render-install.js'),
    import('../profiles/resolve.js'),
    import('../core/inject/config.js'),
  ]);
  let iop;
  try {
    iop = resolveOperator({ files: await readOverlays(ctx, [file]), sets });
  } catch (error) {
    const { overlayErrorWithLocation } = await import('../core/manifest/overlay-location.js');
    throw await overlayErrorWithLocation(error);
  }
  return injectBaseFor(iop);
}

/** Parses a YAML or JSON file into a mapping, through the reader every command uses (same checks and errors). */
async function readYamlMap(files: Files, path: string, what: string): Promise<Tree> {
  const docs = loadDocuments(await files.readText(path), path).filter((d) => !d.empty);
  if (docs.length > 1) throw new InputError(`${path}:${docs[1]!.line}: ${what} must be a single YAML document`);
  const value = docs[0]?.value;
  if (value === null || value === undefined) return {};
  if (!isMap(value)) throw new InputError(`${path}:${docs[0]!.line}: ${what} must be a YAML mapping`);
  return value;
}

/** Istio 1.30's built-in injection template names: mesh renders these itself, whatever text the ConfigMap holds. */
const ISTIO_TEMPLATES = ['sidecar', 'gateway', 'grpc-simple', 'grpc-agent', 'waypoint', 'kube-gateway', 'agentgateway'];

/** Reads the injector ConfigMap's data (`--injectConfigFile`): refuses custom templates mesh cannot honour. */
export async function checkInjectConfigFile(files: Files, path: string): Promise<string[]> {
  const { renderableTemplates } = await import('../core/inject/templates.js');
  const data = await readYamlMap(files, path, 'the injector configuration');
  const config = isMap(data.config) ? data.config : typeof data.config === 'string' ? (jsyaml.load(data.config) as Tree) : data;
  const warnings: string[] = [];
  const templates = isMap(config?.templates) ? Object.keys(config.templates) : [];
  const custom = templates.filter((t) => !ISTIO_TEMPLATES.includes(t));
  const defaults = Array.isArray(config?.defaultTemplates) ? (config.defaultTemplates as unknown[]).map(String) : ['sidecar'];
  const renderable = renderableTemplates();
  if (defaults.some((t) => !renderable.includes(t))) {
    throw new InputError(`${path}: default templates ${JSON.stringify(defaults)} are not all built in; mesh kube-inject renders ${renderable.join(', ')}`, {
      hint: 'run istioctl kube-inject for custom injection templates, or drop --injectConfigFile to use the built-in ones',
    });
  }
  if (custom.length) warnings.push(`${path}: templates ${custom.join(', ')} are ignored; mesh renders Istio 1.30's built-in templates itself`);
  if (config?.policy === 'disabled') warnings.push(`${path}: policy is "disabled": kube-inject injects anyway, as istioctl does`);
  return warnings;
}

/** Reads mesh config and injector values from the control plane's ConfigMaps (of `revision`), within `timeoutMs`. */
async function readClusterInjectConfig(
  cluster: Cluster,
  namespace: string,
  revision: string | undefined,
  timeoutMs: number,
): Promise<{ values: Tree; meshConfig: Tree; source: string }> {
  const suffix = revision && revision !== 'default' ? `-${revision}` : '';
  const what = `read the injector configuration from namespace ${namespace}`;
  const readData = async (name: string): Promise<Record<string, string>> => {
    const found = await cluster.install.get({ apiVersion: 'v1', kind: 'ConfigMap', name, namespace });
    if (!found) throw new ClusterError(`cannot ${what}: configmap ${name} not found`);
    return (found.data ?? {}) as Record<string, string>;
  };
  // A deadline rather than a clock reading: the timer is unref'd so that it never keeps the process alive.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClusterError(`cannot ${what}: cluster unreachable at ${cluster.server} (ETIMEDOUT)`)), timeoutMs);
    timer.unref();
  });
  try {
    const [mesh, injector] = await Promise.race([Promise.all([readData(`istio${suffix}`), readData(`istio-sidecar-injector${suffix}`)]), deadline]);
    const meshConfig = mesh.mesh ? (jsyaml.load(mesh.mesh, { schema: YAML11_SCHEMA }) as Tree) : {};
    const values = injector.values ? (JSON.parse(injector.values) as Tree) : {};
    return {
      values: isMap(values) ? values : {},
      meshConfig: isMap(meshConfig) ? meshConfig : {},
      source: `configmaps istio${suffix} and istio-sidecar-injector${suffix} in ${namespace} (${cluster.server})`,
    };
  } catch (error) {
    if (error instanceof MeshError) throw error;
    // A ConfigMap that does not parse: the same one-line message as a failed read.
    throw new ClusterError(`cannot ${what}: ${(error as Error).message}`.split('\n')[0]!, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

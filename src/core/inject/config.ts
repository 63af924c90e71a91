/**
 * What the injector reads besides the workload: Helm-style values (the `values` key of the
 * `istio-sidecar-injector` ConfigMap) and the mesh config (the `mesh` key of the `istio` ConfigMap). The defaults
 * are the default profile's, taken from the same resolver `mesh install` uses (one source of truth), so what an
 * install would put in those ConfigMaps is what kube-inject injects with; `resolveInjectConfig` layers input on them.
 */
// Narrow imports on purpose: the manifest renderer as a whole (CRDs, gateways, ...) is not needed for injection.
import { resolveOperator } from '../../profiles/resolve.js';
import { renderContext } from '../manifest/context.js';
import { injectorValues, meshConfig as renderedMeshConfig } from '../manifest/istiod-config.js';
import type { IstioOperator } from '../manifest/types.js';
import { getPath, isMap, merge, type JsonObject } from '../tree.js';

/** The proxy settings (MeshConfig.defaultConfig, ProxyConfig) that injection uses. */
export interface ProxyConfig {
  statusPort: number;
  interceptionMode: string;
  holdApplicationUntilProxyStarts?: boolean;
  proxyMetadata?: Record<string, string>;
  [key: string]: unknown;
}

/** Everything the injector needs, resolved. */
export interface InjectConfig {
  /** Helm values as istiod sees them (global.*, pilot.*, sidecarInjectorWebhook.*, revision). */
  values: JsonObject;
  /** MeshConfig (trustDomain, defaultConfig, enablePrometheusMerge, ...). */
  meshConfig: JsonObject;
  /** The revision to inject for ('' = default). */
  revision: string;
  /** Inject the proxy as a native sidecar (an init container with restartPolicy Always); Istio 1.30's default. */
  nativeSidecars: boolean;
}

/** The default ProxyConfig (mesh.DefaultProxyConfig), the fields injection reads or reports. */
export function defaultProxyConfig(): ProxyConfig {
  return {
    configPath: './etc/istio/proxy',
    binaryPath: '/usr/local/bin/envoy',
    serviceCluster: 'istio-proxy',
    drainDuration: '45s',
    terminationDrainDuration: '5s',
    proxyAdminPort: 15000,
    controlPlaneAuthPolicy: 'MUTUAL_TLS',
    discoveryAddress: 'istiod.istio-system.svc:15012',
    statNameLength: 189,
    statusPort: 15020,
    interceptionMode: 'REDIRECT',
    tracing: { zipkin: { address: 'zipkin.istio-system:9411' } },
  };
}

let defaultBase: { values: JsonObject; meshConfig: JsonObject } | undefined;

/** The injector values and mesh config a resolved IstioOperator puts in its ConfigMaps (as `manifest generate` renders them). */
export function injectBaseFor(iop: IstioOperator): { values: JsonObject; meshConfig: JsonObject; revision: string } {
  const ctx = renderContext(iop);
  return { values: injectorValues(ctx) as JsonObject, meshConfig: renderedMeshConfig(ctx) as JsonObject, revision: ctx.revision };
}

/** The default profile's injector values and mesh config. */
export function defaultInjectBase(): { values: JsonObject; meshConfig: JsonObject } {
  defaultBase ??= injectBaseFor(resolveOperator({}));
  return JSON.parse(JSON.stringify({ values: defaultBase.values, meshConfig: defaultBase.meshConfig })) as { values: JsonObject; meshConfig: JsonObject };
}

/** What `b` sets differently from `a`: changed leaves and added keys (arrays compare whole); undefined when equal. */
export function treeDelta(b: unknown, a: unknown): unknown {
  if (isMap(a) && isMap(b)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(b)) {
      const d = treeDelta(v, a[k]);
      if (d !== undefined) out[k] = d;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return JSON.stringify(a) === JSON.stringify(b) ? undefined : b;
}

/**
 * The injector values and mesh config that `--set` flags change, as install's resolver reads them (same paths,
 * typing and errors as `mesh install --set ...`): the difference between the default profile with and without them.
 */
export function setFlagLayers(sets: readonly string[]): { values: JsonObject; meshConfig: JsonObject; revision: string } {
  const withSets = injectBaseFor(resolveOperator({ sets }));
  const plain = defaultInjectBase();
  return {
    values: (treeDelta(withSets.values, plain.values) as JsonObject | undefined) ?? {},
    meshConfig: (treeDelta(withSets.meshConfig, plain.meshConfig) as JsonObject | undefined) ?? {},
    revision: withSets.revision,
  };
}

/** User input layered on the defaults. */
export interface InjectConfigInput {
  /** The base to layer on; the default profile's when unset (an IstioOperator file brings its own full base). */
  base?: { values: JsonObject; meshConfig: JsonObject };
  /** Values from --valuesFile, the cluster ConfigMap or an IstioOperator's `values`. */
  values?: JsonObject[];
  /** Mesh config from --meshConfigFile, the cluster ConfigMap or an IstioOperator's `meshConfig`. */
  meshConfig?: JsonObject[];
  revision?: string;
  nativeSidecars?: boolean;
}

/** Builds the effective config: defaults ⊕ each layer in order. */
export function resolveInjectConfig(input: InjectConfigInput = {}): InjectConfig {
  const base = input.base ?? defaultInjectBase();
  let values: JsonObject = base.values;
  for (const layer of input.values ?? []) values = merge(values, layer);
  let meshConfig: JsonObject = base.meshConfig;
  for (const layer of input.meshConfig ?? []) meshConfig = merge(meshConfig, layer);
  const revision = input.revision ?? String(getPath(values, 'revision') ?? '');
  return { values: values as JsonObject, meshConfig: meshConfig as JsonObject, revision, nativeSidecars: input.nativeSidecars ?? true };
}

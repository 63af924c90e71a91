/**
 * What the injector reads besides the workload: Helm-style values (the `values` key of the
 * `istio-sidecar-injector` ConfigMap) and the mesh config (the `mesh` key of the `istio` ConfigMap). The defaults
 * are Istio 1.30's; `resolveInjectConfig` layers user input on them, as istiod does.
 */
import { ISTIO_HUB, ISTIO_VERSION } from '../../version.js';

/** A JSON-like tree. */
export type Tree = { [key: string]: unknown };

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
  values: Tree;
  /** MeshConfig (trustDomain, defaultConfig, enablePrometheusMerge, ...). */
  meshConfig: Tree;
  /** The revision to inject for ('' = default). */
  revision: string;
  /** Inject the proxy as a native sidecar (an init container with restartPolicy Always); Istio 1.30's default. */
  nativeSidecars: boolean;
}

/** Istio 1.30's built-in values, the part of the chart defaults that injection reads. */
export function defaultValues(): Tree {
  return {
    revision: '',
    global: {
      hub: ISTIO_HUB,
      tag: ISTIO_VERSION,
      variant: '',
      imagePullPolicy: '',
      imagePullSecrets: [],
      istioNamespace: 'istio-system',
      logAsJson: false,
      nativeNftables: false,
      logging: { level: 'default:info' },
      proxy: {
        image: 'proxyv2',
        autoInject: 'enabled',
        clusterDomain: 'cluster.local',
        componentLogLevel: 'misc:error',
        excludeInboundPorts: '',
        includeInboundPorts: '*',
        includeIPRanges: '*',
        excludeIPRanges: '',
        includeOutboundPorts: '',
        excludeOutboundPorts: '',
        logLevel: 'warning',
        outlierLogPath: '',
        privileged: false,
        seccompProfile: {},
        readinessFailureThreshold: 4,
        readinessInitialDelaySeconds: 0,
        readinessPeriodSeconds: 15,
        startupProbe: { enabled: true, failureThreshold: 600 },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } },
        statusPort: 15020,
        tracer: 'none',
        holdApplicationUntilProxyStarts: false,
        capNetBindService: false,
      },
      proxy_init: { image: 'proxyv2', forceApplyIptables: false },
      caAddress: '',
      caName: '',
      meshID: '',
      mountMtlsCerts: false,
      multiCluster: { clusterName: '' },
      network: '',
      pilotCertProvider: 'istiod',
      sds: { token: { aud: 'istio-ca' } },
      sts: { servicePort: 0 },
      trustDomain: '',
      trustBundleName: '',
    },
    pilot: { cni: { enabled: false, provider: 'default' }, env: {}, crlConfigMapName: '' },
    sidecarInjectorWebhook: { rewriteAppHTTPProbe: true, injectedAnnotations: {}, neverInjectSelector: [], alwaysInjectSelector: [], defaultTemplates: [] },
  };
}

/** Istio 1.30's default mesh config, the part injection reads. */
export function defaultMeshConfig(): Tree {
  return {
    trustDomain: 'cluster.local',
    enablePrometheusMerge: true,
    defaultConfig: defaultProxyConfig(),
  };
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

/** Deep merge of plain trees: objects merge key by key, everything else (arrays included) replaces. */
export function deepMerge(base: unknown, overlay: unknown): unknown {
  if (!isTree(base) || !isTree(overlay)) return overlay === undefined ? base : clone(overlay);
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(overlay)) out[k] = k in base ? deepMerge(base[k], v) : clone(v);
  return out;
}

/** True for a plain object (not an array, not null). */
export function isTree(v: unknown): v is Tree {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Reads a dotted path (`global.proxy.image`) from a tree. */
const splitCache = new Map<string, string[]>();
export function getPath(tree: unknown, path: string): unknown {
  let parts = splitCache.get(path);
  if (!parts) splitCache.set(path, (parts = path.split('.')));
  let cur: unknown = tree;
  for (const part of parts) {
    if (!isTree(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** User input layered on the defaults. */
export interface InjectConfigInput {
  /** Values from --valuesFile, the cluster ConfigMap or an IstioOperator's `values`. */
  values?: Tree[];
  /** Mesh config from --meshConfigFile, the cluster ConfigMap or an IstioOperator's `meshConfig`. */
  meshConfig?: Tree[];
  revision?: string;
  nativeSidecars?: boolean;
}

/** Builds the effective config: defaults ⊕ each layer in order. */
export function resolveInjectConfig(input: InjectConfigInput = {}): InjectConfig {
  let values: unknown = defaultValues();
  for (const layer of input.values ?? []) values = deepMerge(values, layer);
  let meshConfig: unknown = defaultMeshConfig();
  for (const layer of input.meshConfig ?? []) meshConfig = deepMerge(meshConfig, layer);
  const revision = input.revision ?? String(getPath(values, 'revision') ?? '');
  return { values: values as Tree, meshConfig: meshConfig as Tree, revision, nativeSidecars: input.nativeSidecars ?? true };
}

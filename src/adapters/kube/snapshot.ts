/**
 * Reads what `mesh analyze` needs from a live cluster: one point-in-time list per needed kind, all in parallel
 * (no watches, no informer caches to sync), only the Istio ConfigMaps analyzers read, bounded by --timeout.
 * Kinds the cluster refuses (403) or does not serve (CRD missing) are skipped and reported, not fatal.
 * Lists go through RawKube: plain JSON (client-node's typed serializer is slow on big lists and turns timestamps
 * into Dates) and the same retry as install for a throttled or re-initializing API server (429, 5xx + Retry-After),
 * which is what a freshly installed cluster answers for a while after its CRDs are created.
 */
import { ClusterError } from '../../errors.js';
import type { KubeObject } from '../../core/yaml/load.js';
import { describeSkip, type ClusterRead, type ClusterReadOptions, type SkipReason } from '../../core/model/cluster-read.js';
import { statusCode, translateKubeError, type KubeConnection } from './client.js';
import { RawKube } from './http.js';

/** apiVersion to list each analyzer kind with. Kinds not here are not read from clusters. */
const API_VERSIONS: Record<string, string> = {
  Pod: 'v1',
  Service: 'v1',
  Namespace: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  MutatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
  ValidatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
  VirtualService: 'networking.istio.io/v1',
  DestinationRule: 'networking.istio.io/v1',
  Gateway: 'networking.istio.io/v1',
  ServiceEntry: 'networking.istio.io/v1',
  Sidecar: 'networking.istio.io/v1',
  WorkloadEntry: 'networking.istio.io/v1',
  EnvoyFilter: 'networking.istio.io/v1alpha3',
  AuthorizationPolicy: 'security.istio.io/v1',
  PeerAuthentication: 'security.istio.io/v1',
  RequestAuthentication: 'security.istio.io/v1',
  Telemetry: 'telemetry.istio.io/v1',
  WasmPlugin: 'extensions.istio.io/v1alpha1',
  // Other groups' kinds are named `Kind.group` by analyzers (core/model/resource.ts kindOf).
  'Gateway.gateway.networking.k8s.io': 'gateway.networking.k8s.io/v1',
  'HTTPRoute.gateway.networking.k8s.io': 'gateway.networking.k8s.io/v1',
  'GRPCRoute.gateway.networking.k8s.io': 'gateway.networking.k8s.io/v1',
};

/**
 * Kinds many clusters do not serve (Gateway API CRDs are installed separately): not serving them means there are
 * none, which analyzers may rely on, and is not worth a warning.
 */
const OPTIONAL = new Set(['Gateway.gateway.networking.k8s.io', 'HTTPRoute.gateway.networking.k8s.io', 'GRPCRoute.gateway.networking.k8s.io']);

/** The API kind of an analyzer kind (`Gateway.gateway.networking.k8s.io` → `Gateway`). */
function apiKind(kind: string): string {
  const dot = kind.indexOf('.');
  return dot < 0 ? kind : kind.slice(0, dot);
}

/** Lists every needed kind cluster-wide. Throws ClusterError when the cluster is unreachable or refuses everything. */
export async function readCluster(conn: KubeConnection, options: ClusterReadOptions): Promise<ClusterRead> {
  const raw = new RawKube(conn);
  const wanted = [...new Set(options.kinds.map((k) => (k === 'MeshConfig' || k === 'MeshNetworks' ? 'ConfigMap' : k)))].filter((k) => API_VERSIONS[k]);
  let done = 0;
  const listOne = async (kind: string): Promise<{ kind: string; items?: KubeObject[]; skip?: SkipReason; fatal?: unknown }> => {
    const apiVersion = API_VERSIONS[kind]!;
    // Only the Istio namespace's ConfigMaps matter (mesh config, injector); never list every ConfigMap.
    const namespace = kind === 'ConfigMap' ? options.istioNamespace : undefined;
    try {
      const resource = await raw.resource(apiVersion, apiKind(kind));
      if (!resource) return OPTIONAL.has(kind) ? { kind, items: [] } : { kind, skip: 'notServed' };
      // Pages of 500 keep the API server's memory low on big clusters; continue tokens keep one consistent snapshot.
      const items: KubeObject[] = [];
      let token: string | undefined;
      do {
        const page = (await raw.request('GET', raw.pathFor(apiVersion, resource, namespace), { query: { limit: '500', continue: token } })) as {
          items?: KubeObject[];
          metadata?: { continue?: string };
        };
        for (const o of page.items ?? []) items.push(trim(o, apiVersion, apiKind(kind)));
        token = page.metadata?.continue || undefined;
      } while (token);
      return { kind, items: kind === 'ConfigMap' ? items.filter((o) => isIstioConfigMap(o.metadata?.name)) : items };
    } catch (error) {
      const status = statusCode(error);
      if (status === 403) return { kind, skip: 'forbidden' };
      if (status === 404) return { kind, skip: 'notServed' };
      return { kind, fatal: error };
    } finally {
      options.onProgress?.(++done, wanted.length);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ClusterError(`reading the cluster at ${conn.server} took longer than ${options.timeoutMs / 1000}s (--timeout)`)),
      options.timeoutMs,
    );
  });
  try {
    const results = await Promise.race([Promise.all(wanted.map(listOne)), timeout]);
    const fatal = results.find((r) => r.fatal !== undefined);
    if (fatal) throw translateKubeError(fatal.fatal, `list ${fatal.kind} objects`, conn.server);
    const read: ClusterRead = { objects: [], complete: [], skipped: [], server: conn.server };
    for (const r of results) {
      if (r.items) {
        read.objects.push(...r.items);
        // ConfigMaps are read from one namespace only: never claim to know they are absent elsewhere.
        if (r.kind !== 'ConfigMap') read.complete.push(r.kind);
      } else read.skipped.push({ kind: r.kind, reason: r.skip! });
    }
    // Optional kinds found absent prove nothing about access: with every other kind refused, nothing was read.
    const required = wanted.filter((k) => !OPTIONAL.has(k));
    const refused = new Set(results.filter((r) => !r.items).map((r) => r.kind));
    if (required.length > 0 && required.every((k) => refused.has(k))) {
      throw new ClusterError(`could not read anything from the cluster at ${conn.server}: ${read.skipped.map(describeSkip).join('; ')}`);
    }
    return read;
  } finally {
    clearTimeout(timer);
  }
}

function isIstioConfigMap(name: string | undefined): boolean {
  return name === 'istio' || (name?.startsWith('istio-sidecar-injector') ?? false) || (name?.startsWith('istio-') ?? false);
}

/** List items lack apiVersion/kind; managedFields are large and never analyzed. */
function trim(o: KubeObject, apiVersion: string, kind: string): KubeObject {
  const metadata = { ...(o.metadata ?? {}) };
  delete metadata.managedFields;
  return { ...o, apiVersion, kind, metadata };
}

/**
 * What a bug report collects from which pod, and where it goes in the archive (istioctl's layout:
 * `istio/<ns>/<pod>/` for istiod, `proxies/<ns>/<pod>/` for sidecars, gateways and ztunnel, `cni/<pod>/`, `cluster/`,
 * `analyze/`). Pure over the pods the adapter lists.
 */
import type { KubeObject } from '../yaml/load.js';
import { obj as dict } from '../model/access.js';
import type { ContainerPath } from './filter.js';

/** istiod's debug endpoints (port 15014) that istioctl's bug-report saves. */
export const ISTIOD_DEBUG_PATHS = [
  'adsz',
  'authorizationz',
  'cachez',
  'clusterz',
  'configz',
  'endpointShardz',
  'endpointz',
  'inject',
  'krtz',
  'instancesz',
  'mcsz',
  'mesh',
  'networkz',
  'push_status',
  'registryz',
  'resourcesz',
  'syncz',
  'telemetryz',
  'ambientz',
] as const;

/** Envoy admin endpoints (port 15000) saved for each selected proxy. */
export const PROXY_DEBUG_PATHS = ['certs', 'clusters', 'config_dump?include_eds', 'listeners', 'memory', 'server_info', 'stats', 'runtime'] as const;

/** ztunnel admin endpoints (port 15000). */
export const ZTUNNEL_DEBUG_PATHS = ['config_dump'] as const;

/** The role a pod plays in the mesh, for what is collected from it. */
export type PodRole = 'istiod' | 'proxy' | 'ztunnel' | 'cni' | 'other';

/** One container to collect from, with its role and archive folder. */
export interface CollectTarget extends ContainerPath {
  role: PodRole;
  /** Folder in the archive, e.g. `proxies/shop/web-1`. */
  dir: string;
  /** The container's image (its tag is the proxy's version). */
  image: string;
}

function containersOf(pod: KubeObject): { name: string; image: string }[] {
  const spec = dict(pod.spec);
  const all = [...(Array.isArray(spec.initContainers) ? spec.initContainers : []), ...(Array.isArray(spec.containers) ? spec.containers : [])];
  return all.map((c) => ({ name: String(dict(c).name ?? ''), image: String(dict(c).image ?? '') }));
}

/** The Deployment owning a pod through its ReplicaSet (`web-7d9c8b-x2k` → `web`), or '' when none. */
export function deploymentOf(pod: KubeObject): string {
  const owners = (pod.metadata as { ownerReferences?: { kind?: string; name?: string }[] } | undefined)?.ownerReferences ?? [];
  const rs = owners.find((o) => o.kind === 'ReplicaSet')?.name;
  if (!rs) return '';
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  return hash && rs.endsWith(`-${hash}`) ? rs.slice(0, -hash.length - 1) : rs.replace(/-[a-z0-9]{5,10}$/, '');
}

/** The role of one container of a pod. */
function roleOf(pod: KubeObject, container: string, istioNamespace: string): PodRole {
  const labels = pod.metadata?.labels ?? {};
  if (container === 'discovery' && labels.app === 'istiod' && pod.metadata?.namespace === istioNamespace) return 'istiod';
  if (container === 'istio-proxy') return labels.app === 'ztunnel' ? 'ztunnel' : 'proxy';
  if (labels.app === 'ztunnel' && container === 'istio-proxy') return 'ztunnel';
  if (labels['k8s-app'] === 'istio-cni-node' && container === 'install-cni') return 'cni';
  return 'other';
}

/** Every mesh container of `pods` (istiod, proxies, ztunnel, CNI) as a target; application containers are not collected. */
export function collectTargets(pods: readonly KubeObject[], istioNamespace: string): CollectTarget[] {
  const out: CollectTarget[] = [];
  for (const pod of pods) {
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    for (const c of containersOf(pod)) {
      const role = roleOf(pod, c.name, istioNamespace);
      if (role === 'other') continue;
      const dir = role === 'istiod' ? `istio/${namespace}/${name}` : role === 'cni' ? `cni/${name}` : `proxies/${namespace}/${name}`;
      out.push({
        namespace,
        pod: name,
        deployment: deploymentOf(pod),
        container: c.name,
        labels: pod.metadata?.labels ?? {},
        annotations: pod.metadata?.annotations ?? {},
        role,
        dir,
        image: c.image,
      });
    }
  }
  return out.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : a.container < b.container ? -1 : 1));
}

/** Drops what a maintainer never needs and what only bloats the archive: managedFields and the last-applied copy. */
export function trimObject(o: KubeObject): KubeObject {
  const metadata = { ...(o.metadata ?? {}) } as Record<string, unknown>;
  delete metadata.managedFields;
  const annotations = { ...((metadata.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
  if (metadata.annotations) metadata.annotations = annotations;
  return { ...o, metadata } as KubeObject;
}

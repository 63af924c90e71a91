/** Reads facts about the running Istio control plane (used by `version --remote`). */
import type { GlobalOptions } from '../../context.js';
import { connect, translateKubeError } from './client.js';
import { RawKube } from './http.js';

interface PodJson {
  metadata?: { name?: string };
  spec?: { containers: { name: string; image?: string }[] };
}

/** One running control-plane pod and the Istio version its image carries. */
export interface ControlPlaneVersion {
  component: string;
  pod: string;
  version: string;
}

/** Lists istiod pods in the Istio namespace and reports the tag of their discovery image. */
export async function readControlPlaneVersions(globals: GlobalOptions): Promise<ControlPlaneVersion[]> {
  const conn = await connect(globals);
  const ns = globals.istioNamespace;
  try {
    const pods = (await new RawKube(conn).request('GET', `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`, { query: { labelSelector: 'app=istiod' } })) as { items?: PodJson[] };
    return (pods.items ?? []).map((pod) => {
      const image = pod.spec?.containers.find((c) => c.name === 'discovery')?.image ?? pod.spec?.containers[0]?.image ?? '';
      const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : 'unknown';
      return { component: 'istiod', pod: pod.metadata?.name ?? '', version: tag };
    });
  } catch (error) {
    throw translateKubeError(error, `list istiod pods in namespace ${ns}`, conn.server);
  }
}

/** Facts about the running Istio control plane, read through the cluster port (used by `version --remote`). */
import type { CommandContext } from '../context.js';

interface PodJson {
  metadata?: { name?: string };
  spec?: { containers?: { name: string; image?: string }[] };
}

/** One running control-plane pod and the Istio version its image carries. */
export interface ControlPlaneVersion {
  component: string;
  pod: string;
  version: string;
}

/** Lists istiod pods in the Istio namespace (-i) and reports the tag of their discovery image. */
export async function readControlPlaneVersions(ctx: Pick<CommandContext, 'cluster' | 'globals'>): Promise<ControlPlaneVersion[]> {
  const cluster = await ctx.cluster();
  const pods = await cluster.install.list('v1', 'Pod', { namespace: ctx.globals.istioNamespace, labelSelector: 'app=istiod' });
  return pods.map((pod) => {
    const { metadata, spec } = pod as PodJson;
    const containers = spec?.containers ?? [];
    const image = containers.find((c) => c.name === 'discovery')?.image ?? containers[0]?.image ?? '';
    const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : 'unknown';
    return { component: 'istiod', pod: metadata?.name ?? '', version: tag };
  });
}

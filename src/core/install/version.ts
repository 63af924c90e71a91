/**
 * Which Istio version already runs in the cluster? Read from istiod Deployments: the version label mesh and
 * istioctl stamp, else the tag of the discovery image. Pure over the Deployments the adapter lists.
 */
import type { KubeObject } from '../yaml/load.js';
import { REVISION_LABEL, VERSION_LABEL } from './objects.js';
import { obj as dict } from '../model/access.js';

/** One control plane found in the cluster. */
export interface InstalledControlPlane {
  /** `namespace/name` of the istiod Deployment. */
  deployment: string;
  /** Its revision (`default` when unlabelled). */
  revision: string;
  /** Istio version, or `unknown` when neither label nor image tag says. */
  version: string;
}

/** Reads the control planes from istiod Deployments (label `app=istiod`). */
export function installedControlPlanes(deployments: readonly KubeObject[]): InstalledControlPlane[] {
  return deployments.map((d) => {
    const labels = d.metadata?.labels ?? {};
    const containers = dict(dict(dict(d.spec).template).spec).containers;
    const list = Array.isArray(containers) ? (containers as { name?: string; image?: string }[]) : [];
    const image = (list.find((c) => c.name === 'discovery') ?? list[0])?.image ?? '';
    return {
      deployment: `${d.metadata?.namespace ?? ''}/${d.metadata?.name ?? ''}`,
      revision: labels[REVISION_LABEL] ?? 'default',
      version: labels[VERSION_LABEL] ?? imageTag(image) ?? 'unknown',
    };
  });
}

/** The tag of an image reference (`docker.io/istio/pilot:1.30.3` → `1.30.3`; digests and no tag → undefined). */
export function imageTag(image: string): string | undefined {
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const colon = ref.lastIndexOf(':');
  if (colon < 0 || ref.indexOf('/', colon) >= 0) return undefined;
  return ref.slice(colon + 1) || undefined;
}

/** Warnings for control planes whose version differs from the one being installed (same revision first). */
export function versionWarnings(planes: readonly InstalledControlPlane[], target: string, revision: string): string[] {
  return planes
    .filter((p) => p.version !== target)
    .map((p) =>
      p.revision === revision
        ? `the cluster runs Istio ${p.version} (${p.deployment}, revision ${p.revision}); this install replaces it with ${target}: upgrade the data plane afterwards (restart workloads)`
        : `the cluster also runs Istio ${p.version} (${p.deployment}, revision ${p.revision}); mesh installs ${target} as revision ${revision}`,
    );
}

/**
 * The Kubernetes server version against what Istio 1.30 supports. istioctl checks only the minimum (1.32,
 * k8sversion.MinK8SVersion); mesh also says, at Info level, when the cluster is newer than the releases Istio 1.30
 * lists as supported (1.32 to 1.36 on istio.io's supported-releases page), since that is untested, not broken.
 */
import type { PrecheckFinding } from './types.js';

/** Istio 1.30's supported Kubernetes minor versions (1.x), inclusive. */
export const SUPPORTED_KUBERNETES = { minMinor: 32, maxMinor: 36 } as const;

/** The supported range as users read it: `1.32 - 1.36`. */
export function supportedRange(): string {
  return `1.${SUPPORTED_KUBERNETES.minMinor} - 1.${SUPPORTED_KUBERNETES.maxMinor}`;
}

/**
 * Major and minor of a /version answer: `gitVersion` (`v1.36.3`, `v1.33.1-eks-abc`, `v1.32.0+k3s1`) first, else the
 * `major`/`minor` fields (which some providers suffix with `+`). Undefined when neither parses.
 */
export function parseKubernetesVersion(info: {
  gitVersion?: string;
  major?: string;
  minor?: string;
}): { major: number; minor: number; text: string } | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(info.gitVersion?.trim() ?? '');
  if (m) return { major: Number(m[1]), minor: Number(m[2]), text: info.gitVersion!.trim() };
  const major = Number.parseInt(info.major ?? '', 10);
  const minor = Number.parseInt(info.minor ?? '', 10);
  if (Number.isNaN(major) || Number.isNaN(minor)) return undefined;
  return { major, minor, text: `v${major}.${minor}` };
}

/**
 * IST0142 when older than supported, MESH0002 (Info) when newer than tested; nothing inside the range, and nothing
 * when the version does not parse (the command warns about that: a finding would claim what mesh does not know).
 */
export function checkKubernetesVersion(info: { gitVersion?: string; major?: string; minor?: string }): PrecheckFinding[] {
  const v = parseKubernetesVersion(info);
  if (!v) return [];
  const { minMinor, maxMinor } = SUPPORTED_KUBERNETES;
  if (v.major < 1 || (v.major === 1 && v.minor < minMinor)) return [{ code: 'IST0142', args: [v.text, supportedRange()] }];
  if (v.major > 1 || v.minor > maxMinor) return [{ code: 'MESH0002', args: [v.text, supportedRange()] }];
  return [];
}

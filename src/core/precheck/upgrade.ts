/**
 * What precheck says about an Istio already in the cluster: istiod control planes of other versions (replaced in
 * place, or too far from the target for a supported upgrade) and Istio CRDs written by a newer Istio; plus the
 * `--from-version` upgrade notes. Pure over the objects the adapter lists.
 */
import { UsageError } from '../../errors.js';
import type { InstalledControlPlane } from '../install/version.js';
import type { KubeObject } from '../yaml/load.js';
import type { PrecheckFinding } from './types.js';

/** `1.29.2`, `v1.30`, `1.31.0-beta.1` → [major, minor]; undefined for `latest`, digests, and the like. */
export function majorMinor(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:[.\-+].*)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Minor steps from `from` to `to` (negative: a downgrade); undefined when either does not parse or majors differ. */
function minorSteps(from: string, to: string): number | undefined {
  const a = majorMinor(from);
  const b = majorMinor(to);
  if (!a || !b || a[0] !== b[0]) return undefined;
  return b[1] - a[1];
}

/** How many minor versions an upgrade may jump: Istio supports canary and in-place upgrades across two. */
export const MAX_UPGRADE_STEPS = 2;

/**
 * MESH0003 (Info) when an istiod of the same revision and another version would be replaced in place; MESH0004
 * (Warning) when a control plane is a downgrade or more than two minors behind the target, whatever the revision.
 */
export function controlPlaneFindings(planes: readonly InstalledControlPlane[], target: string, revision: string): PrecheckFinding[] {
  const out: PrecheckFinding[] = [];
  for (const p of planes) {
    const [namespace, name] = p.deployment.split('/') as [string, string];
    const resource = { kind: 'Deployment', apiVersion: 'apps/v1', namespace, name };
    const steps = minorSteps(p.version, target);
    if (steps !== undefined && (steps < 0 || steps > MAX_UPGRADE_STEPS)) {
      const what = steps < 0 ? 'is a downgrade' : `skips ${steps - 1} minor version${steps - 1 === 1 ? '' : 's'}`;
      out.push({ code: 'MESH0004', args: [p.version, p.deployment, p.revision, target, what], resource });
    } else if (p.revision === revision && steps !== undefined && steps !== 0) {
      out.push({ code: 'MESH0003', args: [p.version, p.revision, p.deployment, target], resource });
    }
  }
  return out;
}

/** Labels Istio's charts (and mesh's install) put the writing version in. */
const VERSION_LABELS = ['app.kubernetes.io/version', 'operator.istio.io/version'];

/** MESH0005 for each `*.istio.io` CRD whose version label is a newer minor than the target. */
export function crdFindings(crds: readonly KubeObject[], target: string): PrecheckFinding[] {
  const out: PrecheckFinding[] = [];
  for (const crd of crds) {
    const group = String((crd.spec as { group?: unknown } | undefined)?.group ?? '');
    if (!group.endsWith('istio.io')) continue;
    const labels = crd.metadata?.labels ?? {};
    const version = VERSION_LABELS.map((l) => labels[l]).find((v) => v !== undefined);
    const steps = version === undefined ? undefined : minorSteps(version, target);
    if (steps !== undefined && steps < 0) {
      const name = crd.metadata?.name ?? '';
      out.push({
        code: 'MESH0005',
        args: [name, version, target],
        resource: { kind: 'CustomResourceDefinition', apiVersion: 'apiextensions.k8s.io/v1', namespace: '', name },
      });
    }
  }
  return out;
}

/**
 * Parses `--from-version` (`1.29`, `1.29.3`): a usage error unless it is a 1.x version older than the target,
 * as istioctl requires major version 1 and a numeric minor.
 */
export function parseFromVersion(text: string, target: string): number {
  const v = majorMinor(text);
  if (!v) throw new UsageError(`--from-version: invalid version "${text}"`, { hint: "use a version such as '1.29'" });
  if (v[0] !== 1) throw new UsageError(`--from-version: expected major version 1, got "${text}"`);
  const t = majorMinor(target);
  if (t && v[1] > t[1]) throw new UsageError(`--from-version ${text} is newer than the Istio being installed (${target})`);
  return v[1];
}

/**
 * The upgrade notes Istio 1.30's precheck has for a previous minor: one. Since 1.22 the mesh no longer traces to
 * `zipkin.istio-system` by default, which matters only if that Service exists (IST0169 on it). Istio has no other
 * automated note (IST0168, "cannot detect", is reported by none of its 1.30 checks), so mesh has none either.
 */
export function upgradeNotes(fromMinor: number, zipkin: KubeObject | undefined): PrecheckFinding[] {
  if (fromMinor > 21 || !zipkin) return [];
  return [
    {
      code: 'IST0169',
      args: [
        'meshConfig.defaultConfig.tracer',
        '1.22',
        "tracing no longer goes to 'zipkin.istio-system.svc' by default; configure a provider through the Telemetry API (https://istio.io/latest/docs/tasks/observability/distributed-tracing/telemetry-api/)",
        '1.21',
      ],
      resource: { kind: 'Service', apiVersion: 'v1', namespace: zipkin.metadata?.namespace ?? '', name: zipkin.metadata?.name ?? 'zipkin' },
    },
  ];
}

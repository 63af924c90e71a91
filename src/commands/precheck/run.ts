/**
 * The body of `mesh precheck`, loaded lazily by ./index.ts: render what install would apply, ask the
 * cluster (the precheck port of ctx.cluster(), and app/snapshot.ts for the analyzers) and judge with the pure core (core/precheck).
 * The cluster questions run in parallel; a question the user may not ask becomes a warning, not a failure.
 */
import type { CommandContext } from '../../context.js';
import type { PrecheckOptions } from './flags.js';
import { ISTIO_VERSION } from '../../version.js';
import type { AnalysisMessage } from '../../core/analyze/types.js';
import {
  checkKubernetesVersion,
  controlPlaneFindings,
  crdFindings,
  judge,
  kindsToResolve,
  parseFromVersion,
  parseKubernetesVersion,
  permissionFindings,
  PRECHECK_ANALYZERS,
  requiredPermissions,
  toMessage,
  upgradeNotes,
  type PrecheckFinding,
  type PrecheckOutcome,
} from '../../core/precheck/index.js';
import { installedControlPlanes } from '../../core/install/version.js';
import { OWNED_KINDS } from '../../core/install/plan.js';
import type { PrecheckCluster } from '../../core/precheck/cluster.js';
import type { KubeObject } from '../../core/yaml/load.js';
import type { InstallPlan } from '../../core/install/plan.js';

/** Runs every check the flags ask for; returns the judged messages. `planned` is the render when the caller has one (upgrade: -f - is read once). */
export async function runPrecheck(ctx: CommandContext, opts: PrecheckOptions, planned?: InstallPlan): Promise<PrecheckOutcome> {
  // Argument errors first, before any rendering or cluster call.
  const fromMinor = opts.fromVersion === undefined ? undefined : parseFromVersion(opts.fromVersion, ISTIO_VERSION);
  const plan = planned ?? (await (await import('../../app/install-plan.js')).planFromFlags(ctx, opts)).plan;
  const { version: target, revision, namespace: istioNamespace } = plan.options;
  if (fromMinor !== undefined) parseFromVersion(opts.fromVersion!, target);

  const messages: AnalysisMessage[] = [];
  const findings: PrecheckFinding[] = [];
  if (!opts.skipControlplane || fromMinor !== undefined) {
    const cluster = (await ctx.cluster()).precheck;
    const progress = await ctx.progress.status('Checking the cluster');
    try {
      const checks: Promise<PrecheckFinding[] | AnalysisMessage[]>[] = [];
      if (!opts.skipControlplane) {
        // One quick call first: an unreachable cluster is then one error, not one per check running in parallel.
        findings.push(...(await versionCheck(ctx, cluster)));
        checks.push(
          permissionCheck(ctx, cluster, plan.objects),
          existingIstio(ctx, cluster, target, revision),
          analyzerMessages(ctx, opts.timeout),
          ambientCheck(ctx, cluster, plan.objects),
        );
      }
      if (fromMinor !== undefined) checks.push(cluster.zipkin(istioNamespace).then((svc) => upgradeNotes(fromMinor, svc)));
      for (const list of await Promise.all(checks)) {
        for (const item of list)
          if ('analyzer' in item) messages.push(item);
          else findings.push(item);
      }
    } finally {
      progress.stop();
    }
  }
  return judge([...findings.map(toMessage), ...messages], { output: opts.outputThreshold, failure: opts.failureThreshold });
}

async function versionCheck(ctx: CommandContext, cluster: PrecheckCluster): Promise<PrecheckFinding[]> {
  const info = await cluster.version();
  const parsed = parseKubernetesVersion(info);
  if (!parsed)
    ctx.err(
      `warning: could not read the Kubernetes version from ${cluster.server} (gitVersion ${JSON.stringify(info.gitVersion ?? '')}); version not checked\n`,
    );
  else if (ctx.globals.verbose) ctx.err(`Kubernetes ${parsed.text} at ${cluster.server}\n`);
  return checkKubernetesVersion(info);
}

async function permissionCheck(ctx: CommandContext, cluster: PrecheckCluster, objects: Parameters<typeof requiredPermissions>[0]): Promise<PrecheckFinding[]> {
  const resources = await cluster.resolveKinds(kindsToResolve(objects, OWNED_KINDS));
  const permissions = requiredPermissions(objects, OWNED_KINDS, resources);
  const denied = await cluster.review(permissions);
  if (ctx.globals.verbose) ctx.err(`Checked ${permissions.length} permissions for ${objects.length} rendered objects: ${denied.length} denied\n`);
  return permissionFindings(denied);
}

async function existingIstio(ctx: CommandContext, cluster: PrecheckCluster, target: string, revision: string): Promise<PrecheckFinding[]> {
  const [deployments, crds] = await Promise.all([cluster.istiodDeployments(), cluster.crds()]);
  const out: PrecheckFinding[] = [];
  if (typeof deployments === 'string') ctx.err(`warning: ${deployments}; running control planes not checked\n`);
  else {
    const planes = installedControlPlanes(deployments);
    if (ctx.globals.verbose) ctx.err(`Control planes: ${planes.map((p) => `${p.deployment} ${p.version} (revision ${p.revision})`).join(', ') || 'none'}\n`);
    out.push(...controlPlaneFindings(planes, target, revision));
  }
  if (typeof crds === 'string') ctx.err(`warning: ${crds}; Istio CRD versions not checked\n`);
  else out.push(...crdFindings(crds, target));
  return out;
}

/** For an ambient install: the Gateway API CRDs and istio-cni (rendered, or running in the cluster). */
async function ambientCheck(ctx: CommandContext, cluster: PrecheckCluster, objects: readonly KubeObject[]): Promise<PrecheckFinding[]> {
  const { ambientFindings, hasCni, installsAmbient } = await import('../../core/precheck/ambient.js');
  if (!installsAmbient(objects)) return [];
  const crds = await cluster.crds();
  if (typeof crds === 'string') {
    ctx.err(`warning: ${crds}; Gateway API CRDs for ambient mode not checked\n`);
    return [];
  }
  const running = hasCni(objects) ? [] : await (await ctx.cluster()).install.list('apps/v1', 'DaemonSet', { labelSelector: 'k8s-app=istio-cni-node' });
  return ambientFindings(objects, crds, running);
}

/** The install-related analyzers over the live cluster, as `mesh analyze --analyzer ...` would run them. */
async function analyzerMessages(ctx: CommandContext, timeoutMs: number): Promise<AnalysisMessage[]> {
  const [{ buildSnapshotFor }, analyze] = await Promise.all([import('../../app/snapshot.js'), import('../../core/analyze/index.js')]);
  const only = [...PRECHECK_ANALYZERS];
  const analyzers = analyze.selectAnalyzers(only);
  const { snapshot, clusterUsed } = await buildSnapshotFor(ctx, {
    // Before a first install Istio's kinds are not served: expected here, so only refusals are worth a warning.
    cluster: {
      kinds: [...new Set(analyzers.flatMap((a) => a.meta.inputs))],
      timeoutMs,
      without: 'analyzers ran without them',
      warnNotServed: false,
    },
    withoutCluster: () => 'the analyzers did not run',
  });
  if (!clusterUsed) return [];
  const result = analyze.analyzeSnapshot(snapshot, {
    only,
    namespaces: ctx.globals.namespace ? new Set([ctx.globals.namespace]) : undefined,
    suppressions: [],
    outputThreshold: 'Info',
    failureThreshold: 'Error',
  });
  if (ctx.globals.verbose) ctx.err(`Executed analyzers:\n${result.executed.map((n) => `  ${n}`).join('\n')}\n`);
  return result.shown;
}

/**
 * The body of `mesh upgrade`, loaded lazily by ./index.ts: the running control plane of the revision, the upgrade
 * checks (version skew and precheck's findings, with the running version as `--from-version`), then install's own
 * preview / confirm / apply (app/install-run.ts).
 */
import type { CommandContext } from '../../context.js';
import type { UpgradeOptions } from './flags.js';
import { ClusterError, ExitCode, UsageError } from '../../errors.js';
import type { AnalysisMessage } from '../../core/analyze/types.js';
import type { InstalledControlPlane } from '../../core/install/version.js';
import type { InstallPlan } from '../../core/install/plan.js';

/** What the checks found, as `-o json|yaml` prints it beside the preview. */
export interface UpgradeChecks {
  /** The running control planes of the revision (usually one Deployment). */
  from: InstalledControlPlane[];
  /** The version being installed. */
  to: string;
  /** The revision upgraded. */
  revision: string;
  /** Findings of the checks, worst first. */
  findings: AnalysisMessage[];
  /** True when a finding is a Warning or worse. */
  failed: boolean;
}

/** Checks, then previews or applies the upgrade; returns the exit code. */
export async function runUpgrade(ctx: CommandContext, opts: UpgradeOptions): Promise<number> {
  if (opts.output !== 'text' && !opts.dryRun) throw new UsageError(`-o ${opts.output} needs --dry-run: an upgrade reports its progress as text`);
  const [{ planFromFlags }, { applyPlan }, { requireConfirmable }] = await Promise.all([
    import('../../app/install-plan.js'),
    import('../../app/install-run.js'),
    import('../../app/confirm.js'),
  ]);
  requireConfirmable(ctx, opts.skipConfirmation, opts.dryRun, 'upgrade');
  const { plan, profile } = await planFromFlags(ctx, opts);
  const checks = await upgradeChecks(ctx, opts, plan);
  if (opts.output === 'text' || !opts.dryRun) await reportChecks(ctx, checks);
  if (checks.failed && !opts.force && !opts.dryRun) {
    ctx.err(`Upgrade stopped: the checks above found problems; nothing was changed. Fix them, or pass --force to upgrade anyway.\n`);
    return ExitCode.IssuesFound;
  }
  const from = [...new Set(checks.from.map((p) => p.version))].join(', ');
  const code = await applyPlan(ctx, plan, {
    ...opts,
    verb: 'upgrade',
    extra: { checks },
    question: (server) =>
      `Upgrade Istio ${from} to ${checks.to} (profile ${profile}, revision ${checks.revision}, ${plan.objects.length} objects) in ${server}?`,
  });
  if (code === 0 && !opts.dryRun) ctx.err('Restart the workloads (kubectl rollout restart) so that their proxies move to the new version.\n');
  return opts.dryRun && checks.failed && !opts.force ? ExitCode.IssuesFound : code;
}

/** The running control plane of the revision, and what precheck says about moving it to the target. */
export async function upgradeChecks(ctx: CommandContext, opts: UpgradeOptions, plan: InstallPlan): Promise<UpgradeChecks> {
  const target = plan.options;
  const [{ installedControlPlanes }, { majorMinor }, { runPrecheck }] = await Promise.all([
    import('../../core/install/version.js'),
    import('../../core/precheck/index.js'),
    import('../precheck/run.js'),
  ]);
  const cluster = await ctx.cluster();
  const istiods = await cluster.install.list('apps/v1', 'Deployment', { namespace: target.namespace, labelSelector: 'app=istiod' });
  const planes = installedControlPlanes(istiods);
  const from = planes.filter((p) => p.revision === target.revision);
  if (!from.length) {
    const others = planes.length ? ` (running: ${planes.map((p) => `revision ${p.revision}`).join(', ')})` : '';
    throw new ClusterError(`no Istio control plane of revision ${target.revision} in namespace ${target.namespace} to upgrade${others}`, {
      hint: planes.length ? 'name the revision to upgrade with --revision' : 'install one first with `mesh install`, or pass --istio-namespace',
    });
  }
  // precheck's upgrade notes start at the oldest running minor; a patch upgrade (same minor) has none.
  const t = majorMinor(target.version);
  const minors = from
    .flatMap((p): [number, number][] => {
      const v = majorMinor(p.version);
      return v ? [v] : [];
    })
    .filter((v) => t && v[0] === t[0] && v[1] < t[1]);
  const oldest = minors.sort((a, b) => a[1] - b[1])[0];
  const outcome = await runPrecheck(
    ctx,
    {
      filename: opts.filename,
      set: opts.set,
      revision: opts.revision,
      fromVersion: oldest ? `${oldest[0]}.${oldest[1]}` : undefined,
      output: 'log',
      failureThreshold: 'Warning',
      outputThreshold: 'Info',
      skipControlplane: false,
      color: undefined,
      timeout: opts.timeout,
    },
    plan,
  );
  // Replacing the running control plane in place is what an upgrade is for: that note is no finding here.
  const findings = outcome.shown.filter((m) => m.code !== 'MESH0003');
  return { from, to: target.version, revision: target.revision, findings, failed: findings.some((m) => m.level !== 'Info') };
}

async function reportChecks(ctx: CommandContext, checks: UpgradeChecks): Promise<void> {
  const { formatMessages } = await import('../../render/analyze.js');
  const { MESH_VERSION } = await import('../../version.js');
  for (const p of checks.from) ctx.err(`Running: Istio ${p.version} (${p.deployment}, revision ${p.revision}); target: ${checks.to}\n`);
  if (checks.findings.length) ctx.err(formatMessages(checks.findings, 'log', { color: ctx.terminal.colorErr, toolVersion: MESH_VERSION }));
  else ctx.err('\u2714 Upgrade checks passed.\n');
}

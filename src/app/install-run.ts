/**
 * "Apply an install plan": the dry-run preview, the confirmation and the run with its progress, shared by `install`
 * and `upgrade` so that an upgrade is an install with checks in front of it, not a second copy of install.
 */
import type { CommandContext } from '../context.js';
import type { InstallPlan } from '../core/install/plan.js';

/** How the plan is applied. */
export interface ApplyPlanOptions {
  /** `-y`: do not ask. */
  skipConfirmation: boolean;
  /** `--dry-run`: print the preview only. */
  dryRun: boolean;
  /** Format of the dry-run preview. */
  output: 'text' | 'json' | 'yaml';
  /** `--readiness-timeout`. */
  readinessTimeout: string;
  /** `--force-conflicts`. */
  forceConflicts: boolean;
  /** The question asked before changing the cluster. */
  question: (server: string) => string;
  /** The verb in refusals and messages (`install`, `upgrade`). */
  verb: string;
  /** Extra data put beside the preview in -o json|yaml (upgrade's checks). */
  extra?: Record<string, unknown>;
  /** Lines printed (as warnings) before the preview or the run. */
  warnings?: readonly string[];
}

/** Previews, or confirms and runs, `plan`; returns the exit code. */
export async function applyPlan(ctx: CommandContext, plan: InstallPlan, opts: ApplyPlanOptions): Promise<number> {
  const [plans, confirm, { runInstall }] = await Promise.all([import('./install-plan.js'), import('./confirm.js'), import('../core/install/run-install.js')]);
  const wait = await plans.waitOptions(opts.readinessTimeout);
  confirm.requireConfirmable(ctx, opts.skipConfirmation, opts.dryRun, opts.verb);
  const cluster = await ctx.cluster();
  const progress = await ctx.progress.steps();
  try {
    for (const w of [...(opts.warnings ?? []), ...(await plans.controlPlaneWarnings(cluster.install, plan))]) progress.warn(w);
    if (opts.dryRun) {
      progress.stop();
      const preview = await plans.previewPlan(cluster.install, plan);
      if (opts.output === 'text') ctx.out((await import('../core/install/preview.js')).formatPreview(preview, ctx.globals.verbose));
      else ctx.out((await import('../render/format.js')).renderData(opts.extra ? { ...opts.extra, preview } : preview, opts.output));
      return 0;
    }
    if (!(await confirm.confirmChange(ctx, opts.skipConfirmation, opts.question(cluster.server), opts.verb))) {
      ctx.err(confirm.CANCELLED);
      return 0;
    }
    const outcome = await runInstall(plan, cluster.install, ctx.clock, progress, { forceConflicts: opts.forceConflicts, wait });
    const done = opts.verb === 'upgrade' ? 'Upgrade' : 'Installation';
    progress.succeed(`${done} complete: ${outcome.applied} objects applied${outcome.pruned.length ? `, ${outcome.pruned.length} pruned` : ''}`);
  } finally {
    progress.stop();
  }
  return 0;
}

/**
 * Carries out an install plan through an InstallClient: per component, CRDs (then wait Established), the rest
 * in kind order, wait for workloads, then webhooks; then prune what an earlier mesh install left behind, and
 * finally create or move the `default` revision tag when istioctl would.
 * Server-side apply is idempotent, so running it again converges and an interrupted run completes.
 */
import { ClusterError } from '../../errors.js';
import type { KubeObject } from '../yaml/load.js';
import { ApplyConflictError, type Clock, type InstallClient, type ProgressSink } from './client.js';
import { describeRef, ownerSelector, refOf } from './objects.js';
import { OWNED_KINDS, dedupe, pruneSet, type InstallPlan } from './plan.js';
import { asApplied, installDefaultTag } from './default-tag.js';
import { deleteWaves } from './uninstall.js';
import { formatDuration, waitForCrds, waitForDeletion, waitForWorkloads, type WaitOptions } from './wait.js';

/** How to run the plan. */
export interface InstallRunOptions {
  /** Take ownership of fields other field managers own (`--force-conflicts`). */
  forceConflicts: boolean;
  /** Poll timing for every wait. */
  wait: WaitOptions;
}

/** What an install did. */
export interface InstallOutcome {
  /** Number of objects applied. */
  applied: number;
  /** Objects deleted because the new render no longer has them. */
  pruned: KubeObject[];
}

/**
 * Field managers of Istio's own controllers and installers: they rewrite fields mesh also sets (istiod flips the
 * validating webhook's failurePolicy), so mesh takes those fields back without asking, as istioctl does.
 */
export const RECLAIMABLE_MANAGERS = new Set(['pilot-discovery', 'istiod', 'istio-operator', 'kube-controller-manager', 'before-first-apply']);

/** Runs the whole plan. Throws ClusterError when an apply is refused or a wait times out. */
export async function runInstall(
  plan: InstallPlan,
  client: InstallClient,
  clock: Clock,
  progress: ProgressSink,
  options: InstallRunOptions,
): Promise<InstallOutcome> {
  let applied = 0;
  const apply = async (obj: KubeObject): Promise<void> => {
    await applyOne(client, obj, options.forceConflicts, progress);
    applied++;
  };
  for (const step of plan.steps) {
    const title = step.component.title;
    progress.start(title);
    try {
      for (const crd of step.crds) await apply(crd);
      await waitForCrds(client, clock, step.crds.map(refOf), options.wait, progress);
      for (const obj of step.objects) await apply(obj);
      const notReady = await waitForWorkloads(client, clock, step.waits, options.wait, progress);
      if (notReady.length) {
        const lines = notReady.flatMap((n) => [`${describeRef(n.ref)}: ${n.summary}`, ...n.pods.map((p) => `  ${p}`)]);
        throw new ClusterError(`${title} not ready after ${formatDuration(options.wait.timeoutMs)}:\n  ${lines.join('\n  ')}`, {
          hint: 'fix the cause above, then run the same install again: it continues where it stopped (or raise --readiness-timeout)',
        });
      }
      for (const hook of step.webhooks) await apply(asApplied(plan, hook));
    } catch (error) {
      progress.fail(`${title} failed`);
      throw error;
    }
    progress.succeed(`${title} installed`);
  }
  const pruned = await prune(plan, client, clock, progress, options.wait);
  // Last, as istioctl: the tag is generated from the injector just applied (its live CA bundle included).
  applied += (await installDefaultTag(client, plan, progress)).length;
  return { applied, pruned };
}

/** Applies one object, taking fields back from Istio's own controllers; other conflicts fail with a hint. */
async function applyOne(client: InstallClient, obj: KubeObject, force: boolean, progress: ProgressSink): Promise<void> {
  progress.update(`applying ${describeRef(obj)}`);
  try {
    await client.apply(obj, { force });
  } catch (error) {
    if (!(error instanceof ApplyConflictError) || !error.managers.every((m) => RECLAIMABLE_MANAGERS.has(m))) throw error;
    if (error.managers.includes('istio-operator')) progress.info(`taking over ${describeRef(obj)} from an istioctl install (field manager istio-operator)`);
    await client.apply(obj, { force: true });
  }
}

/** Lists what an earlier mesh install of this revision owns, and deletes what the plan no longer contains. */
async function prune(plan: InstallPlan, client: InstallClient, clock: Clock, progress: ProgressSink, wait: WaitOptions): Promise<KubeObject[]> {
  const live = await listOwned(client, plan.options.revision);
  const doomed = pruneSet(plan, live);
  if (doomed.length === 0) return [];
  progress.start('Pruning');
  for (const wave of deleteWaves(doomed)) {
    for (const obj of wave) {
      progress.update(`deleting ${describeRef(obj)}`);
      await client.delete(refOf(obj), {});
    }
    await waitForDeletion(client, clock, wave.map(refOf), wait, progress);
  }
  progress.succeed(`Pruned ${doomed.length} object${doomed.length === 1 ? '' : 's'} the new configuration no longer has`);
  return doomed;
}

/** Every object carrying mesh's owner labels (of one revision, or of all when revision is undefined). */
export async function listOwned(client: InstallClient, revision?: string): Promise<KubeObject[]> {
  const labelSelector = ownerSelector(revision);
  const out: KubeObject[] = [];
  for (const { apiVersion, kind } of OWNED_KINDS) {
    const items = await client.list(apiVersion, kind, { labelSelector });
    // Lists do not always carry apiVersion/kind per item; the plan's keys need them.
    out.push(...items.map((o) => ({ ...o, apiVersion: o.apiVersion || apiVersion, kind: o.kind || kind })));
  }
  return dedupe(out);
}

/**
 * Waiting, with an injected clock: CRDs until Established, workloads until ready (explaining pod by pod why
 * not when time runs out), deleted objects until gone. The cluster is reached only through InstallClient.
 */
import { ClusterError } from '../../errors.js';
import type { KubeObject } from '../yaml/load.js';
import type { Clock, InstallClient, ProgressSink } from './client.js';
import { diagnosePod, logsToFetch } from './diagnose.js';
import { describeRef, type ObjectRef } from './objects.js';
import { crdReadiness, podIsReady, podSelectorOf, workloadReadiness, type Readiness } from './readiness.js';
import { compareStrings } from '../tree.js';

/** How long and how often to poll. */
export interface WaitOptions {
  /** Give up after this many milliseconds (`--readiness-timeout`). */
  timeoutMs: number;
  /** Pause between polls. */
  intervalMs: number;
}

/** At most this many pods are diagnosed per workload: enough to see the pattern, few enough to read. */
const MAX_PODS_DIAGNOSED = 5;

/**
 * Polls until every ref passes `check`; returns the refs still failing (empty on success) with their summaries.
 * An object that does not exist yet counts as not ready.
 */
async function pollAll(
  client: InstallClient,
  clock: Clock,
  refs: readonly ObjectRef[],
  options: WaitOptions,
  check: (obj: KubeObject) => Readiness,
  progress: ProgressSink,
  what: string,
): Promise<{ ref: ObjectRef; obj?: KubeObject; summary: string }[]> {
  const deadline = clock.now() + options.timeoutMs;
  let pending = [...refs];
  for (;;) {
    const failing: { ref: ObjectRef; obj?: KubeObject; summary: string }[] = [];
    for (const ref of pending) {
      const obj = await client.get(ref);
      const r = obj ? check(obj) : { ready: false, summary: 'not found' };
      if (!r.ready) failing.push(obj ? { ref, obj, summary: r.summary } : { ref, summary: r.summary });
    }
    if (failing.length === 0) return [];
    pending = failing.map((f) => f.ref);
    const first = failing[0]!;
    progress.update(`waiting for ${what}: ${describeRef(first.ref)} (${first.summary})${failing.length > 1 ? ` and ${failing.length - 1} more` : ''}`);
    if (clock.now() >= deadline) return failing;
    await clock.sleep(Math.min(options.intervalMs, Math.max(0, deadline - clock.now())));
  }
}

/** Waits until the CRDs are Established; throws ClusterError naming the ones that are not. */
export async function waitForCrds(
  client: InstallClient,
  clock: Clock,
  crds: readonly ObjectRef[],
  options: WaitOptions,
  progress: ProgressSink,
): Promise<void> {
  if (crds.length === 0) return;
  const failing = await pollAll(client, clock, crds, options, crdReadiness, progress, 'CRDs to be Established');
  if (failing.length) {
    throw new ClusterError(
      `${failing.length} CRDs not Established after ${formatDuration(options.timeoutMs)}: ${failing.map((f) => `${f.ref.name} (${f.summary})`).join(', ')}`,
    );
  }
}

/** A workload that did not become ready in time, with a reason per pod. */
export interface NotReady {
  /** The workload. */
  ref: ObjectRef;
  /** e.g. `0/1 replicas ready`. */
  summary: string;
  /** `pod <name>: <reason>` lines. */
  pods: string[];
}

/** Waits until the workloads are ready; returns those that are not when time runs out (empty: all ready). */
export async function waitForWorkloads(
  client: InstallClient,
  clock: Clock,
  refs: readonly ObjectRef[],
  options: WaitOptions,
  progress: ProgressSink,
): Promise<NotReady[]> {
  if (refs.length === 0) return [];
  const failing = await pollAll(client, clock, refs, options, workloadReadiness, progress, 'workloads to be ready');
  const out: NotReady[] = [];
  for (const f of failing) out.push({ ref: f.ref, summary: f.summary, pods: f.obj ? await diagnoseWorkload(client, f.obj) : [] });
  return out;
}

/** Reasons, pod by pod, why a workload's pods are not ready. */
export async function diagnoseWorkload(client: InstallClient, workload: KubeObject): Promise<string[]> {
  const namespace = workload.metadata?.namespace ?? 'default';
  const selector = podSelectorOf(workload);
  if (!selector) return [];
  const pods = await client.list('v1', 'Pod', { namespace, labelSelector: selector });
  const notReady = pods
    .filter((p) => !podIsReady(p))
    .sort(byName)
    .slice(0, MAX_PODS_DIAGNOSED);
  if (pods.length === 0) return ['no pods exist yet: check the ReplicaSet or DaemonSet events (quota, admission webhooks, service account)'];
  const lines: string[] = [];
  for (const pod of notReady) {
    const name = pod.metadata?.name ?? '';
    const logs: Record<string, string | undefined> = {};
    for (const req of logsToFetch(pod)) logs[req.container] = await client.lastLogLine(namespace, name, req.container, req.previous);
    const events = await client.events(namespace, 'Pod', name);
    const reason = diagnosePod(pod, { events, logs });
    if (reason) lines.push(`pod ${name}: ${reason}`);
  }
  return lines;
}

/** Waits until the objects are gone; throws ClusterError naming what is left when time runs out. */
export async function waitForDeletion(
  client: InstallClient,
  clock: Clock,
  refs: readonly ObjectRef[],
  options: WaitOptions,
  progress: ProgressSink,
): Promise<void> {
  if (refs.length === 0) return;
  const deadline = clock.now() + options.timeoutMs;
  let pending = [...refs];
  for (;;) {
    const left: ObjectRef[] = [];
    for (const ref of pending) if (await client.get(ref)) left.push(ref);
    if (left.length === 0) return;
    pending = left;
    progress.update(`waiting for deletion: ${describeRef(left[0]!)} (still present)${left.length > 1 ? ` and ${left.length - 1} more` : ''}`);
    if (clock.now() >= deadline) {
      throw new ClusterError(`${left.length} objects still present ${formatDuration(options.timeoutMs)} after deletion: ${left.map(describeRef).join(', ')}`, {
        hint: 'a finalizer may be blocking deletion: inspect the object with kubectl get -o yaml',
      });
    }
    await clock.sleep(Math.min(options.intervalMs, Math.max(0, deadline - clock.now())));
  }
}

/** `5m0s`-style text for a duration in milliseconds (as Go and kubectl print them). */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h ? `${h}h${m}m${s}s` : m ? `${m}m${s}s` : `${s}s`;
}

/** Parses `--readiness-timeout` values (kept here for install's callers; one parser for all timeout flags). */
export { parseDuration } from '../duration.js';

function byName(a: KubeObject, b: KubeObject): number {
  return compareStrings(a.metadata?.name ?? '', b.metadata?.name ?? '');
}

/**
 * The body of `mesh bug-report`, loaded lazily by ./index.ts: flags → the inventory and tasks (app/bug-report/gather)
 * → the archive, streamed (app/bug-report/archive, collect) → the summary of what is in it and what was left out.
 */
import type { CommandContext, LogOptions } from '../../context.js';
import type { BugReportOptions } from './flags.js';
import { UsageError } from '../../errors.js';
import type { LeftOut } from '../../app/bug-report/collect.js';

/** The archive's file name, as istioctl names it. */
export const ARCHIVE_NAME = 'bug-report.tar.gz';

/** What `-o json|yaml` prints, and what summary.json in the archive holds. */
export interface BugReportSummary {
  archive: string;
  pods: number;
  /** Selected containers by role (istiod, proxy, ztunnel, cni). */
  containers: Record<string, number>;
  entries: number;
  bytes: number;
  redactions: number;
  truncated: string[];
  leftOut: LeftOut[];
  interrupted?: string;
  timedOut: boolean;
}

function logOptions(opts: BugReportOptions): LogOptions {
  if (opts.duration !== undefined && opts.since !== undefined) throw new UsageError('--duration and --since say the same thing: give one');
  const window = opts.duration ?? opts.since;
  if (window !== undefined && opts.startTime !== undefined) throw new UsageError('only one of --start-time and --duration may be set');
  const out: LogOptions = {};
  if (window !== undefined) out.sinceSeconds = Math.ceil(window / 1000);
  if (opts.startTime !== undefined) {
    const t = Date.parse(opts.startTime);
    if (!/^\d{4}-\d\d-\d\dT/.test(opts.startTime) || Number.isNaN(t))
      throw new UsageError(`--start-time: bad time "${opts.startTime}", expected RFC 3339 e.g. 2026-12-01T10:00:00Z`);
    out.sinceTime = new Date(t).toISOString();
  }
  if (opts.tail !== undefined) out.tailLines = opts.tail;
  return out;
}

/** Collects the report; returns 0, or 130 when interrupted (what was gathered is archived either way). */
export async function runBugReport(ctx: CommandContext, opts: BugReportOptions): Promise<number> {
  const [{ parseSelectionSpec }, { gather }, { openArchive }, { collect }, { progressBar }, { renderData }] = await Promise.all([
    import('../../core/bug-report/filter.js'),
    import('../../app/bug-report/gather.js'),
    import('../../app/bug-report/archive.js'),
    import('../../app/bug-report/collect.js'),
    import('../../render/progress-bar.js'),
    import('../../render/format.js'),
  ]);
  const include = (opts.include ?? []).filter((s) => s !== '').map(parseSelectionSpec);
  const exclude = (opts.exclude ?? []).map(parseSelectionSpec);
  const log = logOptions(opts);
  const started = ctx.clock.now();
  const cluster = await ctx.cluster();
  const status = await ctx.progress.status('Reading the cluster');
  let inventory;
  try {
    inventory = await gather(ctx, cluster, { ...opts, include, exclude, log, timeoutMs: Math.min(opts.timeout, 120_000) });
  } finally {
    status.stop();
  }
  const archivePath = `${(opts.outputDir ?? '.').replace(/\/+$/, '') || '/'}/${ARCHIVE_NAME}`;
  if (opts.dryRun) {
    const plan = { archive: archivePath, files: inventory.files.map((f) => f.path), tasks: inventory.tasks.map((t) => t.path), leftOut: inventory.leftOut };
    if (opts.output === 'text') ctx.out(`Would write ${archivePath}:\n${[...plan.files, ...plan.tasks].map((p) => `  ${p}`).join('\n')}\n`);
    else ctx.out(renderData(plan, opts.output));
    return 0;
  }

  const archive = await openArchive(ctx.files, archivePath, 'bug-report', started);
  const { redact } = await import('../../core/bug-report/redact.js');
  let redactions = 0;
  for (const f of inventory.files) {
    const clean = redact(f.text);
    redactions += clean.count;
    await archive.add(f.path, clean.text);
  }
  const bar = await ctx.progress.status('Collecting');
  let outcome;
  try {
    outcome = await collect(inventory.tasks, archive, {
      concurrency: opts.rqConcurrency,
      deadline: started + opts.timeout,
      maxEntryBytes: 64 * 1024 * 1024,
      clock: ctx.clock,
      status: bar,
      interrupted: ctx.interrupted(),
      bar: (done, total) => progressBar(done, total, 'logs, config dumps and debug endpoints'),
    });
  } finally {
    bar.stop();
  }
  const summary: BugReportSummary = {
    archive: archivePath,
    pods: inventory.pods,
    containers: inventory.counts,
    entries: archive.entries + 1,
    bytes: archive.bytes,
    redactions: redactions + outcome.redactions,
    truncated: outcome.truncated,
    leftOut: [...inventory.leftOut, ...outcome.leftOut],
    ...(outcome.interrupted ? { interrupted: outcome.interrupted } : {}),
    timedOut: outcome.timedOut,
  };
  await archive.add('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  await archive.close();
  ctx.out(opts.output === 'text' ? summaryText(summary) : renderData(summary, opts.output));
  return outcome.interrupted ? 130 : 0;
}

function summaryText(s: BugReportSummary): string {
  const roles = ['istiod', 'proxy', 'ztunnel', 'cni'].map((r) => `${s.containers[r] ?? 0} ${r}`).join(', ');
  const lines = [
    `Wrote ${s.archive}: ${s.entries} entries, ${(s.bytes / 1024).toFixed(1)} KiB before compression, ${s.redactions} values redacted`,
    `Collected from ${s.pods} pods: ${roles}`,
  ];
  if (s.interrupted) lines.push(`Interrupted (${s.interrupted}): the archive holds what was gathered until then.`);
  if (s.timedOut) lines.push('--timeout reached: the archive holds what was gathered until then.');
  for (const t of s.truncated) lines.push(`Cut at 64 MiB or at --timeout: ${t}`);
  if (s.leftOut.length) {
    lines.push(`Left out (${s.leftOut.length}):`);
    // A timeout or an interrupt leaves thousands of entries for one reason: show a few, count the rest (all are in summary.json).
    const byReason = new Map<string, string[]>();
    for (const l of s.leftOut) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), l.what]);
    for (const [reason, whats] of byReason) {
      for (const what of whats.slice(0, whats.length > 5 ? 3 : 5)) lines.push(`  ${what}: ${reason}`);
      if (whats.length > 5) lines.push(`  ... and ${whats.length - 3} more: ${reason} (all in summary.json)`);
    }
  }
  return `${lines.join('\n')}\n`;
}

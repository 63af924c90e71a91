/**
 * The body of `mesh analyze`, loaded lazily by ./index.ts: read the files, build the snapshot (files and/or the
 * cluster, app/snapshot.ts), run the pure core, render. Kept apart so that `mesh --help` loads none of it.
 */
import type { CommandContext } from '../../context.js';
import type { AnalyzeCommandOptions } from './flags.js';
import { ExitCode } from '../../errors.js';
import { MESH_VERSION } from '../../version.js';
import { analyzeSnapshot, isMessageCode, listAnalyzers, parseSuppressions, selectAnalyzers } from '../../core/analyze/index.js';
import { formatMessages } from '../../render/analyze.js';
import { buildSnapshotFor, meshConfigObjects, readFileObjects } from '../../app/snapshot.js';

/** Runs the command; returns the exit code. */
export async function runAnalyze(ctx: CommandContext, opts: AnalyzeCommandOptions, files: string[]): Promise<number> {
  if (opts.listAnalyzers) {
    ctx.out(listAnalyzers());
    return ExitCode.Ok;
  }
  const suppressions = parseSuppressions(opts.suppress ?? []);
  for (const s of suppressions) {
    if (!isMessageCode(s.code)) ctx.err(`warning: suppressed code ${s.code} is not a code mesh reports; it has no effect\n`);
  }
  const analyzers = selectAnalyzers(opts.analyzer ?? []);
  const namespace = ctx.globals.namespace ?? 'default';
  const objects = [
    ...(await readFileObjects(ctx, files, { recursive: true, ignoreUnknown: opts.ignoreUnknown })),
    // Last, so that it replaces an istio ConfigMap of the files or of the cluster.
    ...(await meshConfigObjects(ctx, ctx.globals.istioNamespace, opts)),
  ];
  const { snapshot } = await buildSnapshotFor(ctx, {
    objects,
    cluster: opts.useKube
      ? {
          kinds: [...new Set(analyzers.flatMap((a) => a.meta.inputs))],
          timeoutMs: opts.timeout,
          status: 'Reading the cluster',
          without: 'analyzers ran without them',
        }
      : undefined,
    // With files to look at, a missing cluster is not fatal: say so once and analyze the files alone.
    withoutCluster: () => (files.length ? 'analyzing the files only (pass --use-kube=false to skip the cluster)' : undefined),
    schemaProblems: analyzers.some((a) => a.meta.readsSchemaProblems),
    defaultsWhenOffline: true,
  });
  const result = analyzeSnapshot(snapshot, {
    only: opts.analyzer ?? [],
    namespaces: opts.allNamespaces ? undefined : new Set([namespace]),
    suppressions,
    outputThreshold: opts.outputThreshold,
    failureThreshold: opts.failureThreshold,
  });
  if (ctx.globals.verbose) ctx.err(`Executed analyzers:\n${result.executed.map((n) => `  ${n}`).join('\n')}\n`);
  ctx.out(formatMessages(result.shown, opts.output, { color: opts.color ?? ctx.terminal.color, toolVersion: MESH_VERSION }));
  if (result.shown.length === 0) ctx.err(successLine(files, opts.allNamespaces, namespace));
  return result.failed ? ExitCode.IssuesFound : ExitCode.Ok;
}

function successLine(files: string[], all: boolean, namespace: string): string {
  const target = all ? 'all namespaces' : `namespace: ${namespace}`;
  if (files.length === 0) return `\u2714 No validation issues found when analyzing ${target}.\n`;
  if (files.length === 1) return `\u2714 No validation issues found when analyzing ${files[0]}.\n`;
  return `\u2714 No validation issues found when analyzing:\n${files.map((f) => `  - ${f}`).join('\n')}\n`;
}

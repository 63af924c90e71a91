/**
 * The body of `mesh analyze`, loaded lazily by commands/analyze.ts: read files and the cluster (adapters), build
 * the snapshot, run the pure core, render. Kept apart so that `mesh --help` loads none of it.
 */
import type { CommandContext } from '../../context.js';
import type { AnalyzeCommandOptions } from './flags.js';
import { ExitCode, InputError, MeshError } from '../../errors.js';
import { readSources } from '../../adapters/files.js';
import { loadDocuments, objectsOf, type SourcedObject } from '../../core/yaml/load.js';
import { MESH_VERSION } from '../../version.js';
import {
  analyzeSnapshot, buildSnapshot, fileSource, isMessageCode, kindOf, listAnalyzers, parseSuppressions,
  selectAnalyzers, type SnapshotSource,
} from '../../core/analyze/index.js';
import { formatMessages } from '../../render/analyze.js';
import { schemaProblemsOf } from '../../core/analyze/problems.js';
import type { SchemaProblem } from '../../core/analyze/types.js';

/** Kinds mesh knows: what --ignore-unknown keeps. */
const KNOWN_GROUPS = /^(v1|apps\/|batch\/|networking\.k8s\.io\/|policy\/|rbac\.authorization\.k8s\.io\/|admissionregistration\.k8s\.io\/|apiextensions\.k8s\.io\/|autoscaling\/|[a-z.]*istio\.io\/|gateway\.networking\.k8s\.io\/)/;

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
  const objects = await readFileObjects(ctx, files, opts.ignoreUnknown);

  const sources: SnapshotSource[] = [];
  let clusterUsed = false;
  if (opts.useKube) {
    const { readClusterSource } = await import('../../app/cluster-source.js');
    try {
      const read = await readClusterSource(ctx, {
        kinds: [...new Set(analyzers.flatMap((a) => a.meta.inputs))], timeoutMs: opts.timeout,
        status: 'Reading the cluster', without: 'analyzers ran without them',
      });
      clusterUsed = true;
      sources.push(read.source);
    } catch (error) {
      // With files to look at, a missing cluster is not fatal: say so once and analyze the files alone.
      if (!(error instanceof MeshError) || files.length === 0) throw error;
      ctx.err(`warning: ${error.message}; analyzing the files only (pass --use-kube=false to skip the cluster)\n`);
    }
  }
  sources.push(fileSource(objects));
  let problems: Map<object, SchemaProblem[]> | undefined;
  if (objects.length && analyzers.some((a) => a.meta.name === 'schema.ValidationAnalyzer')) {
    const { validateObjects } = await import('../../core/validate/index.js');
    problems = await schemaProblemsOf(objects, (o) => validateObjects(o, { ignoreUnknown: true }));
  }
  const snapshot = buildSnapshot(sources, { defaultNamespace: namespace, istioNamespace: ctx.globals.istioNamespace, addDefaults: !clusterUsed, problems });
  const result = analyzeSnapshot(snapshot, {
    only: opts.analyzer ?? [], namespaces: opts.allNamespaces ? undefined : new Set([namespace]), suppressions,
    outputThreshold: opts.outputThreshold, failureThreshold: opts.failureThreshold,
  });
  if (ctx.globals.verbose) ctx.err(`Executed analyzers:\n${result.executed.map((n) => `  ${n}`).join('\n')}\n`);
  ctx.out(formatMessages(result.shown, opts.output, { color: opts.color ?? ctx.terminal.color, toolVersion: MESH_VERSION }));
  if (result.shown.length === 0) ctx.err(successLine(files, opts.allNamespaces, namespace));
  return result.failed ? ExitCode.IssuesFound : ExitCode.Ok;
}

async function readFileObjects(ctx: CommandContext, files: string[], ignoreUnknown: boolean): Promise<SourcedObject[]> {
  if (files.length === 0) return [];
  const sources = await readSources(files, { recursive: true, readStdin: ctx.readStdin });
  const objects: SourcedObject[] = [];
  for (const source of sources) {
    try {
      objects.push(...objectsOf(loadDocuments(source.text, source.origin)));
    } catch (error) {
      if (!ignoreUnknown || !(error instanceof InputError)) throw error;
      ctx.err(`warning: skipping ${error.message}\n`);
    }
  }
  if (!ignoreUnknown) return objects;
  return objects.filter((o) => KNOWN_GROUPS.test(o.object.apiVersion) || kindOf(o.object) === o.object.kind);
}

function successLine(files: string[], all: boolean, namespace: string): string {
  const target = all ? 'all namespaces' : `namespace: ${namespace}`;
  if (files.length === 0) return `\u2714 No validation issues found when analyzing ${target}.\n`;
  if (files.length === 1) return `\u2714 No validation issues found when analyzing ${files[0]}.\n`;
  return `\u2714 No validation issues found when analyzing:\n${files.map((f) => `  - ${f}`).join('\n')}\n`;
}

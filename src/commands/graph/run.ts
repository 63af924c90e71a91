/**
 * The body of `mesh graph`, loaded lazily by ./index.ts: read the input as analyze reads it (files and/or the
 * cluster, app/snapshot.ts), run the analyzers on it, build the graph (core/graph), render it in the asked format
 * (render/graph/, the HTML and SVG renderers with their layout library loaded only here), write or print it.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommandContext } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { analyzeSnapshot, selectAnalyzers } from '../../core/analyze/index.js';
import { buildGraph } from '../../core/graph/index.js';
import type { Snapshot } from '../../core/model/snapshot.js';
import { buildSnapshotFor, readFileObjects } from '../../app/snapshot.js';
import { GRAPH_FORMATS, type GraphFormat, type GraphOptions } from './flags.js';
import { renderGraph } from './render.js';

/** Kinds the graph reads from a cluster besides the analyzers' inputs. */
const GRAPH_KINDS = ['Gateway.gateway.networking.k8s.io', 'RequestAuthentication', 'PeerAuthentication', 'AuthorizationPolicy', 'Namespace'];

/** File name endings and the format each means. */
const EXTENSIONS: Record<string, GraphFormat> = {
  html: 'html',
  htm: 'html',
  svg: 'svg',
  dot: 'dot',
  gv: 'dot',
  mmd: 'mermaid',
  mermaid: 'mermaid',
  json: 'json',
};

/** The format and the file (if any) that -o/--output and --open ask for. */
export function outputTarget(values: readonly string[], open: boolean): { format: GraphFormat; file?: string } {
  const formats = values.filter((v): v is GraphFormat => (GRAPH_FORMATS as readonly string[]).includes(v));
  const files = values.filter((v) => !formats.includes(v as GraphFormat));
  if (formats.length > 1 || files.length > 1) throw new UsageError(`-o/--output: give at most one format and one file (got ${values.join(', ')})`);
  const file = files[0];
  const fromName = file === undefined ? undefined : EXTENSIONS[/\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? ''];
  if (file !== undefined && !formats[0] && !fromName) {
    throw new UsageError(`-o/--output ${file}: not a format (${GRAPH_FORMATS.join('|')}) nor a file ending in .html, .svg, .dot, .mmd or .json`);
  }
  const format = formats[0] ?? fromName ?? (open ? 'html' : 'dot');
  if (open && format !== 'html') throw new UsageError(`--open shows the HTML page; -o ${format} cannot be opened`);
  return file === undefined ? { format } : { format, file };
}

/** Runs the command; returns the exit code. */
export async function runGraph(ctx: CommandContext, opts: GraphOptions): Promise<number> {
  const target = outputTarget(opts.output ?? [], opts.open);
  const files = opts.filename ?? [];
  const objects = await readFileObjects(ctx, files, { recursive: opts.recursive });
  const analyzers = selectAnalyzers([]);
  const { snapshot, clusterUsed } = await buildSnapshotFor(ctx, {
    objects,
    cluster: opts.useKube
      ? {
          kinds: [...new Set([...analyzers.flatMap((a) => a.meta.inputs), ...GRAPH_KINDS])],
          timeoutMs: opts.timeout,
          status: 'Reading the cluster',
          without: 'the graph is drawn without them',
        }
      : undefined,
    withoutCluster: () => (files.length ? 'drawing the files only (pass --use-kube=false to skip the cluster)' : undefined),
    schemaProblems: true,
    defaultsWhenOffline: true,
  });
  const namespaces = await scope(ctx, opts, snapshot, clusterUsed);
  const messages = analyzeSnapshot(snapshot, { only: [], namespaces, suppressions: [], outputThreshold: 'Info', failureThreshold: 'Error' }).shown;
  const defaultNamespace = ctx.globals.namespace ?? 'default';
  const { graph, configs } = buildGraph(snapshot, { namespaces, focus: opts.focus, defaultNamespace, messages });
  for (const note of graph.notes) ctx.err(`note: ${note}\n`);
  const title = files.length ? `mesh graph: ${files.join(', ')}` : 'mesh graph: the cluster';
  const text = await renderGraph(graph, configs, target.format, { title });
  const file = target.file ?? (opts.open ? resolve(ctx.env.TMPDIR || '/tmp', `mesh-graph-${ctx.clock.now()}.html`) : undefined);
  if (file === undefined) {
    ctx.out(text);
    return ExitCode.Ok;
  }
  await ctx.files.writeAtomic(file, text);
  const counts = `${graph.nodes.length} nodes, ${graph.edges.length} edges, ${graph.problems.length} problem${graph.problems.length === 1 ? '' : 's'}`;
  ctx.err(`wrote ${file} (${counts})\n`);
  if (opts.open) {
    const url = pathToFileURL(resolve(file)).href;
    await ctx.browser.open(url, (reason) => ctx.err(`could not open a browser (${reason}); open ${url} yourself\n`));
  }
  return ExitCode.Ok;
}

/**
 * The namespaces drawn: all with -A; -n's; else, from files alone, all of them (as analyze reports every file
 * resource); with a cluster, the context's namespace and those of the files.
 */
async function scope(ctx: CommandContext, opts: GraphOptions, snapshot: Snapshot, clusterUsed: boolean): Promise<ReadonlySet<string> | undefined> {
  if (opts.allNamespaces) return undefined;
  if (ctx.globals.namespace) return new Set([ctx.globals.namespace]);
  if (!clusterUsed) return undefined;
  const namespaces = new Set([(await ctx.cluster()).namespace]);
  for (const list of snapshot.byKind.values()) for (const r of list) if (r.origin.type === 'file' && r.namespace) namespaces.add(r.namespace);
  return namespaces;
}

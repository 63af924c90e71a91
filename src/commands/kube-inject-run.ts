/** The body of `mesh kube-inject`, loaded only when the command runs (keeps `mesh --help` light). */
import type { CommandContext } from '../context.js';
import type { KubeInjectOptions } from './kube-inject.js';
import { ExitCode, InputError, UsageError } from '../errors.js';
import { readSources, writeTextFileAtomic } from '../adapters/files.js';
import { loadDocuments } from '../core/yaml/load.js';
import { resolveInjectConfig } from '../core/inject/config.js';
import type { JsonObject as Tree } from '../core/tree.js';
import { injectStream, type LocatedMessage } from '../core/inject/documents.js';
import { checkInjectConfigFile, readClusterInjectConfig, readYamlMap } from '../adapters/inject-config.js';

/** Runs kube-inject; returns the exit code. */
export async function runKubeInject(ctx: CommandContext, opts: KubeInjectOptions): Promise<number> {
  const inputs = opts.filename ?? [];
  if (inputs.length === 0) throw new UsageError('no input: give -f <file|dir|->', { hint: 'mesh kube-inject -f app.yaml | kubectl apply -f -' });
  if (opts.inPlace && opts.output) throw new UsageError('--in-place and -o/--output do not go together');
  if (opts.inPlace && inputs.includes('-')) throw new UsageError('--in-place cannot rewrite stdin');
  const config = await gatherConfig(ctx, opts);
  const sources = await readSources(inputs, { recursive: opts.recursive, readStdin: ctx.readStdin });

  const outputs: { origin: string; text: string }[] = [];
  const problems: LocatedMessage[] = [];
  const warnings: LocatedMessage[] = [];
  let injected = 0;
  for (const source of sources) {
    const result = injectStream(loadDocuments(source.text, source.origin), config);
    for (const m of result.messages) (m.level === 'error' ? problems : warnings).push(m);
    for (const { doc, reason } of result.reemitted) {
      warnings.push({ level: 'warning', message: `document rewritten as a whole, as it could not be edited in place (${reason}): comments inside it were not kept`, path: [], doc });
    }
    injected += result.injected;
    outputs.push({ origin: source.origin, text: result.text });
  }
  const { locate } = warnings.length || problems.length ? await import('../core/yaml/locate.js') : { locate: undefined };
  const where = (m: LocatedMessage): string => {
    const pos = locate!(m.doc, m.path);
    return `${m.doc.origin}:${pos.line}:${pos.col}`;
  };
  for (const w of warnings) ctx.err(`warning: ${where(w)}: ${w.message}\n`);
  if (problems.length) {
    for (const p of problems.slice(0, -1)) ctx.err(`error: ${where(p)}: ${p.message}\n`);
    const last = problems[problems.length - 1]!;
    // Nothing goes to stdout: a half-injected stream must never reach `kubectl apply`.
    throw new InputError(`${where(last)}: ${last.message}`);
  }
  if (opts.inPlace) {
    for (const out of outputs) writeTextFileAtomic(out.origin, out.text);
  } else {
    const text = joinStreams(outputs.map((o) => o.text));
    if (opts.output) writeTextFileAtomic(opts.output, text);
    else ctx.out(text);
  }
  if (ctx.globals.verbose) ctx.err(`injected ${injected} workload${injected === 1 ? '' : 's'}\n`);
  return ExitCode.Ok;
}

/** Concatenates several sources into one stream, with a `---` between them where needed. */
function joinStreams(texts: string[]): string {
  let out = '';
  for (const t of texts) {
    if (out) {
      if (!out.endsWith('\n')) out += '\n';
      if (!/^---(\s|$)/.test(t)) out += '---\n';
    }
    out += t;
  }
  return out;
}

async function gatherConfig(ctx: CommandContext, opts: KubeInjectOptions) {
  const values: Tree[] = [];
  const meshConfig: Tree[] = [];
  let base: { values: Tree; meshConfig: Tree } | undefined;
  let revision = opts.revision;
  if (!opts.ignoreCluster && !opts.meshConfigFile && !opts.valuesFile && !opts.operatorFileName && ctx.kubeconfigAvailable()) {
    try {
      const found = await readClusterInjectConfig(ctx.globals, revision, 5000);
      values.push(found.values);
      meshConfig.push(found.meshConfig);
      if (ctx.globals.verbose) ctx.err(`using injection configuration from ${found.source}\n`);
    } catch (error) {
      ctx.err(`warning: ${(error as Error).message}; using Istio 1.30 defaults (pass --ignore-cluster to skip the cluster)\n`);
    }
  }
  if (opts.operatorFileName) {
    // The same resolution `mesh install` uses (default ⊕ profile ⊕ this file), so injection sees what that install would.
    const { readOverlays } = await import('./manifest-run.js');
    const { resolveOperator } = await import('../profiles/resolve.js');
    const { injectBaseFor } = await import('../core/inject/config.js');
    let iop;
    try {
      // --set flags resolve on top of the file, as `mesh install -f iop.yaml --set ...` would.
      iop = resolveOperator({ files: await readOverlays(ctx, [opts.operatorFileName]), sets: opts.set ?? [] });
    } catch (error) {
      const { overlayErrorWithLocation } = await import('../core/manifest/overlay-location.js');
      throw await overlayErrorWithLocation(error);
    }
    const inputs = injectBaseFor(iop);
    base = { values: inputs.values, meshConfig: inputs.meshConfig };
    revision ??= inputs.revision || undefined;
  }
  if (opts.meshConfigFile) meshConfig.push(await readYamlMap(opts.meshConfigFile, 'a mesh config'));
  if (opts.valuesFile) values.push(await readYamlMap(opts.valuesFile, 'an injector values file'));
  if (opts.injectConfigFile) for (const w of await checkInjectConfigFile(opts.injectConfigFile)) ctx.err(`warning: ${w}\n`);
  const global: Tree = {};
  if (opts.hub) global.hub = opts.hub;
  if (opts.tag) global.tag = opts.tag;
  if (Object.keys(global).length) values.push({ global });
  if (opts.set?.length && !opts.operatorFileName) {
    const { setFlagLayers } = await import('../core/inject/config.js');
    const sets = setFlagLayers(opts.set);
    values.push(sets.values);
    meshConfig.push(sets.meshConfig);
    revision ??= sets.revision || undefined;
  }
  if (revision) values.push({ revision });
  return resolveInjectConfig({ base, values, meshConfig, revision, nativeSidecars: opts.nativeSidecar });
}

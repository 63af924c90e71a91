/** The body of `mesh kube-inject`, loaded only when the command runs (keeps `mesh --help` light). */
import type { CommandContext } from '../../context.js';
import type { KubeInjectOptions } from './flags.js';
import { ExitCode, InputError, UsageError } from '../../errors.js';
import { loadDocuments } from '../../core/yaml/load.js';
import { injectStream, type LocatedMessage } from '../../core/inject/documents.js';
import { gatherInjectConfig } from '../../app/inject-config.js';

/** Runs kube-inject; returns the exit code. */
export async function runKubeInject(ctx: CommandContext, opts: KubeInjectOptions): Promise<number> {
  const inputs = opts.filename ?? [];
  if (inputs.length === 0) throw new UsageError('no input: give -f <file|dir|->', { hint: 'mesh kube-inject -f app.yaml | kubectl apply -f -' });
  if (opts.inPlace && opts.output) throw new UsageError('--in-place and -o/--output do not go together');
  if (opts.inPlace && inputs.includes('-')) throw new UsageError('--in-place cannot rewrite stdin');
  const config = await gatherInjectConfig(ctx, opts);
  const sources = await ctx.files.readSources(inputs, { recursive: opts.recursive });

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
  const { locate } = warnings.length || problems.length ? await import('../../core/yaml/locate.js') : { locate: undefined };
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
    for (const out of outputs) await ctx.files.writeAtomic(out.origin, out.text);
  } else {
    const text = joinStreams(outputs.map((o) => o.text));
    if (opts.output) await ctx.files.writeAtomic(opts.output, text);
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

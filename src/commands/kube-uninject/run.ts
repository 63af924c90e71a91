/** The body of `mesh kube-uninject`, loaded only when the command runs. */
import type { CommandContext } from '../../context.js';
import type { KubeUninjectOptions } from './flags.js';
import { ExitCode, InputError, UsageError } from '../../errors.js';
import { joinStreams, uninjectSources } from '../../app/inject-sources.js';

/** Runs kube-uninject; returns the exit code. */
export async function runKubeUninject(ctx: CommandContext, opts: KubeUninjectOptions): Promise<number> {
  const inputs = opts.filename ?? [];
  if (inputs.length === 0) throw new UsageError('no input: give -f <file|dir|->', { hint: 'kubectl get deploy app -o yaml | mesh kube-uninject -f -' });
  if (opts.inPlace && opts.output) throw new UsageError('--in-place and -o/--output do not go together');
  if (opts.inPlace && inputs.includes('-')) throw new UsageError('--in-place cannot rewrite stdin');
  const result = await uninjectSources(await ctx.files.readSources(inputs, { recursive: opts.recursive }));
  for (const w of result.warnings) ctx.err(`warning: ${w.where}: ${w.message}\n`);
  const last = result.errors.at(-1);
  if (last) {
    for (const e of result.errors.slice(0, -1)) ctx.err(`error: ${e.where}: ${e.message}\n`);
    throw new InputError(`${last.where}: ${last.message}`);
  }
  if (opts.inPlace) {
    for (const out of result.outputs) await ctx.files.writeAtomic(out.origin, out.text);
  } else {
    const text = joinStreams(result.outputs.map((o) => o.text));
    if (opts.output) await ctx.files.writeAtomic(opts.output, text);
    else ctx.out(text);
  }
  if (ctx.globals.verbose) ctx.err(`uninjected ${result.injected} workload${result.injected === 1 ? '' : 's'}\n`);
  return ExitCode.Ok;
}

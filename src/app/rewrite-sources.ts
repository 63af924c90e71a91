/**
 * The shape kube-inject and kube-uninject share: -f inputs (files, folders, `-`) rewritten as a whole and written
 * to stdout, to -o, or back in place; nothing is written when any input failed, so that a half-rewritten stream
 * never reaches `kubectl apply`.
 */
import type { CommandContext } from '../context.js';
import type { SourceText } from '../context.js';
import { ExitCode, InputError, UsageError } from '../errors.js';
import { joinStreams, type InjectedSources } from './inject-sources.js';

/** The flags both commands take. */
export interface RewriteFlags {
  filename?: string[];
  inPlace?: boolean;
  output?: string;
  recursive?: boolean;
}

/**
 * Checks the flags before anything is read or asked of the cluster; returns the -f inputs. `hint` shows the command's
 * usual pipeline when no input was given.
 */
export function rewriteInputs(opts: RewriteFlags, hint: string): string[] {
  const inputs = opts.filename ?? [];
  if (inputs.length === 0) throw new UsageError('no input: give -f <file|dir|->', { hint });
  if (opts.inPlace && opts.output) throw new UsageError('--in-place and -o/--output do not go together');
  if (opts.inPlace && inputs.includes('-')) throw new UsageError('--in-place cannot rewrite stdin');
  return inputs;
}

/** Reads the inputs through the files port. */
export function readRewriteSources(ctx: Pick<CommandContext, 'files'>, inputs: string[], opts: RewriteFlags): Promise<SourceText[]> {
  return ctx.files.readSources(inputs, { recursive: opts.recursive });
}

/** Reports the warnings and errors, writes the result where the flags say; `verb` names the work for --verbose. */
export async function writeRewritten(ctx: CommandContext, opts: RewriteFlags, result: InjectedSources, verb: string): Promise<number> {
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
  if (ctx.globals.verbose) ctx.err(`${verb} ${result.injected} workload${result.injected === 1 ? '' : 's'}\n`);
  return ExitCode.Ok;
}

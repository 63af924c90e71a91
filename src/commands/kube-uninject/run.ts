/** The body of `mesh kube-uninject`, loaded only when the command runs. */
import type { CommandContext } from '../../context.js';
import type { KubeUninjectOptions } from './flags.js';
import { uninjectSources } from '../../app/inject-sources.js';
import { readRewriteSources, rewriteInputs, writeRewritten } from '../../app/rewrite-sources.js';

/** Runs kube-uninject; returns the exit code. */
export async function runKubeUninject(ctx: CommandContext, opts: KubeUninjectOptions): Promise<number> {
  const inputs = rewriteInputs(opts, 'kubectl get deploy app -o yaml | mesh kube-uninject -f -');
  const result = await uninjectSources(await readRewriteSources(ctx, inputs, opts));
  return writeRewritten(ctx, opts, result, 'uninjected');
}

/** The body of `mesh kube-inject`, loaded only when the command runs (keeps `mesh --help` light). */
import type { CommandContext } from '../../context.js';
import type { KubeInjectOptions } from './flags.js';
import { gatherInjectConfig } from '../../app/inject-config.js';
import { injectSources } from '../../app/inject-sources.js';
import { readRewriteSources, rewriteInputs, writeRewritten } from '../../app/rewrite-sources.js';

/** Runs kube-inject; returns the exit code. */
export async function runKubeInject(ctx: CommandContext, opts: KubeInjectOptions): Promise<number> {
  // The flags are checked before the injector's config is gathered (which may ask the cluster).
  const inputs = rewriteInputs(opts, 'mesh kube-inject -f app.yaml | kubectl apply -f -');
  const config = await gatherInjectConfig(ctx, opts);
  const result = await injectSources(await readRewriteSources(ctx, inputs, opts), config);
  return writeRewritten(ctx, opts, result, 'injected');
}

/** The body of `mesh x internal-debug`, loaded lazily. */
import type { CommandContext } from '../../../context.js';
import type { InternalDebugOptions } from './flags.js';
import { ClusterError, ExitCode, MeshError, UsageError } from '../../../errors.js';

/** Asks the first istiod (or, with --all, every one) for one debug endpoint, or for the list of them. */
export async function runInternalDebug(ctx: CommandContext, opts: InternalDebugOptions, type: string | undefined, proxy: string | undefined): Promise<number> {
  if (!type && !opts.list) throw new UsageError('x internal-debug needs a debug type, e.g. syncz (--list lists them)');
  const [cluster, istiod, debug, { renderData }] = await Promise.all([
    ctx.cluster(),
    import('../../../app/istiod.js'),
    import('../../../core/istiod-debug/debug.js'),
    import('../../../render/format.js'),
  ]);
  const found = await istiod.findIstiods(cluster, { istioNamespace: ctx.globals.istioNamespace, ...(opts.revision ? { revision: opts.revision } : {}) });
  const targets = opts.all ? found : found.slice(0, 1);
  const get = (pod: (typeof found)[number], path: string) => cluster.request(pod, istiod.ISTIOD_DEBUG_PORT, path, { timeoutMs: 60_000 });
  const list = async (): Promise<string[]> => {
    const types = debug.parseDebugList(await get(found[0]!, '/debug/list'));
    if (!types) throw new ClusterError(`istiod ${found[0]!.name} answered /debug/list with something that is not a list of paths`);
    return types;
  };
  if (!type) {
    ctx.out(renderData(await list(), opts.output));
    return ExitCode.Ok;
  }
  const path = debug.debugPath(type, proxy);
  const answers: Record<string, unknown> = {};
  for (const pod of targets) {
    try {
      answers[pod.name] = debug.debugValue(await get(pod, path));
    } catch (error) {
      // istiod answers 404 for a type it does not serve: say which types it does.
      if (!(error instanceof MeshError)) throw error;
      const types = await list().catch(() => undefined);
      if (types && !types.includes(debug.debugType(path))) {
        throw new UsageError(`istiod serves no debug type "${debug.debugType(path)}"; it serves: ${types.join(', ')}`);
      }
      throw error;
    }
  }
  const value = opts.all ? answers : answers[targets[0]!.name];
  ctx.out(typeof value === 'string' && opts.output === 'json' ? (value.endsWith('\n') ? value : `${value}\n`) : renderData(value, opts.output));
  return ExitCode.Ok;
}

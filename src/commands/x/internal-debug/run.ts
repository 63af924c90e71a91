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
  const answers: { istiod: string; body: string }[] = [];
  for (const pod of targets) {
    try {
      answers.push({ istiod: pod.name, body: await get(pod, path) });
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
  if (opts.output === 'yaml') {
    const value = opts.all ? Object.fromEntries(answers.map((a) => [a.istiod, debug.debugValue(a.body)])) : debug.debugValue(answers[0]!.body);
    ctx.out(renderData(value, 'yaml'));
    return ExitCode.Ok;
  }
  // JSON as istiod wrote it, re-indented only (no number or key order changes); text answers as they came.
  const { reindentJson } = await import('../../../render/json-text.js');
  const isJson = (body: string) => reindentJson(body) !== undefined;
  if (!opts.all) {
    const body = answers[0]!.body;
    ctx.out(reindentJson(body) ?? (body.endsWith('\n') ? body : `${body}\n`));
    return ExitCode.Ok;
  }
  ctx.out(reindentJson(`{${answers.map((a) => `${JSON.stringify(a.istiod)}:${isJson(a.body) ? a.body : JSON.stringify(a.body)}`).join(',')}}`)!);
  return ExitCode.Ok;
}

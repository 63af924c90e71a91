/** The body of `mesh proxy-config log`, loaded lazily: list the loggers of each pod, or change their levels first. */
import type { CommandContext } from '../../context.js';
import type { LogOptions } from './flags.js';
import { POD_ARG } from './views.js';
import { ClusterError, ExitCode, MeshError, UsageError } from '../../errors.js';

/** Runs `proxy-config log` on one pod or on every pod of `--selector`. */
export async function runLog(ctx: CommandContext, opts: LogOptions, args: string[]): Promise<number> {
  if (!args[0] && !opts.selector) throw new UsageError(`proxy-config log needs a pod (${POD_ARG}) or --selector`);
  if (args[0] && opts.selector) throw new UsageError('proxy-config log takes a pod or --selector, not both');
  if (opts.reset && opts.level) throw new UsageError('--level cannot be combined with --reset');
  const [cluster, admin, { parseLoggers, planLogChanges, DEFAULT_LOG_LEVEL }] = await Promise.all([
    ctx.cluster(),
    import('../../app/proxy-admin.js'),
    import('../../core/proxy-config/logging.js'),
  ]);
  const pods = opts.selector ? await admin.proxyTargetsBySelector(cluster, opts.selector) : [await admin.proxyTarget(cluster, args[0]!)];
  const port = opts.proxyAdminPort;
  // Levels and logger names are checked against the first proxy before anything changes anywhere.
  const first = await admin.adminRequest(cluster, pods[0]!, port, '/logging', 'POST');
  const resetLevel = opts.reset ? ((await admin.injectorLogLevel(cluster, ctx.globals.istioNamespace)) ?? DEFAULT_LOG_LEVEL) : DEFAULT_LOG_LEVEL;
  const changes = planLogChanges(opts.level, opts.reset, Object.keys(parseLoggers(first)), resetLevel);
  const results: { pod: string; namespace: string; loggers: Record<string, string>; text: string }[] = [];
  const failed: string[] = [];
  for (const [i, pod] of pods.entries()) {
    // One proxy that does not answer must not keep the others of a selector unchanged (istioctl goes on too).
    try {
      let answer = i === 0 ? first : await admin.adminRequest(cluster, pod, port, '/logging', 'POST');
      for (const query of changes) answer = await admin.adminRequest(cluster, pod, port, `/logging?${query}`, 'POST');
      results.push({ pod: pod.name, namespace: pod.namespace, loggers: parseLoggers(answer), text: answer });
    } catch (error) {
      if (!(error instanceof MeshError) || pods.length === 1) throw error;
      failed.push(error.message);
    }
  }
  if (opts.output === 'short') {
    ctx.out(results.map((r) => `${r.pod}.${r.namespace}:\n${r.text.endsWith('\n') ? r.text : `${r.text}\n`}`).join(''));
  } else {
    const { renderData } = await import('../../render/format.js');
    ctx.out(
      renderData(
        results.map(({ pod, namespace, loggers }) => ({ pod, namespace, loggers })),
        opts.output,
      ),
    );
  }
  if (failed.length) throw new ClusterError(`${failed.length} of ${pods.length} proxies failed: ${failed.join('; ')}`);
  return ExitCode.Ok;
}

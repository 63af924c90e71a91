/** The body of `mesh x envoy-stats`, loaded lazily. */
import type { CommandContext } from '../../../context.js';
import type { EnvoyStatsOptions } from './flags.js';
import { ExitCode, InputError, UsageError } from '../../../errors.js';

/** Asks one pod (or every pod of -l) for its stats and prints them. */
export async function runEnvoyStats(ctx: CommandContext, opts: EnvoyStatsOptions, pod: string | undefined): Promise<number> {
  if (!pod && !opts.selector) throw new UsageError('x envoy-stats needs a pod (<pod-name[.namespace]>) or --selector');
  if (pod && opts.selector) throw new UsageError('x envoy-stats takes a pod or --selector, not both');
  const [cluster, admin, { statsRequest }, { renderData }] = await Promise.all([
    ctx.cluster(),
    import('../../../app/proxy-admin.js'),
    import('../../../core/proxy-config/stats.js'),
    import('../../../render/format.js'),
  ]);
  const pods = opts.selector ? await admin.proxyTargetsBySelector(cluster, opts.selector) : [await admin.proxyTarget(cluster, pod!)];
  const answers: { pod: string; body: string }[] = [];
  for (const p of pods) {
    const annotations = opts.output === 'prom-merged' ? (await cluster.pods.get(p.name, p.namespace)).annotations : {};
    const req = statsRequest(opts.type, opts.output, annotations);
    answers.push({ pod: p.name, body: await admin.adminRequest(cluster, p, req.port ?? opts.proxyAdminPort, req.path) });
  }
  if (opts.output === 'json' || opts.output === 'yaml') {
    const parse = (a: { pod: string; body: string }): unknown => {
      try {
        return JSON.parse(a.body);
      } catch {
        throw new InputError(`the stats of pod ${a.pod} are not JSON (is port ${opts.proxyAdminPort} Envoy's admin API?)`);
      }
    };
    const value = answers.length === 1 && !opts.selector ? parse(answers[0]!) : Object.fromEntries(answers.map((a) => [a.pod, parse(a)]));
    ctx.out(renderData(value, opts.output));
    return ExitCode.Ok;
  }
  const text = (body: string) => (body.endsWith('\n') || !body ? body : `${body}\n`);
  // One pod's answer is printed as Envoy gave it, so that it pipes into grep or a Prometheus parser.
  ctx.out(opts.selector ? answers.map((a) => `\nThe result of pod ${a.pod}:\n\n${text(a.body)}`).join('') : text(answers[0]!.body));
  return ExitCode.Ok;
}

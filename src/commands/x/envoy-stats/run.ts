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
    const { reindentJson } = await import('../../../render/json-text.js');
    const notJson = answers.find((a) => reindentJson(a.body) === undefined);
    if (notJson) throw new InputError(`the stats of pod ${notJson.pod} are not JSON (is port ${opts.proxyAdminPort} Envoy's admin API?)`);
    // Several pods: one object keyed by pod. JSON stays Envoy's text, re-indented (its uint64 counters keep every digit).
    const text = opts.selector ? `{${answers.map((a) => `${JSON.stringify(a.pod)}:${a.body}`).join(',')}}` : answers[0]!.body;
    ctx.out(opts.output === 'json' ? reindentJson(text)! : renderData(JSON.parse(text), 'yaml'));
    return ExitCode.Ok;
  }
  const text = (body: string) => (body.endsWith('\n') || !body ? body : `${body}\n`);
  // One pod's answer is printed as Envoy gave it, so that it pipes into grep or a Prometheus parser.
  ctx.out(opts.selector ? answers.map((a) => `\nThe result of pod ${a.pod}:\n\n${text(a.body)}`).join('') : text(answers[0]!.body));
  return ExitCode.Ok;
}

/**
 * The body of `mesh proxy-status`, loaded lazily: ask istiod (through ctx.cluster()) for every proxy's sync state,
 * or compare istiod's config for one proxy with its Envoy's; the core decides, render lays out.
 */
import type { Cluster, CommandContext } from '../../context.js';
import type { ProxyStatusOptions } from './flags.js';
import { ClusterError, ExitCode, UsageError } from '../../errors.js';

type Istiod = typeof import('../../app/istiod.js');

/** Runs the command: the sync table without a pod, the config diff with one. */
export async function runProxyStatus(ctx: CommandContext, opts: ProxyStatusOptions, pod: string | undefined): Promise<number> {
  if (opts.file !== undefined && !pod) throw new UsageError("--file needs a pod argument: it replaces that pod's Envoy config dump");
  const [cluster, istiod] = await Promise.all([ctx.cluster(), import('../../app/istiod.js')]);
  const selection = { istioNamespace: ctx.globals.istioNamespace, revision: opts.revision, selector: opts.xdsLabel };
  if (pod) return diffOne(ctx, opts, pod, cluster, istiod, selection);
  const istiods = await istiod.findIstiods(cluster, selection);
  const answers = await istiod.fetchSyncz(cluster, istiods, { namespace: ctx.globals.namespace, timeoutMs: opts.timeout });
  const { buildReport, outOfSync } = await import('../../core/proxy-status/status.js');
  const report = buildReport(answers, { namespace: ctx.globals.namespace });
  const failed = report.istiods.filter((i) => i.error !== undefined);
  if (failed.length === report.istiods.length) {
    throw new ClusterError(`no istiod answered: ${failed.map((i) => `${i.name}.${i.namespace}: ${i.error}`).join('; ')}`);
  }
  for (const i of failed) ctx.err(`warning: istiod ${i.name}.${i.namespace} did not answer, its proxies are missing: ${i.error}\n`);
  if (opts.output !== 'table') {
    const { renderData } = await import('../../render/format.js');
    ctx.out(renderData(report, opts.output));
    return ExitCode.Ok;
  }
  const table = await import('../../render/proxy-status.js');
  ctx.out(opts.verbosity === '1' ? table.renderVerboseStatusTable(report, ctx.clock.now(), ctx.terminal.color) : table.renderStatusTable(report));
  const { stale, error } = outOfSync(report);
  if (stale + error > 0) {
    ctx.err(
      `${stale + error} of ${report.proxies.length} proxies not in sync (${error} with rejected config, ${stale} waiting for an ACK)` +
        `${opts.verbosity === '1' ? '' : '; --verbosity 1 shows which types'}\n`,
    );
  }
  return ExitCode.Ok;
}

/** `proxy-status <pod>`: istiod's config for the proxy against its Envoy's config dump; 79 when they differ. */
async function diffOne(
  ctx: CommandContext,
  opts: ProxyStatusOptions,
  arg: string,
  cluster: Cluster,
  istiod: Istiod,
  selection: import('../../app/istiod.js').IstiodSelection,
): Promise<number> {
  const { parsePodArgument } = await import('../../core/model/pods.js');
  const pod = await cluster.pods.resolve(parsePodArgument(arg, cluster.namespace));
  const proxyId = `${pod.name}.${pod.namespace}`;
  // istioctl's IsZtunnelPod: the app label when there is one, else the name.
  const { labels } = await cluster.pods.get(pod.name, pod.namespace);
  if (labels.app !== undefined ? labels.app === 'ztunnel' : pod.name.startsWith('ztunnel')) {
    ctx.out(`Sync diff is not available for ztunnel pod ${proxyId}\n`);
    return ExitCode.Ok;
  }
  let envoyText: string;
  let envoyOrigin: string;
  if (opts.file !== undefined) {
    const [source] = await ctx.files.readSources([opts.file]);
    if (!source) throw new UsageError(`--file ${opts.file}: nothing to read`);
    envoyOrigin = source.origin;
    envoyText = source.text;
  } else {
    envoyOrigin = `config dump of ${proxyId}`;
    envoyText = await cluster.request(pod, opts.proxyAdminPort, '/config_dump', { timeoutMs: opts.timeout });
  }
  const fromIstiod = await istiod.istiodConfigDump(cluster, await istiod.findIstiods(cluster, selection), proxyId, opts.timeout);
  const [{ parseConfigDump, compareConfigDumps }, { comparisonReport }, { renderComparison }, { unifiedDiff }] = await Promise.all([
    import('../../core/proxy-status/compare.js'),
    import('../../core/proxy-status/compare-report.js'),
    import('../../render/proxy-status.js'),
    import('../../render/diff.js'),
  ]);
  const comparison = compareConfigDumps(
    parseConfigDump(fromIstiod.body, `istiod ${fromIstiod.istiod.name}'s config for ${proxyId}`),
    parseConfigDump(envoyText, envoyOrigin),
  );
  const color = opts.output === 'table' && ctx.terminal.color;
  const diff = (a: string, b: string, al: string, bl: string) => unifiedDiff(a, b, al, bl, color, 7, 10_000);
  if (opts.output === 'table') ctx.out(renderComparison(comparison, diff));
  else ctx.out((await import('../../render/format.js')).renderData(comparisonReport(comparison, proxyId, fromIstiod.istiod.name, diff), opts.output));
  return comparison.sections.every((s) => s.match) ? ExitCode.Ok : ExitCode.IssuesFound;
}

/** `mesh proxy-status` (alias `ps`): every proxy's xDS sync state from istiod, or one proxy's istiod-vs-Envoy config diff. */
import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import type { LegacyCommandSpec } from './types.js';
import { durationMs, outputOption, portNumber } from './options.js';
import { ClusterError, ExitCode, UsageError } from '../errors.js';

interface ProxyStatusOptions {
  revision?: string;
  xdsLabel?: string;
  file?: string;
  proxyAdminPort: number;
  output: 'table' | 'json' | 'yaml';
  verbosity: string;
  timeout: number;
}

export const proxyStatus: LegacyCommandSpec<ProxyStatusOptions> = {
  name: 'proxy-status',
  aliases: ['ps'],
  summary: 'Show the xDS sync state of every proxy in the mesh, or diff one proxy\'s config with istiod\'s',
  description: 'Without a pod: asks every running istiod (app=istiod in -i/--istioNamespace) for /debug/syncz on port 15014 '
    + 'through a port-forward and lists each connected proxy with the xDS types it subscribes to. --verbosity 1 shows each '
    + 'type\'s state: SYNCED (the last push was acknowledged), STALE (not yet), NOT SENT, ERROR (rejected). An istiod that '
    + 'does not answer is named in a warning; the command fails only when none answers.\n\n'
    + 'With a pod: compares istiod\'s config for that proxy with its Envoy\'s /config_dump (clusters, listeners, routes) '
    + `and prints a unified diff where they differ; exits ${ExitCode.IssuesFound} when anything differs.`,
  arguments: '[pod]',
  examples: [
    '# sync state of every proxy in the mesh',
    'mesh proxy-status',
    '# only proxies in namespace foo, one column per xDS type',
    'mesh ps -n foo --verbosity 1',
    '# diff istiod\'s config for a pod (or one pod of a deployment) with its Envoy\'s',
    'mesh proxy-status productpage-v1-7d4b9c8f5-x2x9q.default',
    'mesh proxy-status deployment/productpage-v1 -n default',
    '# proxies waiting for an ACK or rejecting config, for CI',
    'mesh ps -o json | jq -r \'.proxies[] | select(any(.types[]; .status == "STALE" or .status == "ERROR")) | .name\'',
  ],
  options: (cmd: Command) => {
    cmd.option('-r, --revision <revision>', 'ask only the istiods of this control-plane revision');
    cmd.option('--xds-label <selector>', 'label selector of the istiod pods (default app=istiod)');
    cmd.option('--file <path>', 'compare with this Envoy config dump JSON file (or - for stdin) instead of the pod\'s');
    cmd.option('--proxy-admin-port <port>', 'Envoy admin port of the pod', portNumber, 15000);
    cmd.addOption(outputOption(['table', 'json', 'yaml'], 'table'));
    cmd.addOption(new Option('--verbosity <level>', '0: subscribed types; 1: one column per xDS type with its state').choices(['0', '1']).default('0'));
    cmd.addOption(new Option('--timeout <duration>', 'how long to wait for each answer (e.g. 30s, 2m)').argParser(durationMs).default(30_000, '30s'));
  },
  async run(ctx, opts, args) {
    const adminPort = opts.proxyAdminPort;
    const timeoutMs = opts.timeout;
    if (opts.file !== undefined && !args[0]) throw new UsageError('--file needs a pod argument: it replaces that pod\'s Envoy config dump');
    const [{ connect }, istiod] = await Promise.all([import('../adapters/kube/client.js'), import('../adapters/kube/istiod.js')]);
    const conn = await connect(ctx.globals);
    const selection = { istioNamespace: ctx.globals.istioNamespace, revision: opts.revision, selector: opts.xdsLabel };
    if (args[0]) return diffOne(ctx, opts, args[0], { conn, istiod, selection, adminPort, timeoutMs });
    const istiods = await istiod.findIstiods(conn, selection);
    const answers = await istiod.fetchSyncz(conn, istiods, { namespace: ctx.globals.namespace, timeoutMs });
    const { buildReport, outOfSync } = await import('../core/proxy-status/status.js');
    const report = buildReport(answers, { namespace: ctx.globals.namespace });
    const failed = report.istiods.filter((i) => i.error !== undefined);
    if (failed.length === report.istiods.length) {
      throw new ClusterError(`no istiod answered: ${failed.map((i) => `${i.name}.${i.namespace}: ${i.error}`).join('; ')}`);
    }
    for (const i of failed) ctx.err(`warning: istiod ${i.name}.${i.namespace} did not answer, its proxies are missing: ${i.error}\n`);
    if (opts.output !== 'table') {
      const { renderData } = await import('../render/format.js');
      ctx.out(renderData(report, opts.output));
      return ExitCode.Ok;
    }
    const table = await import('../render/proxy-status.js');
    ctx.out(opts.verbosity === '1' ? table.renderVerboseStatusTable(report, ctx.clock.now(), ctx.terminal.color) : table.renderStatusTable(report));
    const { stale, error } = outOfSync(report);
    if (stale + error > 0) {
      ctx.err(`${stale + error} of ${report.proxies.length} proxies not in sync (${error} with rejected config, ${stale} waiting for an ACK)`
        + `${opts.verbosity === '1' ? '' : '; --verbosity 1 shows which types'}\n`);
    }
    return ExitCode.Ok;
  },
};

interface DiffDeps {
  conn: import('../adapters/kube/client.js').KubeConnection;
  istiod: typeof import('../adapters/kube/istiod.js');
  selection: import('../adapters/kube/istiod.js').IstiodSelection;
  adminPort: number;
  timeoutMs: number;
}

/** `proxy-status <pod>`: istiod's config for the proxy against its Envoy's config dump. */
async function diffOne(ctx: CommandContext, opts: ProxyStatusOptions, arg: string, d: DiffDeps): Promise<number> {
  const [{ getPod, resolvePod }, { parsePodArgument }, { podRequest }] = await Promise.all([import('../adapters/kube/pods.js'), import('../core/model/pods.js'), import('../adapters/kube/pod-http.js')]);
  const pod = await resolvePod(d.conn, parsePodArgument(arg, d.conn.namespace));
  const proxyId = `${pod.name}.${pod.namespace}`;
  if ((await getPod(d.conn, pod.name, pod.namespace)).labels.app === 'ztunnel') {
    ctx.out(`Sync diff is not available for ztunnel pod ${proxyId}\n`);
    return ExitCode.Ok;
  }
  let envoyText: string;
  let envoyOrigin: string;
  if (opts.file !== undefined) {
    const { readSources } = await import('../adapters/files.js');
    const [source] = await readSources([opts.file], { readStdin: ctx.readStdin });
    if (!source) throw new UsageError(`--file ${opts.file}: nothing to read`);
    envoyOrigin = source.origin;
    envoyText = source.text;
  } else {
    envoyOrigin = `config dump of ${proxyId}`;
    envoyText = await podRequest(d.conn, pod, d.adminPort, '/config_dump', { timeoutMs: d.timeoutMs });
  }
  const istiods = await d.istiod.findIstiods(d.conn, d.selection);
  const fromIstiod = await d.istiod.istiodConfigDump(d.conn, istiods, proxyId, d.timeoutMs);
  const [{ parseConfigDump, compareConfigDumps }, report, { unifiedDiff }] = await Promise.all([
    import('../core/proxy-status/compare.js'), import('../core/proxy-status/compare-report.js'), import('../render/diff.js'),
  ]);
  const comparison = compareConfigDumps(
    parseConfigDump(fromIstiod.body, `istiod ${fromIstiod.istiod.name}'s config for ${proxyId}`),
    parseConfigDump(envoyText, envoyOrigin),
  );
  const color = opts.output === 'table' && ctx.terminal.color;
  const diff = (a: string, b: string, al: string, bl: string) => unifiedDiff(a, b, al, bl, color, 7, 10_000);
  if (opts.output === 'table') ctx.out(report.renderComparison(comparison, diff));
  else ctx.out((await import('../render/format.js')).renderData(report.comparisonReport(comparison, proxyId, fromIstiod.istiod.name, diff), opts.output));
  return comparison.sections.every((s) => s.match) ? ExitCode.Ok : ExitCode.IssuesFound;
}


/** `mesh dashboard <ui>` (alias `dash`, `d`): port-forward to an add-on's web UI, an Envoy admin page or ControlZ, and open it. */
import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import type { LegacyCommandSpec } from './types.js';
import { DASHBOARDS, type Dashboard } from '../core/dashboard/catalog.js';
import { ExitCode, UsageError } from '../errors.js';
import { booleanValue, parsePort } from './options.js';

interface DashboardOptions {
  /** Local port (-p); undefined: the UI's own port, else a free one. */
  port?: string;
  address: string;
  browser: boolean;
  uiPort?: string;
  ctrlz_port?: string;
  selector?: string;
  revision?: string;
}

const examples: Record<Dashboard['kind'], (d: Dashboard) => string[]> = {
  addon: (d) => [
    `# forward to ${d.title} and open it in the browser`, `mesh dashboard ${d.name}`,
    '# on a fixed local port, without a browser (e.g. over SSH), reachable from other machines',
    `mesh dash ${d.name} -p 8080 --browser=false --address 0.0.0.0`,
    '# any free local port (the URL on stdout says which)',
    `mesh d ${d.name} -p 0 --no-browser`,
  ],
  proxy: (d) => [
    '# the admin UI of one pod', `mesh dashboard ${d.name} productpage-123-456.default`,
    '# of one pod of a deployment', `mesh dashboard ${d.name} deployment/productpage-v1 -n default`,
    '# of the first pod matching a selector', `mesh dashboard ${d.name} -l app=ratings -n default`,
  ],
  istiod: (d) => [
    '# of one istiod pod', `mesh dashboard ${d.name} istiod-56dd66799-jfdvs.istio-system`,
    '# of any istiod of a revision', `mesh dashboard ${d.name} --revision canary`,
    '# of an istiod of a deployment', `mesh dashboard ${d.name} deployment/istiod.istio-system`,
  ],
};

function subcommand(d: Dashboard): LegacyCommandSpec<DashboardOptions> {
  const note = d.name === 'envoy' ? ' `envoy` is the older name of `proxy`; both work.' : '';
  const where = d.kind === 'addon' ? `Finds the pod by ${d.selector}, in -i/--istioNamespace first, then in -n/--namespace.`
    : d.kind === 'proxy' ? 'Names the pod as <pod>[.namespace] or <type>/<name>[.namespace] (deployment/, service/, ...), or finds it with -l.'
      : 'Names the istiod pod as <pod>[.namespace] (default namespace: -i/--istioNamespace) or <type>/<name>, or finds it with -l or -r.';
  return {
    name: d.name,
    summary: d.summary,
    description: `${d.summary}: port-forwards to port ${d.name === 'istiod-debug' ? '15014 (or the pod\'s prometheus.io/port)' : d.remotePort} of the pod, prints the URL on `
      + `stdout, opens it in the browser, and keeps forwarding until Ctrl+C. ${where}${note}`,
    arguments: d.kind === 'addon' ? undefined : '[pod]',
    examples: examples[d.kind](d),
    options: (cmd: Command) => {
      if (d.portFlag) cmd.option(`${d.portFlag} <port>`, `the port of the ${d.title} UI in the pod`, String(d.remotePort));
      if (d.kind !== 'addon') cmd.option('-l, --selector <selector>', 'label selector of the pod (the first match is used)');
      if (d.kind === 'istiod') cmd.option('-r, --revision <revision>', 'an istiod of this control-plane revision');
    },
    run: (ctx, opts, args) => serve(ctx, d, opts, args),
  };
}

async function serve(ctx: CommandContext, d: Dashboard, opts: DashboardOptions, args: string[]): Promise<number> {
  const core = await import('../core/dashboard/dashboards.js');
  core.checkAddress(opts.address);
  const requested = opts.port === undefined ? undefined : parsePort(opts.port, '--port', true);
  const portValue = d.portFlag === '--ctrlz_port' ? opts.ctrlz_port : opts.uiPort;
  let remotePort = portValue === undefined ? d.remotePort : parsePort(portValue, d.portFlag!);
  const target = d.kind === 'addon' ? undefined : core.podTarget(d, { arg: args[0], selector: opts.selector, revision: opts.revision });
  const [{ connect }, dash] = await Promise.all([import('../adapters/kube/client.js'), import('../adapters/kube/dashboard.js')]);
  const conn = await connect(ctx.globals);
  const istioNs = ctx.globals.istioNamespace;
  const found = target === undefined
    ? await dash.findAddonPod(conn, d, [istioNs, conn.namespace])
    : await dash.findTargetPod(conn, target, d.kind === 'istiod' ? (ctx.globals.namespace ?? istioNs) : conn.namespace);
  if (found.warning) ctx.err(`warning: ${found.warning}\n`);
  const { pod } = found;
  if (d.name === 'istiod-debug') remotePort = core.monitoringPort(pod.annotations);
  const forward = await dash.openDashboardForward(conn, pod, remotePort, opts.address, core.localPorts(requested, remotePort));
  const interrupted = dash.untilInterrupted();
  const stopWatching = dash.watchForwardErrors(forward, (e) => ctx.err(`warning: port-forward to ${pod.name}.${pod.namespace}:${remotePort}: ${e}\n`));
  const url = core.dashboardUrl(opts.address, forward.port, d.path);
  ctx.out(`${url}\n`);
  ctx.err(`Forwarding ${opts.address}:${forward.port} to ${d.title} (pod ${pod.name}.${pod.namespace}, port ${remotePort}); press Ctrl+C to stop\n`);
  if (opts.browser) {
    const { openBrowser } = await import('../adapters/browser.js');
    await openBrowser(url, ctx.env, (reason) => ctx.err(`could not open a browser (${reason}); open ${url} yourself\n`));
  }
  await interrupted;
  stopWatching();
  await forward.close();
  return ExitCode.Ok;
}

export const dashboard: LegacyCommandSpec = {
  name: 'dashboard',
  aliases: ['dash', 'd'],
  summary: 'Open an Istio web UI (Kiali, Grafana, Prometheus, Jaeger, Zipkin, SkyWalking, Envoy admin, ControlZ) through a port-forward',
  description: 'Port-forwards to the UI\'s pod and opens it. The URL goes to stdout, everything else to stderr; the forward '
    + 'lasts until Ctrl+C (SIGINT) or SIGTERM, then mesh exits 0. Without -p the local port is the UI\'s own port when it '
    + 'is free, else any free port; -p 0 always picks a free one.',
  examples: ['# Kiali in the browser', 'mesh dashboard kiali', '# the Envoy admin page of a pod, URL only', 'mesh dash proxy productpage-123-456.default --browser=false'],
  options: (cmd: Command) => {
    cmd.option('-p, --port <port>', 'local port to listen on (0: any free port)');
    cmd.option('--address <address>', 'local address to listen on: an IP address or localhost (127.0.0.1 and ::1)', 'localhost');
    cmd.addOption(new Option('--browser [bool]', 'open the URL in a browser; --browser=false or --no-browser to only print it').argParser(booleanValue).default(true));
    cmd.addOption(new Option('--no-browser', 'do not open a browser'));
  },
  arguments: '[dashboard]',
  subcommands: DASHBOARDS.map(subcommand),
  // Reached only when no subcommand matched: an unknown name, or none.
  async run(_ctx, _opts, args) {
    const names = DASHBOARDS.map((d) => d.name).join(', ');
    throw new UsageError(args[0] ? `unknown dashboard "${args[0]}" (choose one of ${names})` : `name a dashboard: ${names}`);
  },
};

/** The body of `mesh dashboard <ui>`, loaded lazily by ./index.ts: find the pod, forward, print the URL, open it, wait. */
import type { CommandContext } from '../../context.js';
import type { DashboardOptions } from './flags.js';
import type { Dashboard } from '../../core/dashboard/catalog.js';
import { ExitCode } from '../../errors.js';
import { parsePort } from '../flags.js';
import * as core from '../../core/dashboard/dashboards.js';
import { findAddonPod, findTargetPod, openDashboardForward, watchForwardErrors } from '../../app/dashboard.js';

/** Forwards to `d` until SIGINT or SIGTERM; usage errors come before any cluster call. */
export async function serve(ctx: CommandContext, d: Dashboard, opts: DashboardOptions, args: string[]): Promise<number> {
  core.checkAddress(opts.address);
  const requested = opts.port === undefined ? undefined : parsePort(opts.port, '--port', true);
  const portValue = d.portFlag === '--ctrlz_port' ? opts.ctrlz_port : opts.uiPort;
  let remotePort = portValue === undefined ? d.remotePort : parsePort(portValue, d.portFlag!);
  const target = d.kind === 'addon' ? undefined : core.podTarget(d, { arg: args[0], selector: opts.selector, revision: opts.revision });
  const cluster = await ctx.cluster();
  const istioNs = ctx.globals.istioNamespace;
  const found =
    target === undefined
      ? await findAddonPod(cluster, d, [istioNs, cluster.namespace])
      : await findTargetPod(cluster, target, d.kind === 'istiod' ? (ctx.globals.namespace ?? istioNs) : cluster.namespace);
  if (found.warning) ctx.err(`warning: ${found.warning}\n`);
  const { pod } = found;
  if (d.name === 'istiod-debug') remotePort = core.monitoringPort(pod.annotations);
  const forward = await openDashboardForward(cluster, pod, remotePort, opts.address, core.localPorts(requested, remotePort));
  const interrupted = ctx.interrupted();
  const stopWatching = watchForwardErrors(forward, (e) => ctx.err(`warning: port-forward to ${pod.name}.${pod.namespace}:${remotePort}: ${e}\n`));
  const url = core.dashboardUrl(opts.address, forward.port, d.path);
  ctx.out(`${url}\n`);
  ctx.err(`Forwarding ${opts.address}:${forward.port} to ${d.title} (pod ${pod.name}.${pod.namespace}, port ${remotePort}); press Ctrl+C to stop\n`);
  if (opts.browser) {
    await ctx.browser.open(url, (reason) => ctx.err(`could not open a browser (${reason}); open ${url} yourself\n`));
  }
  await interrupted;
  stopWatching();
  await forward.close();
  return ExitCode.Ok;
}

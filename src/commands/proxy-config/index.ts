/**
 * `mesh proxy-config` (alias `pc`): what a sidecar's or gateway's Envoy was configured with, read from its admin
 * API through a port-forward or from a saved dump. istioctl's subcommands, flags and tables. The view subcommands
 * are generated from views.ts; the work is in src/core/proxy-config (pure) and run.ts, loaded only when one runs.
 */
import type { CommandContext } from '../../context.js';
import { defineCommand, type AnyCommandSpec } from '../types.js';
import { commonFlags, logFlags, rootCaFlags } from './flags.js';
import { VIEW_COMMANDS, type ViewCommand } from './views.js';

/** The subcommand of one view: the common flags, then the view's own. */
function viewSubcommand(view: ViewCommand): AnyCommandSpec {
  return defineCommand({
    name: view.name,
    ...(view.aliases ? { aliases: view.aliases } : {}),
    summary: view.summary,
    ...(view.description ? { description: view.description } : {}),
    examples: view.examples,
    arguments: [{ name: '[pod]' }],
    flags: { ...commonFlags(view.input, view.defaultOutput), ...view.flags },
    async run(ctx: CommandContext, opts, args) {
      const { runView } = await import('./run.js');
      return runView(ctx, view, opts, args);
    },
  });
}

const log = defineCommand({
  name: 'log',
  arguments: [{ name: '[pod]' }],
  summary: "Show or change the log levels of a pod's proxy",
  description: `Prints Envoy's loggers and their levels, or changes them: --level debug (all), --level http:debug,rbac:info (some), --reset (the level the injector configures, else warning).\nLevels: trace, debug, info, warning, error, critical, off.`,
  examples: [
    'mesh pc log productpage-v1-7c5d9b8f6d-x2k4p.bookinfo',
    'mesh pc log deploy/productpage-v1.bookinfo --level http:debug,router:debug',
    '# every pod of the app, back to the default',
    'mesh pc log -n bookinfo -l app=productpage --reset',
    "mesh pc log productpage-v1-7c5d9b8f6d-x2k4p.bookinfo -o json | jq -r '.[0].loggers.http'",
  ],
  flags: logFlags,
  async run(ctx: CommandContext, opts, args) {
    const { runLog } = await import('./log.js');
    return runLog(ctx, opts, args);
  },
});

const rootcaCompare = defineCommand({
  name: 'rootca-compare',
  aliases: ['rc'],
  arguments: [{ name: '<pod1>' }, { name: '<pod2>' }],
  summary: 'Check that two proxies trust the same root CA (exit 79 when they do not)',
  description: 'Compares the ROOTCA trust bundles of two proxies: when they share no certificate, mTLS between them fails.',
  examples: ['mesh pc rootca-compare productpage-v1-7c5d9b8f6d-x2k4p.bookinfo deploy/ratings-v1.bookinfo'],
  flags: rootCaFlags,
  async run(ctx: CommandContext, opts, args) {
    const { runRootCaCompare } = await import('./run.js');
    return runRootCaCompare(ctx, opts, args);
  },
});

/** The `proxy-config` command group: the views, then log and rootca-compare, in name order. */
export const proxyConfig = defineCommand({
  name: 'proxy-config',
  aliases: ['pc'],
  summary: "Show a proxy's Envoy configuration: clusters, listeners, routes, endpoints, secrets, bootstrap, log levels",
  description: "Reads a sidecar's or gateway's Envoy admin API through a port-forward (or a saved dump with --file) and summarises it.",
  examples: [
    'mesh proxy-config cluster productpage-v1-7c5d9b8f6d-x2k4p.bookinfo',
    'mesh pc listener deploy/istio-ingressgateway.istio-system',
    'mesh pc route -f config_dump.json --name 9080',
  ],
  subcommands: [...VIEW_COMMANDS.map(viewSubcommand), log, rootcaCompare].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
});

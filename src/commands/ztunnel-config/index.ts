/**
 * `mesh ztunnel-config` (alias `zc`): what an ambient node's ztunnel knows (workloads, services, policies,
 * certificates, connections) read from its admin API through a port-forward or from a saved dump, and its log
 * levels. istioctl 1.30's subcommands, flags, tables and JSON/YAML. The work is in src/core/ztunnel (pure) and
 * run.ts / log.ts, loaded only when a subcommand runs.
 */
import type { CommandContext } from '../../context.js';
import type { ZtunnelView } from '../../core/ztunnel/view.js';
import { defineCommand, type AnyCommandSpec, type FlagTable } from '../types.js';
import { allFlags, commonFlags, connectionsFlags, logFlags, policyFlags, serviceFlags, workloadFlags } from './flags.js';

/** How the pod argument is named in help. */
const POD_ARG = '[<type>/]<name>[.<namespace>]';

interface ViewEntry {
  name: ZtunnelView;
  aliases: string[];
  summary: string;
  examples: string[];
  flags: FlagTable;
}

const VIEWS: ViewEntry[] = [
  {
    name: 'all',
    aliases: [],
    summary: 'Print every table at once: workloads, services, policies, certificates, connections',
    examples: ['mesh zc all --with-headers', '# the whole dump as ztunnel wrote it', 'mesh zc all ztunnel-8xk2p.istio-system -o json > ztunnel-dump.json'],
    flags: allFlags,
  },
  {
    name: 'certificate',
    aliases: ['certificates', 'certs', 'cert'],
    summary: 'Print the certificates a ztunnel holds for the workloads on its node',
    examples: ['mesh zc certificates --node worker-1', 'mesh zc cert ztunnel-8xk2p.istio-system -o json | jq -r ".[0].certChain[0].pem"'],
    flags: {},
  },
  {
    name: 'connections',
    aliases: ['cons'],
    summary: "Print a ztunnel's open connections, per workload and direction",
    examples: [
      'mesh zc connections --node worker-1',
      '# a workload pod: the ztunnel of its node, only that pod',
      'mesh zc cons productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --direction inbound --raw',
    ],
    flags: connectionsFlags,
  },
  {
    name: 'policy',
    aliases: ['policies', 'p', 'pol'],
    summary: 'Print the authorization policies ztunnel enforces (L4)',
    examples: ['mesh zc policies --policy-namespace bookinfo', 'mesh zc pol --file ztunnel-dump.json -o yaml'],
    flags: policyFlags,
  },
  {
    name: 'service',
    aliases: ['services', 's', 'svc'],
    summary: 'Print the services ztunnel knows, with their VIPs, waypoint and healthy endpoints',
    examples: ['mesh zc services --service-namespace bookinfo', 'mesh zc svc -f ztunnel-dump.json -o json | jq ".[].hostname"'],
    flags: serviceFlags,
  },
  {
    name: 'workload',
    aliases: ['w', 'workloads'],
    summary: 'Print the workloads ztunnel knows, with their address, node, waypoint and protocol',
    examples: [
      'mesh zc workload',
      'mesh zc workloads --workload-namespace bookinfo --workload-node worker-1',
      '# a workload pod: the ztunnel of its node, only that pod',
      'mesh zc w productpage-v1-7c5d9b8f6d-x2k4p.bookinfo -o yaml',
      '# a saved dump, from a file or stdin',
      'kubectl exec -n istio-system ds/ztunnel -- curl -s localhost:15000/config_dump | mesh zc workloads -f -',
    ],
    flags: workloadFlags,
  },
];

function viewSubcommand(view: ViewEntry): AnyCommandSpec {
  return defineCommand({
    name: view.name,
    ...(view.aliases.length ? { aliases: view.aliases } : {}),
    summary: view.summary,
    description: `Reads a ztunnel's /config_dump: with no pod, one of daemonset/ztunnel (-i namespace); --node, the one on that node; a workload pod ${POD_ARG}, the one on its node.`,
    examples: view.examples,
    arguments: [{ name: '[pod]', description: `a ztunnel or a workload pod, ${POD_ARG}` }],
    flags: { ...commonFlags, ...view.flags },
    async run(ctx: CommandContext, opts, args) {
      const { runZtunnelView } = await import('./run.js');
      return runZtunnelView(ctx, view.name, opts, args);
    },
  });
}

const log = defineCommand({
  name: 'log',
  arguments: [{ name: '[pod]', description: `a ztunnel pod, ${POD_ARG}; all of daemonset/ztunnel when left out` }],
  summary: "Show or change ztunnel's log levels",
  description:
    'Prints the log levels of every ztunnel (or the one named), or changes them: --level debug (all), --level access:debug,info (some), --reset (info).',
  examples: ['mesh zc log', 'mesh zc log ztunnel-8xk2p.istio-system --level access:debug,info', 'mesh zc log --node worker-1 -r'],
  flags: logFlags,
  async run(ctx: CommandContext, opts, args) {
    const { runZtunnelLog } = await import('./log.js');
    return runZtunnelLog(ctx, opts, args);
  },
});

/** The `ztunnel-config` command group: the views and log, in name order. */
export const ztunnelConfig = defineCommand({
  name: 'ztunnel-config',
  aliases: ['zc'],
  summary: "Show an ambient node's ztunnel configuration: workloads, services, policies, certificates, connections, log levels",
  description: "Reads a ztunnel's admin API (port 15000) through a port-forward, or a saved dump with --file, and prints it as istioctl does.",
  examples: ['mesh ztunnel-config workload', 'mesh zc services --node worker-1', 'mesh zc all -f ztunnel-dump.json --with-headers'],
  subcommands: [...VIEWS.map(viewSubcommand), log].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
});

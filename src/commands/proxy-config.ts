/**
 * `mesh proxy-config` (alias `pc`): what a sidecar's or gateway's Envoy was configured with, read from its admin
 * API through a port-forward or from a saved dump. istioctl's subcommands, flags and tables; the work is in
 * src/core/proxy-config (pure) and proxy-config-run.ts (I/O), loaded only when a subcommand runs.
 */
import type { Command } from 'commander';
import type { LegacyCommandSpec } from './types.js';
import { outputOption, portNumber } from './options.js';

/** Flags every proxy-config subcommand parses into (each declares the ones it takes). */
export interface ProxyConfigOptions {
  /** short (table), json or yaml. */
  output: 'short' | 'json' | 'yaml';
  /** A saved dump instead of a pod; `-` reads stdin. */
  file?: string;
  /** Envoy's admin port in the pod. */
  proxyAdminPort: number;
  fqdn?: string;
  port?: number;
  subset?: string;
  direction?: string;
  address?: string;
  type?: string;
  name?: string;
  cluster?: string;
  status?: string;
  /** listener: per-chain view with chain names (istioctl's hidden `--waypoint`). */
  waypoint?: boolean;
  /** istioctl's `--verbose=false`: one row per listener / route configuration. */
  brief?: boolean;
  withHeaders?: boolean;
  /** log: `debug`, or `http:debug,rbac:info`. */
  level?: string;
  /** log: restore the default level. */
  reset?: boolean;
  /** log: every pod matching this label selector. */
  selector?: string;
}

const POD_ARG = '<pod-name[.namespace]> or <type>/<name>[.namespace]';

function common(cmd: Command, file: string, defaultOutput = 'short'): void {
  cmd.addOption(outputOption(['short', 'json', 'yaml'], defaultOutput));
  cmd.option('-f, --file <path>', `${file} to read instead of asking a pod (- for stdin)`);
  cmd.option('--proxy-admin-port <port>', "Envoy's admin port in the pod", portNumber, 15000);
}

const clusterFlags = (cmd: Command): void => {
  cmd.option('--fqdn <host>', 'only clusters whose name contains this (service FQDN)');
  cmd.option('--port <port>', 'only clusters of this port', portNumber);
  cmd.option('--subset <name>', 'only clusters whose name contains this (subset)');
  cmd.option('--direction <dir>', 'only clusters whose name contains this (inbound, outbound)');
};

/** Builds one view subcommand: arguments, shared flags, and a run that hands over to proxy-config-run.ts. */
function view(name: string, spec: Omit<LegacyCommandSpec<ProxyConfigOptions>, 'name' | 'run' | 'arguments'>, fileWhat = 'Envoy config dump (JSON from /config_dump)', defaultOutput = 'short'): LegacyCommandSpec<ProxyConfigOptions> {
  return {
    name,
    arguments: '[pod]',
    ...spec,
    options: (cmd) => {
      common(cmd, fileWhat, defaultOutput);
      spec.options?.(cmd);
    },
    async run(ctx, opts, args) {
      const { runView } = await import('./proxy-config-run.js');
      return runView(ctx, name as Parameters<typeof runView>[1], opts, args);
    },
  };
}

const cluster = view('cluster', {
  aliases: ['clusters', 'c'],
  summary: "List the Envoy clusters of a pod's proxy",
  description: `Clusters of the proxy in ${POD_ARG}, or of a saved config dump (--file).`,
  examples: [
    'mesh pc cluster productpage-v1-7c5d9b8f6d-x2k4p.bookinfo',
    '# the pod of a deployment; only port 9080',
    'mesh pc clusters deployment/productpage-v1 -n bookinfo --port 9080',
    '# full configuration of the inbound clusters, as JSON',
    'mesh pc c productpage-v1-7c5d9b8f6d-x2k4p --direction inbound -o json | jq \'.[].name\'',
    '# a dump saved earlier, or from stdin',
    "kubectl exec deploy/productpage-v1 -c istio-proxy -- curl -s localhost:15000/config_dump | mesh pc c -f -",
  ],
  options: clusterFlags,
});

const listener = view('listener', {
  aliases: ['listeners', 'l'],
  summary: "List the Envoy listeners of a pod's proxy, one row per filter chain",
  description: `Listeners of the proxy in ${POD_ARG}, or of a saved config dump (--file).\nMATCH is what a filter chain matches (SNI, transport, ALPN, destination), DESTINATION where it sends traffic.`,
  examples: [
    'mesh pc listener productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --port 15006',
    '# one row per listener with its type (istioctl --verbose=false)',
    'mesh pc l deploy/productpage-v1.bookinfo --brief',
    '# full configuration of the HTTP listeners on 0.0.0.0',
    'mesh pc l productpage-v1-7c5d9b8f6d-x2k4p --type HTTP --address 0.0.0.0 -o yaml',
  ],
  options: (cmd) => {
    cmd.option('--address <ip>', 'only listeners on this address');
    cmd.option('--port <port>', 'only listeners on this port', portNumber);
    cmd.option('--type <type>', 'only listeners of this type (HTTP, TCP, HTTP+TCP, UNKNOWN)');
    cmd.option('--brief', 'one row per listener with its type, not one per filter chain', false);
    cmd.option('--waypoint', 'one row per filter chain with its name (for waypoints: internal listeners, matcher trees)', false);
  },
});

const route = view('route', {
  aliases: ['routes', 'r'],
  summary: "List the HTTP routes of a pod's proxy",
  description: `Route configurations of the proxy in ${POD_ARG}, or of a saved config dump (--file): one row per route, with the VirtualService that made it.`,
  examples: [
    'mesh pc route productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --name 9080',
    '# route configurations and their virtual host counts',
    'mesh pc routes deploy/istio-ingressgateway.istio-system --brief',
    'mesh pc r productpage-v1-7c5d9b8f6d-x2k4p --name 9080 -o json | jq \'.[0].virtual_hosts[].name\'',
  ],
  options: (cmd) => {
    cmd.option('--name <name>', 'only the route configuration of this name (e.g. 9080)');
    cmd.option('--brief', 'one row per route configuration with its number of virtual hosts', false);
  },
});

const endpointFlags = (cmd: Command): void => {
  cmd.option('--address <ip>', 'only endpoints with this address');
  cmd.option('--port <port>', 'only endpoints on this port', portNumber);
  cmd.option('--cluster <name>', 'only endpoints of this cluster');
  cmd.option('--status <status>', 'only endpoints with this health status (healthy, unhealthy, draining, ...)');
};

const endpoint = view('endpoint', {
  aliases: ['endpoints', 'ep'],
  summary: "List the endpoints a pod's proxy balances to, with health and outlier-detection state",
  description: `Endpoints of every cluster, from the admin API's /clusters of the proxy in ${POD_ARG}, or from its saved JSON (--file).`,
  examples: [
    'mesh pc endpoint productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --cluster "outbound|9080||reviews.bookinfo.svc.cluster.local"',
    '# endpoints that are not healthy',
    'mesh pc ep deploy/productpage-v1.bookinfo --status unhealthy',
    "kubectl exec deploy/productpage-v1 -c istio-proxy -- curl -s 'localhost:15000/clusters?format=json' | mesh pc ep -f - --port 9080",
  ],
  options: endpointFlags,
}, 'Envoy /clusters?format=json output');

const eds = view('eds', {
  summary: 'List the endpoints istiod sent (EDS, from the config dump), with locality',
  examples: ['mesh pc eds productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --cluster "outbound|9080|v2|reviews.bookinfo.svc.cluster.local"'],
  options: endpointFlags,
}, 'Envoy config dump taken with ?include_eds');

const secret = view('secret', {
  aliases: ['secrets', 's'],
  summary: "List the certificates a pod's proxy holds (workload certificate, root CA, gateway credentials)",
  examples: ['mesh pc secret productpage-v1-7c5d9b8f6d-x2k4p.bookinfo', '# the root certificate, decoded', "mesh pc s deploy/productpage-v1.bookinfo -o json | jq -r '.dynamic_active_secrets[] | select(.name==\"ROOTCA\") | .secret.validation_context.trusted_ca.inline_bytes' | base64 -d | openssl x509 -noout -text"],
});

const bootstrap = view('bootstrap', {
  aliases: ['b'],
  summary: "Print the Envoy bootstrap of a pod's proxy (-o short: Istio and Envoy versions)",
  examples: ['mesh pc bootstrap productpage-v1-7c5d9b8f6d-x2k4p.bookinfo | jq .bootstrap.node.id', 'mesh pc b deploy/productpage-v1.bookinfo -o short'],
}, 'Envoy config dump (JSON from /config_dump)', 'json');

const ecds = view('ecds', {
  aliases: ['ec'],
  summary: "List the extension configurations (ECDS: Wasm plugins, stats filters) of a pod's proxy",
  examples: ['mesh pc ecds productpage-v1-7c5d9b8f6d-x2k4p.bookinfo'],
});

const all = view('all', {
  aliases: ['a'],
  summary: 'Print every summary at once: bootstrap, clusters, listeners, routes, secrets, endpoints',
  examples: ['mesh pc all productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --with-headers', '# the whole config dump as YAML', 'mesh pc a deploy/productpage-v1.bookinfo -o yaml > productpage.yaml'],
  options: (cmd) => {
    cmd.option('--with-headers', 'print a ------ TITLE ------ line above each table', false);
    cmd.option('--brief', 'one row per listener and route configuration', false);
    clusterFlags(cmd);
    cmd.option('--address <ip>', 'only listeners and endpoints with this address');
    cmd.option('--type <type>', 'only listeners of this type');
    cmd.option('--name <name>', 'only the route configuration of this name');
    cmd.option('--cluster <name>', 'only endpoints of this cluster');
    cmd.option('--status <status>', 'only endpoints with this health status');
  },
});

const log: LegacyCommandSpec<ProxyConfigOptions> = {
  name: 'log',
  arguments: '[pod]',
  summary: "Show or change the log levels of a pod's proxy",
  description: `Prints Envoy's loggers and their levels, or changes them: --level debug (all), --level http:debug,rbac:info (some), --reset (the level the injector configures, else warning).\nLevels: trace, debug, info, warning, error, critical, off.`,
  examples: [
    'mesh pc log productpage-v1-7c5d9b8f6d-x2k4p.bookinfo',
    'mesh pc log deploy/productpage-v1.bookinfo --level http:debug,router:debug',
    '# every pod of the app, back to the default',
    'mesh pc log -n bookinfo -l app=productpage --reset',
    'mesh pc log productpage-v1-7c5d9b8f6d-x2k4p.bookinfo -o json | jq -r \'.[0].loggers.http\'',
  ],
  options: (cmd) => {
    cmd.addOption(outputOption(['short', 'json', 'yaml'], 'short'));
    cmd.option('--level <levels>', 'level of all loggers (debug) or of some ([<logger>:]<level>,...)');
    cmd.option('-r, --reset', 'reset the levels to the default', false);
    cmd.option('-l, --selector <selector>', 'every pod matching this label selector (in -n namespace)');
    cmd.option('--proxy-admin-port <port>', "Envoy's admin port in the pod", portNumber, 15000);
  },
  async run(ctx, opts, args) {
    const { runLog } = await import('./proxy-config-run.js');
    return runLog(ctx, opts, args);
  },
};

const rootcaCompare: LegacyCommandSpec<ProxyConfigOptions> = {
  name: 'rootca-compare',
  aliases: ['rc'],
  arguments: '<pod1> <pod2>',
  summary: 'Check that two proxies trust the same root CA (exit 79 when they do not)',
  description: 'Compares the ROOTCA trust bundles of two proxies: when they share no certificate, mTLS between them fails.',
  examples: ['mesh pc rootca-compare productpage-v1-7c5d9b8f6d-x2k4p.bookinfo deploy/ratings-v1.bookinfo'],
  options: (cmd) => void cmd.option('--proxy-admin-port <port>', "Envoy's admin port in the pods", portNumber, 15000),
  async run(ctx, opts, args) {
    const { runRootCaCompare } = await import('./proxy-config-run.js');
    return runRootCaCompare(ctx, opts, args);
  },
};

/** The `proxy-config` command group. */
export const proxyConfig: LegacyCommandSpec = {
  name: 'proxy-config',
  aliases: ['pc'],
  summary: "Show a proxy's Envoy configuration: clusters, listeners, routes, endpoints, secrets, bootstrap, log levels",
  description: "Reads a sidecar's or gateway's Envoy admin API through a port-forward (or a saved dump with --file) and summarises it.",
  examples: ['mesh proxy-config cluster productpage-v1-7c5d9b8f6d-x2k4p.bookinfo', 'mesh pc listener deploy/istio-ingressgateway.istio-system', 'mesh pc route -f config_dump.json --name 9080'],
  subcommands: [all, bootstrap, cluster, ecds, eds, endpoint, listener, log, rootcaCompare, route, secret],
};

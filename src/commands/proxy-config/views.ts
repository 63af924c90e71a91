/**
 * The CLI half of every proxy-config view, one entry each: name, aliases, help, its flags, and what it asks the
 * pod's Envoy for. The subcommands are generated from this list (index.ts); the core half of each view (the dump
 * section it needs, its tables and its -o json|yaml data) is the entry of the same name in
 * src/core/proxy-config/view.ts. A new view is one entry here and one there.
 */
import type { FlagTable } from '../types.js';
import type { View } from '../../core/proxy-config/view.js';
import { allFlags, clusterFlags, endpointFlags, listenerFlags, routeFlags } from './flags.js';

/** How istioctl names the pod argument. */
export const POD_ARG = '<pod-name[.namespace]> or <type>/<name>[.namespace]';

const DUMP = 'Envoy config dump (JSON from /config_dump)';

/** One view subcommand. */
export interface ViewCommand {
  /** The view (and subcommand) name. */
  name: View;
  /** Other names, as istioctl has them (`clusters`, `c`). */
  aliases?: string[];
  /** One line for the command list. */
  summary: string;
  /** Longer help text. */
  description?: string;
  /** Example invocations for --help. */
  examples: string[];
  /** The view's own flags, after the common -o, -f and --proxy-admin-port. */
  flags: FlagTable;
  /** What the view asks Envoy's admin API for (istioctl's masks: less to transfer from a big proxy). */
  adminPath: string;
  /** What `--file` holds, for its help line. */
  input: string;
  /** The format without -o (bootstrap prints JSON, as istioctl does). */
  defaultOutput?: 'short' | 'json';
}

/** Every view, in `mesh pc --help` order (log and rootca-compare are not views: index.ts adds them). */
export const VIEW_COMMANDS: readonly ViewCommand[] = [
  {
    name: 'all',
    aliases: ['a'],
    summary: 'Print every summary at once: bootstrap, clusters, listeners, routes, secrets, endpoints',
    examples: [
      'mesh pc all productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --with-headers',
      '# the whole config dump as YAML',
      'mesh pc a deploy/productpage-v1.bookinfo -o yaml > productpage.yaml',
    ],
    flags: allFlags,
    adminPath: '/config_dump?include_eds=true',
    input: DUMP,
  },
  {
    name: 'bootstrap',
    aliases: ['b'],
    summary: "Print the Envoy bootstrap of a pod's proxy (-o short: Istio and Envoy versions)",
    examples: ['mesh pc bootstrap productpage-v1-7c5d9b8f6d-x2k4p.bookinfo | jq .bootstrap.node.id', 'mesh pc b deploy/productpage-v1.bookinfo -o short'],
    flags: {},
    adminPath: '/config_dump?mask=bootstrap',
    input: DUMP,
    defaultOutput: 'json',
  },
  {
    name: 'cluster',
    aliases: ['clusters', 'c'],
    summary: "List the Envoy clusters of a pod's proxy",
    description: `Clusters of the proxy in ${POD_ARG}, or of a saved config dump (--file).`,
    examples: [
      'mesh pc cluster productpage-v1-7c5d9b8f6d-x2k4p.bookinfo',
      '# the pod of a deployment; only port 9080',
      'mesh pc clusters deployment/productpage-v1 -n bookinfo --port 9080',
      '# full configuration of the inbound clusters, as JSON',
      "mesh pc c productpage-v1-7c5d9b8f6d-x2k4p --direction inbound -o json | jq '.[].name'",
      '# a dump saved earlier, or from stdin',
      'kubectl exec deploy/productpage-v1 -c istio-proxy -- curl -s localhost:15000/config_dump | mesh pc c -f -',
    ],
    flags: clusterFlags,
    adminPath: '/config_dump?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters',
    input: DUMP,
  },
  {
    name: 'ecds',
    aliases: ['ec'],
    summary: "List the extension configurations (ECDS: Wasm plugins, stats filters) of a pod's proxy",
    examples: ['mesh pc ecds productpage-v1-7c5d9b8f6d-x2k4p.bookinfo'],
    flags: {},
    adminPath: '/config_dump',
    input: DUMP,
  },
  {
    name: 'eds',
    summary: 'List the endpoints istiod sent (EDS, from the config dump), with locality',
    examples: ['mesh pc eds productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --cluster "outbound|9080|v2|reviews.bookinfo.svc.cluster.local"'],
    flags: endpointFlags,
    adminPath: '/config_dump?include_eds=true',
    input: 'Envoy config dump taken with ?include_eds',
  },
  {
    name: 'endpoint',
    aliases: ['endpoints', 'ep'],
    summary: "List the endpoints a pod's proxy balances to, with health and outlier-detection state",
    description: `Endpoints of every cluster, from the admin API's /clusters of the proxy in ${POD_ARG}, or from its saved JSON (--file).`,
    examples: [
      'mesh pc endpoint productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --cluster "outbound|9080||reviews.bookinfo.svc.cluster.local"',
      '# endpoints that are not healthy',
      'mesh pc ep deploy/productpage-v1.bookinfo --status unhealthy',
      "kubectl exec deploy/productpage-v1 -c istio-proxy -- curl -s 'localhost:15000/clusters?format=json' | mesh pc ep -f - --port 9080",
    ],
    flags: endpointFlags,
    adminPath: '/clusters?format=json',
    input: 'Envoy /clusters?format=json output',
  },
  {
    name: 'listener',
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
    flags: listenerFlags,
    adminPath: '/config_dump?mask=dynamic_listeners,static_listeners',
    input: DUMP,
  },
  {
    name: 'route',
    aliases: ['routes', 'r'],
    summary: "List the HTTP routes of a pod's proxy",
    description: `Route configurations of the proxy in ${POD_ARG}, or of a saved config dump (--file): one row per route, with the VirtualService that made it.`,
    examples: [
      'mesh pc route productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --name 9080',
      '# route configurations and their virtual host counts',
      'mesh pc routes deploy/istio-ingressgateway.istio-system --brief',
      "mesh pc r productpage-v1-7c5d9b8f6d-x2k4p --name 9080 -o json | jq '.[0].virtual_hosts[].name'",
    ],
    flags: routeFlags,
    adminPath: '/config_dump?mask=dynamic_route_configs,static_route_configs',
    input: DUMP,
  },
  {
    name: 'secret',
    aliases: ['secrets', 's'],
    summary: "List the certificates a pod's proxy holds (workload certificate, root CA, gateway credentials)",
    examples: [
      'mesh pc secret productpage-v1-7c5d9b8f6d-x2k4p.bookinfo',
      '# the root certificate, decoded',
      'mesh pc s deploy/productpage-v1.bookinfo -o json | jq -r \'.dynamic_active_secrets[] | select(.name=="ROOTCA") | .secret.validation_context.trusted_ca.inline_bytes\' | base64 -d | openssl x509 -noout -text',
    ],
    flags: {},
    adminPath: '/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets',
    input: DUMP,
  },
];

/** The entry of one view. */
export function viewCommand(name: View): ViewCommand {
  return VIEW_COMMANDS.find((v) => v.name === name)!;
}

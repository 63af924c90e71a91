/** `mesh waypoint generate|apply|list|status|delete`: ambient mode's L7 proxies (Gateway API Gateways of class istio-waypoint), as istioctl's. */
import { defineCommand } from '../types.js';
import { applyFlags, deleteFlags, generateFlags, listFlags, statusFlags } from './flags.js';

const generate = defineCommand({
  name: 'generate',
  summary: 'Print a waypoint Gateway as YAML (or JSON), without applying it',
  description:
    'The Gateway of class istio-waypoint (or --class istio-agentgateway-waypoint) with the HBONE listener `mesh` on 15008. ' +
    'istio.io/waypoint-for and istio.io/rev are set only when --for and --revision are given; istiod defaults the traffic type to service.',
  examples: [
    '# the waypoint of the default namespace, as istioctl prints it',
    'mesh waypoint generate -n default',
    '# a waypoint for traffic addressed to pods, reviewed then applied with kubectl',
    'mesh waypoint generate -n shop --name shop-wp --for workload | kubectl apply --server-side -f -',
  ],
  flags: generateFlags,
  async run(ctx, opts) {
    const { runGenerate } = await import('./run.js');
    return runGenerate(ctx, opts);
  },
});

const apply = defineCommand({
  name: 'apply',
  summary: 'Apply a waypoint to the namespace (server-side apply), optionally enrolling the namespace to use it',
  description:
    'Needs the Gateway API CRDs: without them nothing is applied and mesh exits 69. --enroll-namespace labels the namespace ' +
    'istio.io/use-waypoint=<name> after the Gateway is applied (and after it is Programmed with --wait).',
  examples: [
    '# a waypoint for the namespace, used by all its services, once ready',
    'mesh waypoint apply -n shop --enroll-namespace --wait',
    '# replace the waypoint the namespace uses',
    'mesh waypoint apply -n shop --name shop-wp --enroll-namespace --overwrite',
    '# an agentgateway waypoint for both service and workload traffic',
    'mesh waypoint apply -n shop --class istio-agentgateway-waypoint --for all',
  ],
  flags: applyFlags,
  async run(ctx, opts) {
    const { runApply } = await import('./run.js');
    return runApply(ctx, opts);
  },
});

const list = defineCommand({
  name: 'list',
  summary: 'List waypoints: NAME REVISION TRAFFIC TYPE PROGRAMMED',
  examples: ['mesh waypoint list -n shop', '# every namespace, as JSON', 'mesh waypoint list -A -o json | jq -r \'.[] | select(.programmed!="True") | .name\''],
  flags: listFlags,
  async run(ctx, opts) {
    const { runList } = await import('./run.js');
    return runList(ctx, opts);
  },
});

const status = defineCommand({
  name: 'status',
  summary: "Show waypoints' status conditions, or which waypoint a pod's or service's traffic uses and why not",
  arguments: [{ name: '[target]', description: 'a pod (name[.namespace], deployment/name) or service (svc/name[.namespace])' }],
  description:
    "Without a target: each waypoint's Programmed condition (NAME STATUS TYPE REASON MESSAGE), waiting up to --waypoint-timeout " +
    'for it unless --wait=false. With a pod or service: the waypoint its traffic goes through, or exactly why none: not in ambient ' +
    'mode, a sidecar, no istio.io/use-waypoint, a waypoint that is missing, not Programmed, not for this traffic, or of another revision.',
  examples: [
    'mesh waypoint status -n shop',
    '# print once, without waiting',
    'mesh waypoint status -A --wait=false',
    '# why does my pod not use its waypoint?',
    'mesh waypoint status productpage-v1-6b746f74dc-9stvs.bookinfo',
    'mesh waypoint status svc/reviews.bookinfo',
  ],
  flags: statusFlags,
  async run(ctx, opts, args) {
    const { runStatus } = await import('./run-status.js');
    return runStatus(ctx, opts, args[0]);
  },
});

const remove = defineCommand({
  name: 'delete',
  summary: 'Delete waypoints by name, --all in the namespace, or those of a --revision',
  arguments: [{ name: '[names...]' }],
  examples: [
    'mesh waypoint delete waypoint -n shop',
    'mesh waypoint delete wp1 wp2 -n shop',
    'mesh waypoint delete --all -n shop',
    'mesh waypoint delete -r canary -n shop',
  ],
  flags: deleteFlags,
  async run(ctx, opts, args) {
    const { runDelete } = await import('./run.js');
    return runDelete(ctx, opts, args);
  },
});

/** The `waypoint` command group. */
export const waypoint = defineCommand({
  name: 'waypoint',
  summary: 'Manage waypoints, the L7 proxies of ambient mode',
  description: 'A waypoint is a Gateway API Gateway of class istio-waypoint; workloads use it through the istio.io/use-waypoint label.',
  examples: ['mesh waypoint apply -n shop --enroll-namespace --wait', 'mesh waypoint list -A', 'mesh waypoint status deployment/productpage.shop'],
  subcommands: [generate, apply, list, status, remove],
});

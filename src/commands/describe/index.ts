/**
 * `mesh describe pod|service` (istioctl x describe): which Istio config applies to a workload and what it does,
 * from the live cluster or, with -f, offline from manifests. The work is in src/core/describe (pure) and
 * ./run.ts (I/O), loaded only when a subcommand runs.
 */
import { defineCommand } from '../types.js';
import { describeFlags } from './flags.js';

const pod = defineCommand({
  name: 'pod',
  aliases: ['po'],
  summary: 'Describe a pod and the Istio configuration that applies to it',
  arguments: [{ name: '<pod>' }],
  description:
    "Shows the pod's revision and ports, the Services selecting it, for each service port the DestinationRule " +
    '(matching subsets, traffic policy) and VirtualServices (routes, weights, whether they reach this pod), the effective ' +
    'PeerAuthentication mTLS mode, AuthorizationPolicies, the Sidecar resource, and ingress gateways exposing it. ' +
    'Name the pod as <pod-name[.namespace]>, or a workload as deployment/<name>[.namespace]. ' +
    'Facts are worked out from the Istio configuration (what istiod would apply), not read from the proxy.',
  examples: [
    "# a running pod (namespace from -n, else the context's)",
    'mesh describe pod productpage-v1-7d6cfb7dfd-5mc96 -n bookinfo',
    '# the pod of a deployment, namespace after the dot',
    'mesh describe pod deployment/reviews-v1.bookinfo',
    '# offline: what would apply to this deployment once the repository is applied',
    'mesh describe pod deployment/reviews-v1 -n bookinfo -f k8s/ -R',
    '# as JSON, for scripts',
    'mesh describe pod deployment/reviews-v1 -f k8s/ -o json | jq .peerAuthentication.mode',
  ],
  flags: describeFlags,
  async run(ctx, opts, args) {
    const { runDescribePod } = await import('./run.js');
    return runDescribePod(ctx, args[0]!, opts);
  },
});

const service = defineCommand({
  name: 'service',
  aliases: ['svc'],
  summary: 'Describe a service, its pods and the Istio configuration that applies to it',
  arguments: [{ name: '<service>' }],
  description:
    "Shows the service's ports and protocols, the pods it selects (and whether they have a sidecar), the " +
    'DestinationRule and VirtualServices for each port, and ingress gateways exposing it. Name it as <svc-name[.namespace]>.',
  examples: [
    'mesh describe service reviews -n bookinfo',
    'mesh describe svc productpage.bookinfo -o yaml',
    '# offline, from a GitOps repository',
    'mesh describe svc reviews.bookinfo -f k8s/ -R',
    '# pipe manifests in',
    'kustomize build overlays/prod | mesh describe svc reviews -n bookinfo -f -',
  ],
  flags: describeFlags,
  async run(ctx, opts, args) {
    const { runDescribeService } = await import('./run.js');
    return runDescribeService(ctx, args[0]!, opts);
  },
});

/** `mesh describe pod|service`. */
export const describe = defineCommand({
  name: 'describe',
  aliases: ['des'],
  summary: 'Describe a pod or service and the Istio configuration that applies to it',
  subcommands: [pod, service],
});

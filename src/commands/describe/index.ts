/**
 * `mesh describe pod|service` (istioctl x describe): which Istio config applies to a workload and what it does,
 * from the live cluster or, with -f, offline from manifests. The work is in src/core/describe (pure) and
 * describe-run.ts (I/O), loaded only when a subcommand runs.
 */
import { Option, type Command } from 'commander';
import type { LegacyCommandSpec } from './types.js';
import { durationMs, filenameOption, outputOption, recursiveOption } from './options.js';

/** Flags of both describe subcommands. */
export interface DescribeOptions {
  output: 'text' | 'json' | 'yaml';
  /** Manifests to describe offline instead of reading the cluster. */
  filename?: string[];
  recursive: boolean;
  /** Leave out warnings about pods without a sidecar (--ignore-unmeshed, or istioctl's --ignoreUnmeshed: same key). */
  ignoreUnmeshed?: boolean;
  /** Cluster read timeout in milliseconds. */
  timeout: number;
}

const flags = (cmd: Command): void => {
  cmd.addOption(outputOption(['text', 'json', 'yaml'], 'text'));
  cmd.addOption(filenameOption('describe offline from these manifests (file, directory, or - for stdin; repeatable) instead of the cluster'));
  cmd.addOption(recursiveOption());
  cmd.option('--ignore-unmeshed', 'leave out warnings about pods without an Istio sidecar');
  cmd.addOption(new Option('--ignoreUnmeshed', "istioctl's spelling of --ignore-unmeshed").hideHelp());
  cmd.addOption(new Option('--timeout <duration>', 'how long to wait for the cluster').argParser(durationMs).default(30_000, '30s'));
};

const pod: LegacyCommandSpec<DescribeOptions> = {
  name: 'pod',
  aliases: ['po'],
  summary: 'Describe a pod and the Istio configuration that applies to it',
  arguments: '<pod>',
  description: 'Shows the pod\'s revision and ports, the Services selecting it, for each service port the DestinationRule '
    + '(matching subsets, traffic policy) and VirtualServices (routes, weights, whether they reach this pod), the effective '
    + 'PeerAuthentication mTLS mode, AuthorizationPolicies, the Sidecar resource, and ingress gateways exposing it. '
    + 'Name the pod as <pod-name[.namespace]>, or a workload as deployment/<name>[.namespace]. '
    + 'Facts are worked out from the Istio configuration (what istiod would apply), not read from the proxy.',
  examples: [
    '# a running pod (namespace from -n, else the context\'s)',
    'mesh describe pod productpage-v1-7d6cfb7dfd-5mc96 -n bookinfo',
    '# the pod of a deployment, namespace after the dot',
    'mesh describe pod deployment/reviews-v1.bookinfo',
    '# offline: what would apply to this deployment once the repository is applied',
    'mesh describe pod deployment/reviews-v1 -n bookinfo -f k8s/ -R',
    '# as JSON, for scripts',
    'mesh describe pod deployment/reviews-v1 -f k8s/ -o json | jq .peerAuthentication.mode',
  ],
  options: flags,
  async run(ctx, opts, args) {
    const { runDescribePod } = await import('./describe-run.js');
    return runDescribePod(ctx, args[0]!, opts);
  },
};

const service: LegacyCommandSpec<DescribeOptions> = {
  name: 'service',
  aliases: ['svc'],
  summary: 'Describe a service, its pods and the Istio configuration that applies to it',
  arguments: '<service>',
  description: 'Shows the service\'s ports and protocols, the pods it selects (and whether they have a sidecar), the '
    + 'DestinationRule and VirtualServices for each port, and ingress gateways exposing it. Name it as <svc-name[.namespace]>.',
  examples: [
    'mesh describe service reviews -n bookinfo',
    'mesh describe svc productpage.bookinfo -o yaml',
    '# offline, from a GitOps repository',
    'mesh describe svc reviews.bookinfo -f k8s/ -R',
    '# pipe manifests in',
    'kustomize build overlays/prod | mesh describe svc reviews -n bookinfo -f -',
  ],
  options: flags,
  async run(ctx, opts, args) {
    const { runDescribeService } = await import('./describe-run.js');
    return runDescribeService(ctx, args[0]!, opts);
  },
};

/** `mesh describe pod|service`. */
export const describe: LegacyCommandSpec = {
  name: 'describe',
  aliases: ['des'],
  summary: 'Describe a pod or service and the Istio configuration that applies to it',
  subcommands: [pod, service],
};

/** `mesh x authz check`: the AuthorizationPolicies a pod's Envoy enforces, from its config dump. */
import { defineCommand } from '../../types.js';
import { authzCheckFlags } from './flags.js';

const check = defineCommand({
  name: 'check',
  arguments: [{ name: '[pod]', description: '<pod-name[.namespace]> or <type>/<name>[.namespace]' }],
  summary: 'List the AuthorizationPolicies applied to a pod, as its Envoy has them',
  description:
    "Reads the pod's Envoy config dump (admin port 15000, through a port-forward) or a saved one (-f) and lists the policies of " +
    'its RBAC filters: ACTION, the policy (name.namespace) and how many of its rules reached the proxy. It shows what Envoy ' +
    'enforces after istiod merged the mesh-, namespace- and workload-level policies; a policy missing here never reached it.',
  examples: [
    'mesh x authz check httpbin-88ddbcfdd-nt5jb',
    '# one pod of a deployment',
    'mesh x authz check deployment/productpage-v1.bookinfo',
    '# a saved dump',
    'kubectl exec httpbin-88ddbcfdd-nt5jb -c istio-proxy -- curl -s localhost:15000/config_dump > dump.json',
    'mesh x authz check -f dump.json',
    'mesh x authz check -f dump.json -o json | jq -r \'.[] | select(.action=="DENY") | .policy\'',
  ],
  flags: authzCheckFlags,
  async run(ctx, opts, args) {
    const { runAuthzCheck } = await import('./run.js');
    return runAuthzCheck(ctx, opts, args[0]);
  },
});

/** The `x authz` command group. */
export const authz = defineCommand({
  name: 'authz',
  summary: 'Inspect AuthorizationPolicies as proxies enforce them',
  examples: ['mesh x authz check httpbin-88ddbcfdd-nt5jb.default'],
  subcommands: [check],
});

/** `mesh x check-inject` (istioctl x check-inject): why a pod, a workload's pods or a namespace is (or would be) injected. */
import { defineCommand } from '../../types.js';
import { checkInjectFlags } from './flags.js';

/** `mesh x check-inject`. */
export const checkInject = defineCommand({
  name: 'check-inject',
  summary: 'Check whether a pod, deployment or namespace is (or will be) injected, and why',
  arguments: [{ name: '[target]', description: '[<type>/]<name>[.<namespace>]: a pod, deployment/…, or namespace/<name>' }],
  description:
    "Evaluates every Istio injection webhook's namespaceSelector and objectSelector (revisions, tags, istio-injection and " +
    'istio.io/rev namespace labels, sidecar.istio.io/inject and istio.io/rev pod labels) against the namespace and the pod, ' +
    'and prints one row per webhook: WEBHOOK, REVISION, INJECTED, REASON. A workload without running pods is checked with its ' +
    "pod template's labels, a namespace/<name> with no pod labels.\n" +
    'Exit status 79 when more than one webhook would inject the pod (injection would fail or be doubled); 69 when the cluster has ' +
    'no Istio injection webhook.',
  examples: [
    '# a running pod',
    'mesh x check-inject details-v1-fcff6c49c-kqnfk.test',
    "# a deployment's pods (or its template, before it runs)",
    'mesh x check-inject deployment/details-v1 -n test',
    '# labels of a pod you are about to create',
    'mesh x check-inject -n test -l app=helloworld,version=v1',
    '# a whole namespace, as JSON',
    "mesh x check-inject namespace/test -o json | jq '.[] | select(.injected)'",
  ],
  flags: checkInjectFlags,
  async run(ctx, opts, args) {
    const { runCheckInject } = await import('./run.js');
    return runCheckInject(ctx, args[0], opts);
  },
});

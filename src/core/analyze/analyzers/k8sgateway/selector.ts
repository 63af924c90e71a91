/**
 * IST0166: a policy whose workload selector picks the pods of a Kubernetes (Gateway API) Gateway has no effect
 * there: those proxies take policies through targetRefs. Gateway pods are the workloads labelled with
 * gateway.networking.k8s.io/gateway-name, plus, for Gateways of an Istio class found without their pods (files),
 * the pods Istio will deploy for them with that label.
 */
import type { Analyzer } from '../../types.js';
import { obj, strMap } from '../../../model/access.js';
import { isEmpty, selects } from '../../../model/selectors.js';
import { WORKLOAD_KINDS, workloads } from '../../../model/workloads.js';
import { scalarString } from '../../../tree.js';

const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';
const KUBE_GATEWAY = 'Gateway.gateway.networking.k8s.io';
const POLICY_KINDS = ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin'] as const;

export const ineffectiveSelector: Analyzer = {
  meta: {
    name: 'k8sgateway.SelectorAnalyzer',
    description: 'Checks that policy selectors do not pick the pods of Kubernetes Gateways, where only targetRefs take effect',
    inputs: [...POLICY_KINDS, KUBE_GATEWAY, ...WORKLOAD_KINDS],
    codes: ['IST0166'],
  },
  analyze(ctx) {
    // Namespace → label sets of gateway pods.
    let pods: Map<string, Record<string, string>[]> | undefined;
    const gatewayPods = (): Map<string, Record<string, string>[]> => {
      if (pods) return pods;
      const found = new Map<string, Record<string, string>[]>();
      const add = (ns: string, labels: Record<string, string>): void => void found.set(ns, [...(found.get(ns) ?? []), labels]);
      for (const w of workloads(ctx)) if (w.labels[GATEWAY_NAME] !== undefined) add(w.namespace, w.labels);
      ctx.forEach(KUBE_GATEWAY, (gw) => {
        const deployed = found.get(gw.namespace)?.some((l) => l[GATEWAY_NAME] === gw.name);
        if (!deployed && (scalarString(obj(gw.object.spec).gatewayClassName) ?? '').startsWith('istio')) add(gw.namespace, { [GATEWAY_NAME]: gw.name });
      });
      return (pods = found);
    };
    for (const kind of POLICY_KINDS) {
      ctx.forEach(kind, (policy) => {
        const spec = obj(policy.object.spec);
        if (spec.targetRef !== undefined || spec.targetRefs !== undefined || spec.selector === undefined) return;
        const selector = strMap(obj(spec.selector).matchLabels);
        if (isEmpty(selector)) return;
        const names = new Set<string>();
        for (const labels of gatewayPods().get(policy.namespace) ?? []) if (selects(selector, labels)) names.add(labels[GATEWAY_NAME]!);
        for (const name of [...names].sort()) ctx.report(policy, 'IST0166', [name], ['spec', 'selector']);
      });
    }
  },
};

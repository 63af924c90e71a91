/**
 * IST0102/IST0103/IST0123/IST0148: namespaces say whether they are injected, with one kind of label, and pods
 * in injected namespaces carry the proxy.
 */
import type { Analyzer } from '../../types.js';
import { obj } from '../../../model/access.js';
import { injectorValues } from './injector.js';
import { proxyImage } from '../../../model/workloads.js';

export const injection: Analyzer = {
  meta: {
    name: 'injection.Analyzer',
    description: 'Checks that namespaces are labelled for sidecar injection and that pods there were injected',
    inputs: ['Namespace', 'Pod', 'ConfigMap'],
    codes: ['IST0102', 'IST0103', 'IST0123', 'IST0148'],
  },
  analyze(ctx) {
    const injected = new Set<string>();
    ctx.forEach('Namespace', (ns) => {
      if (ns.name === ctx.istioNamespace || ns.name.startsWith('kube-')) return;
      const legacy = ns.labels['istio-injection'];
      const rev = ns.labels['istio.io/rev'];
      const mode = ns.labels['istio.io/dataplane-mode'];
      const labels: string[] = [];
      if (legacy !== undefined) labels.push(`istio-injection=${legacy}`);
      if (legacy === undefined || legacy === 'enabled') {
        if (rev !== undefined) labels.push(`istio.io/rev=${rev}`);
        if (mode !== undefined) labels.push(`istio.io/dataplane-mode=${mode}`);
      }
      if (labels.length > 1) ctx.report(ns, 'IST0123', [labels], ['metadata', 'labels']);
      if (mode === 'ambient') return;
      if (legacy === undefined && rev === undefined) {
        const values = injectorValues(ctx, undefined);
        if (obj(values?.sidecarInjectorWebhook).enableNamespacesByDefault === true) ctx.report(ns, 'IST0148', []);
        else ctx.report(ns, 'IST0102', [ns.name, ns.name]);
        return;
      }
      if (legacy === 'enabled' || (legacy === undefined && rev !== undefined)) injected.add(ns.name);
    });
    ctx.forEach('Pod', (pod) => {
      if (!injected.has(pod.namespace)) return;
      const opt = pod.labels['sidecar.istio.io/inject'] ?? pod.annotations['sidecar.istio.io/inject'];
      if (opt?.toLowerCase() === 'false') return;
      const spec = obj(pod.object.spec);
      if (spec.hostNetwork === true || proxyImage(spec)) return;
      ctx.report(pod, 'IST0103', [`${pod.namespace}/${pod.name}`]);
    });
  },
};

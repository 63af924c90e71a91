/** IST0146/IST0147: workloads with `image: auto` on istio-proxy are selected by an Istio injection webhook. */
import type { Analyzer } from '../../types.js';
import { arr, obj, strMap, strs } from '../../../model/access.js';
import { selects } from '../../../model/selectors.js';
import { scalarString } from '../../../tree.js';

interface Hook {
  namespaceSelector: unknown;
  objectSelector: unknown;
}

export const imageAuto: Analyzer = {
  meta: {
    name: 'injection.ImageAutoAnalyzer',
    description: 'Checks that Pods and Deployments with `image: auto` will be injected',
    inputs: ['Namespace', 'Pod', 'Deployment', 'MutatingWebhookConfiguration'],
    codes: ['IST0146', 'IST0147'],
  },
  analyze(ctx) {
    const hooks: Hook[] = [];
    ctx.forEach('MutatingWebhookConfiguration', (r) => {
      for (const w of arr(r.object.webhooks).map(obj)) {
        if ((scalarString(w.name) ?? '').endsWith('istio.io')) hooks.push({ namespaceSelector: w.namespaceSelector, objectSelector: w.objectSelector });
      }
    });
    const namespaces = new Map<string, Record<string, string>>();
    ctx.forEach('Namespace', (n) => void namespaces.set(n.name, n.labels));
    const nsLabels = (ns: string): Record<string, string> => namespaces.get(ns) ?? {};
    const injectedBy = (ns: string, labels: Record<string, string>): boolean =>
      hooks.some((h) => matchesSelector(h.namespaceSelector, nsLabels(ns)) && matchesSelector(h.objectSelector, labels));
    ctx.forEach('Pod', (pod) => {
      if (hasAutoImage(obj(pod.object.spec))) ctx.report(pod, 'IST0147', ['Pod', pod.name]);
    });
    ctx.forEach('Deployment', (d) => {
      const template = obj(obj(d.object.spec).template);
      if (!hasAutoImage(obj(template.spec))) return;
      if (!injectedBy(d.namespace, strMap(obj(template.metadata).labels))) ctx.report(d, 'IST0146', ['Deployment', d.name]);
    });
  },
};

function hasAutoImage(spec: Record<string, unknown>): boolean {
  return arr(spec.containers).some((c) => obj(c).name === 'istio-proxy' && obj(c).image === 'auto');
}

/** A Kubernetes LabelSelector (matchLabels + matchExpressions); a missing selector matches everything. */
export function matchesSelector(selector: unknown, labels: Record<string, string>): boolean {
  if (selector === undefined || selector === null) return true;
  const s = obj(selector);
  if (!selects(strMap(s.matchLabels), labels)) return false;
  return arr(s.matchExpressions).every((e) => {
    const { key, operator, values } = obj(e);
    const k = scalarString(key) ?? '';
    const vals = strs(values);
    switch (operator) {
      case 'In':
        return k in labels && vals.includes(labels[k]!);
      case 'NotIn':
        return !(k in labels) || !vals.includes(labels[k]!);
      case 'Exists':
        return k in labels;
      case 'DoesNotExist':
        return !(k in labels);
      default:
        return false;
    }
  });
}

/** IST0101/IST0110/IST0111/IST0167: Sidecar selectors match workloads, and at most one Sidecar applies to each. */
import type { Analyzer, Resource } from '../../types.js';
import { obj, strMap } from '../../../model/access.js';
import { isEmpty, selectorString } from '../../../model/selectors.js';
import { WORKLOAD_KINDS, workloadIndex, workloadsKnown } from '../../../model/workloads.js';

export const sidecarSelector: Analyzer = {
  meta: {
    name: 'sidecar.SelectorAnalyzer',
    description: 'Checks that Sidecar workload selectors match workloads and that no two Sidecars apply to the same workload',
    inputs: ['Sidecar', 'Namespace', ...WORKLOAD_KINDS],
    codes: ['IST0101', 'IST0110', 'IST0111', 'IST0167'],
  },
  analyze(ctx) {
    const all = workloadsKnown(ctx) ? workloadIndex(ctx) : undefined;
    const defaults = new Map<string, Resource[]>();
    const perWorkload = new Map<Resource, { ns: string; sidecars: Resource[] }>();
    ctx.forEach('Sidecar', (sc) => {
      const selector = strMap(obj(obj(sc.object.spec).workloadSelector).labels);
      if (isEmpty(selector)) {
        defaults.set(sc.namespace, [...(defaults.get(sc.namespace) ?? []), sc]);
        return;
      }
      if (!all) return;
      const matched = all.select(selector, sc.namespace);
      if (matched.length === 0) ctx.report(sc, 'IST0101', ['selector', selectorString(selector)], ['spec', 'workloadSelector']);
      for (const w of matched) {
        if (w.annotations['ambient.istio.io/redirection'] === 'enabled') {
          ctx.report(sc, 'IST0167', ['the selected workload is in ambient mode, where Sidecar resources do not apply']);
          continue;
        }
        const entry = perWorkload.get(w.resource) ?? { ns: w.namespace, sidecars: [] };
        entry.sidecars.push(sc);
        perWorkload.set(w.resource, entry);
      }
    });
    for (const [workload, { ns, sidecars }] of perWorkload) {
      if (sidecars.length < 2) continue;
      const names = sidecars.map((s) => s.name).sort();
      for (const sc of sidecars) ctx.report(sc, 'IST0110', [names, ns, workload.name], ['spec', 'workloadSelector']);
    }
    for (const [ns, sidecars] of defaults) {
      const nsRes = ctx.find('Namespace', '', ns);
      if (nsRes?.labels['istio.io/dataplane-mode'] === 'ambient') {
        for (const sc of sidecars) ctx.report(sc, 'IST0167', ['the namespace is in ambient mode, where Sidecar resources do not apply']);
        continue;
      }
      if (sidecars.length < 2) continue;
      const names = sidecars.map((s) => s.name).sort();
      for (const sc of sidecars) ctx.report(sc, 'IST0111', [names, ns]);
    }
  },
};

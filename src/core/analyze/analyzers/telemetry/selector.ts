/** IST0101/IST0159/IST0160: Telemetry selectors match workloads; at most one Telemetry applies to each workload or namespace. */
import type { Analyzer, Resource } from '../../types.js';
import { obj, strMap } from '../../../model/access.js';
import { isEmpty, selectorString } from '../../../model/selectors.js';
import { WORKLOAD_KINDS, workloadIndex, workloadsKnown } from '../../../model/workloads.js';

export const telemetrySelector: Analyzer = {
  meta: {
    name: 'telemetry.SelectorAnalyzer',
    description: 'Checks that Telemetry selectors match workloads and that no two Telemetries apply to the same workload',
    inputs: ['Telemetry', ...WORKLOAD_KINDS],
    codes: ['IST0101', 'IST0159', 'IST0160'],
  },
  analyze(ctx) {
    const all = workloadsKnown(ctx) ? workloadIndex(ctx) : undefined;
    const defaults = new Map<string, Resource[]>();
    const perWorkload = new Map<Resource, Resource[]>();
    ctx.forEach('Telemetry', (t) => {
      const spec = obj(t.object.spec);
      const selector = strMap(obj(spec.selector).matchLabels);
      if (spec.targetRef !== undefined || spec.targetRefs !== undefined) return;
      if (isEmpty(selector)) {
        defaults.set(t.namespace, [...(defaults.get(t.namespace) ?? []), t]);
        return;
      }
      if (!all) return;
      const matched = all.select(selector, t.namespace);
      if (matched.length === 0) ctx.report(t, 'IST0101', ['selector', selectorString(selector)], ['spec', 'selector']);
      for (const w of matched) perWorkload.set(w.resource, [...(perWorkload.get(w.resource) ?? []), t]);
    });
    for (const [w, list] of perWorkload) {
      if (list.length < 2) continue;
      const names = list.map((t) => t.name).sort();
      for (const t of list) ctx.report(t, 'IST0159', [names, w.namespace, w.name], ['spec', 'selector']);
    }
    for (const [ns, list] of defaults) {
      if (list.length < 2) continue;
      const names = list.map((t) => t.name).sort();
      for (const t of list) ctx.report(t, 'IST0160', [names, ns]);
    }
  },
};

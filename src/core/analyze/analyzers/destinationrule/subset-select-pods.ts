/** IST0173/IST0174: a DestinationRule's host is a known service, and each subset selects some of its pods. */
import type { Analyzer } from '../../types.js';
import { arr, obj, strMap } from '../../../model/access.js';
import { serviceRegistry } from '../../../model/hosts.js';
import { selects } from '../../../model/selectors.js';
import { WORKLOAD_KINDS, workloadIndex, workloadsKnown } from '../../../model/workloads.js';
import { scalarString } from '../../../tree.js';

export const subsetSelectPods: Analyzer = {
  meta: {
    name: 'destinationrule.SubsetSelectPodAnalyzer',
    description: "Checks that a DestinationRule's host exists and that each of its subsets selects pods",
    inputs: ['DestinationRule', 'Service', 'ServiceEntry', ...WORKLOAD_KINDS],
    codes: ['IST0173', 'IST0174'],
  },
  analyze(ctx) {
    const registry = serviceRegistry(ctx);
    const hostsKnown = ctx.knows('Service') || ctx.knows('ServiceEntry');
    const all = workloadsKnown(ctx) ? workloadIndex(ctx) : undefined;
    ctx.forEach('DestinationRule', (dr) => {
      const spec = obj(dr.object.spec);
      const host = scalarString(spec.host);
      if (!host) return;
      const svc = registry.lookup(dr.namespace, host);
      if (!svc) {
        if (hostsKnown && !host.startsWith('*')) ctx.report(dr, 'IST0174', [host], ['spec', 'host']);
        return;
      }
      // Subsets narrow the service's own selector; services without one (external, headless) are out of reach.
      if (!all || Object.keys(svc.selector).length === 0) return;
      const backends = all.select(svc.selector, svc.resource.kind === 'Service' ? svc.resource.namespace : undefined);
      arr(spec.subsets).forEach((s, i) => {
        const name = scalarString(obj(s).name) ?? `#${i}`;
        const labels = strMap(obj(s).labels);
        if (!backends.some((w) => selects(labels, w.labels))) ctx.report(dr, 'IST0173', [name, host], ['spec', 'subsets', i]);
      });
    });
  },
};

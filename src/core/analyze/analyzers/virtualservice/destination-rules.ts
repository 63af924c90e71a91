/** IST0101: a route destination's subset is defined by a DestinationRule for that host. */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { toFqdn } from '../../../model/hosts.js';
import { destinationsOf } from './routes.js';
import { scalarString } from '../../../tree.js';

export const destinationRules: Analyzer = {
  meta: {
    name: 'virtualservice.DestinationRuleAnalyzer',
    description: 'Checks that the subsets each VirtualService routes to are defined in a DestinationRule',
    inputs: ['VirtualService', 'DestinationRule'],
    codes: ['IST0101'],
  },
  analyze(ctx) {
    if (!ctx.knows('DestinationRule')) return;
    const subsets = new Set<string>();
    ctx.forEach('DestinationRule', (dr) => {
      const spec = obj(dr.object.spec);
      const host = scalarString(spec.host);
      if (!host) return;
      for (const s of arr(spec.subsets)) {
        const name = scalarString(obj(s).name);
        if (name) subsets.add(`${toFqdn(dr.namespace, host)}+${name}`);
      }
    });
    ctx.forEach('VirtualService', (vs) => {
      for (const d of destinationsOf(vs)) {
        if (!d.subset || subsets.has(`${toFqdn(vs.namespace, d.host)}+${d.subset}`)) continue;
        const what = d.role === 'mirror' ? 'mirror+subset in destinationrule' : 'host+subset in destinationrule';
        ctx.report(vs, 'IST0101', [what, `${d.host}+${d.subset}`], [...d.path, 'subset']);
      }
    });
  },
};

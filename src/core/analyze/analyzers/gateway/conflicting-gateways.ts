/** IST0145: two Gateways select the same workload and bind the same port with overlapping hosts. */
import type { Analyzer, Resource } from '../../types.js';
import { arr, num, obj, strMap, strs } from '../../../model/access.js';
import { hostsOverlap } from '../../../model/hosts.js';
import { selectorString } from '../../../model/selectors.js';
import { scalarString } from '../../../tree.js';

interface Binding {
  gw: Resource;
  selector: string;
  port: number;
  bind: string;
  hosts: string[];
  index: number;
}

export const conflictingGateways: Analyzer = {
  meta: {
    name: 'gateway.ConflictingGatewayAnalyzer',
    description: 'Checks that Gateways on the same workload and port do not serve the same hosts',
    inputs: ['Gateway'],
    codes: ['IST0145'],
  },
  analyze(ctx) {
    const bindings: Binding[] = [];
    ctx.forEach('Gateway', (gw) => {
      const selector = selectorString(strMap(obj(gw.object.spec).selector));
      arr(obj(gw.object.spec).servers).forEach((s, index) => {
        const port = num(obj(obj(s).port).number);
        if (port === undefined) return;
        bindings.push({ gw, selector, port, bind: scalarString(obj(s).bind) ?? '', hosts: strs(obj(s).hosts).map(bareHost), index });
      });
    });
    for (const b of bindings) {
      const others = bindings.filter(
        (o) =>
          o.gw !== b.gw && o.selector === b.selector && o.port === b.port && o.bind === b.bind && o.hosts.some((h) => b.hosts.some((x) => hostsOverlap(h, x))),
      );
      if (others.length === 0) continue;
      const names = [...new Set(others.map((o) => `${o.gw.namespace}/${o.gw.name}`))].sort().join(',');
      ctx.report(b.gw, 'IST0145', [names, b.selector, b.port, b.hosts.join(',')], ['spec', 'servers', b.index]);
    }
  },
};

function bareHost(h: string): string {
  return h.includes('/') ? h.slice(h.indexOf('/') + 1) : h;
}

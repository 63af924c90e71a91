/** IST0101/IST0162: a Gateway's selector picks some workload, and its ports are exposed by that workload's Service. */
import type { Analyzer } from '../../types.js';
import { arr, num, obj, strMap } from '../../../model/access.js';
import { selectorString, selects } from '../../../model/selectors.js';
import { WORKLOAD_KINDS, workloadIndex, workloadsKnown } from '../../../model/workloads.js';
import { scalarString } from '../../../tree.js';

export const ingressGatewayPort: Analyzer = {
  meta: {
    name: 'gateway.IngressGatewayPortAnalyzer',
    description: "Checks that a Gateway's selector matches a workload whose Service exposes the Gateway's ports",
    inputs: ['Gateway', ...WORKLOAD_KINDS, 'Service'],
    codes: ['IST0101', 'IST0162'],
  },
  analyze(ctx) {
    if (!workloadsKnown(ctx)) return;
    const all = workloadIndex(ctx);
    const services: { ns: string; selector: Record<string, string>; ports: unknown[] }[] = [];
    ctx.forEach('Service', (s) => void services.push({ ns: s.namespace, selector: strMap(obj(s.object.spec).selector), ports: arr(obj(s.object.spec).ports) }));
    ctx.forEach('Gateway', (gw) => {
      const selector = strMap(obj(gw.object.spec).selector);
      const matched = all.select(selector);
      if (matched.length === 0) {
        ctx.report(gw, 'IST0101', ['selector', selectorString(selector)], ['spec', 'selector']);
        return;
      }
      // Ports reachable through a Service in front of the matched workloads: target ports and service ports.
      const exposed = new Set<number>();
      for (const w of matched) {
        for (const svc of services) {
          if (svc.ns !== w.namespace || Object.keys(svc.selector).length === 0 || !selects(svc.selector, w.labels)) continue;
          for (const p of svc.ports.map(obj)) {
            if ((scalarString(p.protocol) ?? 'TCP') !== 'TCP') continue;
            const port = num(p.port);
            const target = num(p.targetPort);
            if (port !== undefined) exposed.add(port);
            if (target !== undefined) exposed.add(target);
          }
        }
      }
      arr(obj(gw.object.spec).servers).forEach((server, i) => {
        const port = num(obj(obj(server).port).number);
        if (port !== undefined && !exposed.has(port)) ctx.report(gw, 'IST0162', [port, selectorString(selector)], ['spec', 'servers', i, 'port']);
      });
    });
  },
};

/** IST0101/IST0132: the gateways a VirtualService binds to exist and serve at least one of its hosts. */
import type { AnalysisContext, Analyzer, Resource } from '../../types.js';
import { arr, obj, strs } from '../util/access.js';
import { hostsOverlap } from '../util/hosts.js';
import { gatewaysOf } from './routes.js';

export const gateways: Analyzer = {
  meta: {
    name: 'virtualservice.GatewayAnalyzer',
    description: 'Checks that the gateways of each VirtualService exist and serve its hosts',
    inputs: ['VirtualService', 'Gateway'],
    codes: ['IST0101', 'IST0132'],
  },
  analyze(ctx) {
    const known = ctx.knows('Gateway');
    ctx.forEach('VirtualService', (vs) => {
      const hosts = strs(obj(vs.object.spec).hosts);
      gatewaysOf(vs).forEach((ref, i) => {
        if (ref === 'mesh') return;
        const [ns, name] = ref.includes('/') ? [ref.slice(0, ref.indexOf('/')), ref.slice(ref.indexOf('/') + 1)] : [vs.namespace, ref];
        const gw = findGateway(ctx, ns, name);
        if (!gw) {
          if (known) ctx.report(vs, 'IST0101', ['gateway', ref], ['spec', 'gateways', i]);
          return;
        }
        const served = serverHosts(gw, vs.namespace);
        if (hosts.length && !hosts.some((h) => served.some((s) => hostsOverlap(s, h)))) {
          ctx.report(vs, 'IST0132', [hosts, `${vs.namespace}/${vs.name}`, `${gw.namespace}/${gw.name}`], ['spec', 'gateways', i]);
        }
      });
    });
  },
};

/** `ns/name` where `name` may also be a FQDN-ish `name.ns.svc.cluster.local`, as Istio accepts. */
function findGateway(ctx: AnalysisContext, ns: string, name: string): Resource | undefined {
  const m = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(name);
  return m ? ctx.find('Gateway', m[2]!, m[1]!) : ctx.find('Gateway', ns, name);
}

/** The hosts a gateway's servers expose to VirtualServices in `vsNamespace` (`ns/host` forms resolved). */
function serverHosts(gw: Resource, vsNamespace: string): string[] {
  const out: string[] = [];
  for (const server of arr(obj(gw.object.spec).servers)) {
    for (const h of strs(obj(server).hosts)) {
      const slash = h.indexOf('/');
      if (slash < 0) out.push(h);
      else {
        const ns = h.slice(0, slash);
        const host = h.slice(slash + 1);
        if (ns === '*' || ns === vsNamespace || (ns === '.' && gw.namespace === vsNamespace)) out.push(host);
      }
    }
  }
  return out;
}

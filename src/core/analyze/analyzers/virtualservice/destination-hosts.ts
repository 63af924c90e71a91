/**
 * IST0101/IST0112: every route destination names a known Service or ServiceEntry host, and a port when it must.
 * IST0140: a gateway route to a host without a subset, while another VirtualService splits that host by subset:
 * the gateway's proxy applies only the VirtualService bound to it, so the subset split never sees gateway traffic.
 */
import type { AnalysisContext, Analyzer, Resource } from '../../types.js';
import { obj, strs } from '../../../model/access.js';
import { serviceRegistry, toFqdn } from '../../../model/hosts.js';
import { destinationsOf, gatewaysOf } from './routes.js';

export const destinationHosts: Analyzer = {
  meta: {
    name: 'virtualservice.DestinationHostAnalyzer',
    description:
      'Checks that the destination hosts of each VirtualService exist, with a port when the host has several, and that gateway routes do not bypass subset routing',
    inputs: ['VirtualService', 'Service', 'ServiceEntry'],
    codes: ['IST0101', 'IST0112', 'IST0140'],
  },
  analyze(ctx) {
    const registry = serviceRegistry(ctx);
    const canTellMissing = ctx.knows('Service') || ctx.knows('ServiceEntry');
    const splits = subsetSplits(ctx);
    ctx.forEach('VirtualService', (vs) => {
      const viaGateways = gatewaysOf(vs).filter((g) => g !== 'mesh');
      for (const d of destinationsOf(vs)) {
        if (viaGateways.length && d.role === 'route' && d.path[1] === 'http' && !d.subset) {
          for (const other of splits.get(toFqdn(vs.namespace, d.host)) ?? []) {
            if (other !== vs) ctx.report(vs, 'IST0140', [d.host, `${other.namespace}/${other.name}`, viaGateways.join(', ')], [...d.path, 'host']);
          }
        }
        const svc = registry.lookup(vs.namespace, d.host);
        if (!svc) {
          if (canTellMissing) ctx.report(vs, 'IST0101', [d.role === 'mirror' ? 'mirror host' : 'host', d.host], [...d.path, 'host']);
          continue;
        }
        if (d.port === undefined) {
          // A Service with several ports is fine without a port: Istio matches the request's port. ServiceEntries are not.
          if (svc.resource.kind === 'ServiceEntry' && svc.ports.length > 1) {
            ctx.report(vs, 'IST0112', [d.host, svc.ports.map((p) => p.number)], d.path);
          }
        } else if (svc.ports.length > 0 && !svc.ports.some((p) => p.number === d.port)) {
          ctx.report(vs, 'IST0101', ['host:port', `${d.host}:${d.port}`], [...d.path, 'port']);
        }
      }
    });
  },
};

/** FQDN → VirtualServices that route their own host to subsets of it (the subset split of that host). */
function subsetSplits(ctx: AnalysisContext): Map<string, Resource[]> {
  const splits = new Map<string, Resource[]>();
  ctx.forEach('VirtualService', (vs) => {
    const own = new Set(strs(obj(vs.object.spec).hosts).map((h) => toFqdn(vs.namespace, h)));
    for (const d of destinationsOf(vs)) {
      const fqdn = toFqdn(vs.namespace, d.host);
      if (d.role !== 'route' || d.path[1] !== 'http' || !d.subset || !own.has(fqdn)) continue;
      const list = splits.get(fqdn) ?? [];
      if (!list.includes(vs)) list.push(vs);
      splits.set(fqdn, list);
    }
  });
  return splits;
}

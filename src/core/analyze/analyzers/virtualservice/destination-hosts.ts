/** IST0101/IST0112: every route destination names a known Service or ServiceEntry host, and a port when it must. */
import type { Analyzer } from '../../types.js';
import { serviceRegistry } from '../util/hosts.js';
import { destinationsOf } from './routes.js';

export const destinationHosts: Analyzer = {
  meta: {
    name: 'virtualservice.DestinationHostAnalyzer',
    description: 'Checks that the destination hosts of each VirtualService exist, with a port when the host has several',
    inputs: ['VirtualService', 'Service', 'ServiceEntry'],
    codes: ['IST0101', 'IST0112'],
  },
  analyze(ctx) {
    const registry = serviceRegistry(ctx);
    const canTellMissing = ctx.knows('Service') || ctx.knows('ServiceEntry');
    ctx.forEach('VirtualService', (vs) => {
      for (const d of destinationsOf(vs)) {
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

/** TLS and TCP routes: TLS routes match SNI hosts covered by the VirtualService's hosts; subnets are valid IPs or CIDRs. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';
import { ipOrCidrError } from '../net.js';

/** True when `host` is covered by `pattern` (exact, or `*.suffix` / `*` wildcard). */
export function hostCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === '*' || p === h) return true;
  if (p.startsWith('*')) return h.endsWith(p.slice(1)) || (h.startsWith('*') && h.slice(1).endsWith(p.slice(1)));
  return false;
}

export const virtualServiceL4Routes: SemanticRule = {
  name: 'virtualservice.l4-routes',
  description: 'TLS routes have SNI hosts within the VirtualService hosts; TCP and TLS match subnets are valid',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    const hosts: string[] = Array.isArray(spec.hosts) ? spec.hosts.filter((h: unknown) => typeof h === 'string') : [];
    each(spec.tls, (tls: any, i) => {
      if (Array.isArray(tls?.match) && tls.match.length === 0) ctx.report(['spec', 'tls', i, 'match'], 'a TLS route needs at least one match');
      each(tls?.match, (m: any, j) => {
        if (Array.isArray(m?.sniHosts) && m.sniHosts.length === 0) ctx.report(['spec', 'tls', i, 'match', j, 'sniHosts'], 'sniHosts must not be empty');
        each<string>(m?.sniHosts, (sni, k) => {
          if (typeof sni === 'string' && !hosts.some((h) => hostCovers(h, sni))) {
            ctx.report(
              ['spec', 'tls', i, 'match', j, 'sniHosts', k],
              `SNI host "${sni}" is not one of the VirtualService's hosts (${hosts.join(', ') || 'none'})`,
            );
          }
        });
      });
    });
    for (const kind of ['tcp', 'tls']) {
      each(spec[kind], (route: any, i) =>
        each(route?.match, (m: any, j) => {
          each<string>(m?.destinationSubnets, (cidr, k) => {
            const problem = typeof cidr === 'string' ? ipOrCidrError(cidr) : undefined;
            if (problem) ctx.report(['spec', kind, i, 'match', j, 'destinationSubnets', k], problem);
          });
          if (typeof m?.sourceSubnet === 'string') {
            const problem = ipOrCidrError(m.sourceSubnet);
            if (problem) ctx.report(['spec', kind, i, 'match', j, 'sourceSubnet'], problem);
          }
        }),
      );
    }
  },
};

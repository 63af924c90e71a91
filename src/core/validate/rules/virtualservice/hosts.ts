/** VirtualService hosts: valid names or IPs, no bare `*` for the mesh, no duplicates; delegates (no hosts) carry only HTTP routes. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';
import { wildcardHostError } from '../names.js';
import { isIpAddress } from '../net.js';

/** True when the VirtualService is bound only to gateways, not to the mesh (sidecars). */
export function boundToGatewaysOnly(spec: any): boolean {
  const gateways: unknown[] = Array.isArray(spec.gateways) ? spec.gateways : [];
  return gateways.length > 0 && !gateways.includes('mesh');
}

export const virtualServiceHosts: SemanticRule = {
  name: 'virtualservice.hosts',
  description: 'hosts are valid names or IPs, unique, not * for mesh routes; delegate VirtualServices have no gateways, tls or tcp',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    const hosts: unknown[] = Array.isArray(spec.hosts) ? spec.hosts : [];
    if (hosts.length === 0) {
      for (const field of ['gateways', 'tls', 'tcp']) {
        if (Array.isArray(spec[field]) && spec[field].length)
          ctx.report(['spec', field], `a delegate VirtualService (one without hosts) must not set ${field}`);
      }
    }
    const meshBound = !boundToGatewaysOnly(spec);
    const seen = new Map<string, number>();
    each<string>(hosts, (host, i) => {
      if (typeof host !== 'string') return;
      const problem = wildcardHostError(host);
      if (problem && !isIpAddress(host)) ctx.report(['spec', 'hosts', i], `invalid host "${host}": ${problem}`);
      else if (host === '*' && meshBound)
        ctx.report(['spec', 'hosts', i], 'wildcard host * is not allowed for VirtualServices bound to the mesh (add a gateway, or name the hosts)');
      const key = host.toLowerCase();
      if (seen.has(key)) ctx.report(['spec', 'hosts', i], `duplicate host "${host}" (also hosts[${seen.get(key)}])`);
      else seen.set(key, i);
    });
    if (![spec.http, spec.tcp, spec.tls].some((r) => Array.isArray(r) && r.length))
      ctx.report(['spec'], 'a VirtualService needs at least one http, tcp or tls route');
  },
};

/** IST0109: two VirtualServices bound to the mesh gateway, visible in the same namespace, claim the same host. */
import type { Analyzer, Resource } from '../../types.js';
import { obj, strs } from '../../../model/access.js';
import { toFqdn } from '../../../model/hosts.js';
import { gatewaysOf } from './routes.js';

export const conflictingMeshGatewayHosts: Analyzer = {
  meta: {
    name: 'virtualservice.ConflictingMeshGatewayHostsAnalyzer',
    description: 'Checks that VirtualServices bound to the mesh gateway do not define the same host',
    inputs: ['VirtualService'],
    codes: ['IST0109'],
  },
  analyze(ctx) {
    // host → the VirtualServices claiming it, each with the namespaces it is exported to ('*' = all).
    const claims = new Map<string, { vs: Resource; scopes: string[] }[]>();
    ctx.forEach('VirtualService', (vs) => {
      const gws = gatewaysOf(vs);
      if (gws.length && !gws.includes('mesh')) return;
      const exportTo = strs(obj(vs.object.spec).exportTo);
      const scopes = exportTo.length === 0 || exportTo.includes('*') ? ['*'] : exportTo.map((e) => (e === '.' ? vs.namespace : e));
      for (const host of new Set(strs(obj(vs.object.spec).hosts).map((h) => toFqdn(vs.namespace, h)))) {
        const list = claims.get(host) ?? [];
        list.push({ vs, scopes });
        claims.set(host, list);
      }
    });
    const reported = new Set<Resource>();
    for (const [host, list] of claims) {
      for (const a of list) {
        if (reported.has(a.vs)) continue;
        const conflicting = list.filter((b) => b === a || b.scopes.some((s) => s === '*' || a.scopes.includes('*') || a.scopes.includes(s)));
        if (conflicting.length < 2) continue;
        const names = conflicting
          .map((c) => `${c.vs.namespace}/${c.vs.name}`)
          .sort()
          .join(',');
        reported.add(a.vs);
        ctx.report(a.vs, 'IST0109', [names, host], ['spec', 'hosts']);
      }
    }
  },
};

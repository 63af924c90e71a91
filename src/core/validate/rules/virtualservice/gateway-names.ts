/** VirtualService gateway references: `mesh`, `name`, or `namespace/name`, each a valid name. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';
import { dns1123LabelError, dns1123SubdomainError } from '../names.js';

/** Why a gateway reference is malformed, or undefined. */
export function gatewayRefError(ref: string): string | undefined {
  if (ref === 'mesh') return undefined;
  const parts = ref.split('/');
  if (parts.length > 2) return `gateway "${ref}" must be name or namespace/name`;
  if (parts.length === 2) {
    const nsProblem = dns1123LabelError(parts[0]!);
    if (nsProblem) return `gateway "${ref}": namespace ${nsProblem}`;
  }
  // Short names may be a.b (name.namespace) in older configs; a DNS subdomain covers both forms.
  const nameProblem = dns1123SubdomainError(parts[parts.length - 1]!);
  return nameProblem ? `gateway "${ref}": name ${nameProblem}` : undefined;
}

export const virtualServiceGatewayNames: SemanticRule = {
  name: 'virtualservice.gateway-names',
  description: 'gateways and match gateways name mesh, name, or namespace/name',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    each<string>(spec.gateways, (g, i) => {
      const problem = typeof g === 'string' ? gatewayRefError(g) : undefined;
      if (problem) ctx.report(['spec', 'gateways', i], problem);
    });
    for (const routes of ['http', 'tcp', 'tls']) {
      each(spec[routes], (route: any, r) =>
        each(route?.match, (m: any, j) =>
          each<string>(m?.gateways, (g, k) => {
            const problem = typeof g === 'string' ? gatewayRefError(g) : undefined;
            if (problem) ctx.report(['spec', routes, r, 'match', j, 'gateways', k], problem);
          }),
        ),
      );
    }
  },
};

/**
 * Route destination weights. Istio rejects negative weights and, with several destinations, a total of 0. It accepts
 * totals other than 100 and treats weights as relative, which is often a mistake, so mesh warns about that.
 */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each } from '../types.js';

function checkWeights(routes: unknown, at: FieldPath, ctx: RuleContext): void {
  if (!Array.isArray(routes) || routes.length === 0) return;
  let total = 0;
  let anyWeight = false;
  routes.forEach((r: any, j) => {
    const w = r?.weight;
    if (typeof w !== 'number') return;
    anyWeight = true;
    if (w < 0) ctx.report([...at, j, 'weight'], `weight ${w} must not be negative`);
    total += w;
  });
  // Unset weights count as 0, so several destinations without weights are rejected too.
  if (routes.length > 1 && total === 0) ctx.report(at, `the weights of the ${routes.length} destinations add up to 0; give each destination a weight`);
  else if (anyWeight && total !== 100 && total > 0) ctx.report(at, `the weights add up to ${total}, not 100; Istio treats them as relative shares`, 'warning');
}

export const virtualServiceRouteWeights: SemanticRule = {
  name: 'virtualservice.route-weights',
  description: 'route weights are not negative, do not total 0, and (warning) add up to 100',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    for (const kind of ['http', 'tcp', 'tls']) each(spec[kind], (route: any, i) => checkWeights(route?.route, ['spec', kind, i, 'route'], ctx));
  },
};

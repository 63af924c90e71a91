/** AuthorizationPolicy action and provider: CUSTOM needs a provider and rules; DENY needs rules; provider only with CUSTOM. */
import type { SemanticRule } from '../types.js';

export const authorizationAction: SemanticRule = {
  name: 'authorizationpolicy.action',
  description: 'CUSTOM has provider.name and rules, DENY has rules, provider is used only with CUSTOM',
  kinds: ['AuthorizationPolicy'],
  check(spec, ctx) {
    const action = spec.action ?? 'ALLOW';
    const hasRules = Array.isArray(spec.rules);
    if (action === 'CUSTOM') {
      if (!hasRules) ctx.report(['spec'], 'a CUSTOM policy without rules never triggers; add an empty rule `- {}` to apply it to every request');
      if (!spec.provider?.name) ctx.report(['spec', 'provider'], 'a CUSTOM policy needs provider.name (an extension provider from mesh config)');
    } else if (spec.provider !== undefined) {
      ctx.report(['spec', 'provider'], `provider is used only with action CUSTOM, not ${action}`);
    }
    if (action === 'DENY' && !hasRules) ctx.report(['spec'], 'a DENY policy without rules never triggers; add an empty rule `- {}` to deny every request');
  },
};

/** What an HTTP route does: exactly one of route, redirect, directResponse or delegate, and the combinations Istio forbids. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';

const set = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

export const virtualServiceHttpActions: SemanticRule = {
  name: 'virtualservice.http-actions',
  description: 'each HTTP route has one action (route, redirect, directResponse or delegate) and no conflicting settings',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    const isDelegate = !(Array.isArray(spec.hosts) && spec.hosts.length);
    each(spec.http, (http: any, i) => {
      const at = ['spec', 'http', i];
      if (!http || typeof http !== 'object') return;
      const actions = ['route', 'redirect', 'directResponse', 'delegate'].filter((a) => set(http[a]));
      if (actions.length === 0) ctx.report(at, 'an HTTP route needs one of route, redirect, directResponse or delegate');
      if (actions.length > 1) ctx.report(at, `an HTTP route may have only one of route, redirect, directResponse or delegate; found ${actions.join(' and ')}`);
      if (set(http.delegate) && isDelegate) ctx.report([...at, 'delegate'], 'a delegate VirtualService cannot delegate again');
      for (const a of ['redirect', 'directResponse']) {
        if (!set(http[a])) continue;
        if (set(http.fault)) ctx.report([...at, 'fault'], `fault injection has no effect with ${a}`);
        if (set(http.rewrite)) ctx.report([...at, 'rewrite'], `rewrite cannot be combined with ${a}`);
      }
      if (set(http.mirror) && set(http.mirrors)) ctx.report([...at, 'mirrors'], 'set mirror or mirrors, not both');
      if (http.rewrite?.uri !== undefined && http.rewrite?.uriRegexRewrite !== undefined)
        ctx.report([...at, 'rewrite'], 'rewrite may set uri or uriRegexRewrite, not both');
      if (http.rewrite && !http.rewrite.uri && !http.rewrite.authority && !http.rewrite.uriRegexRewrite)
        ctx.report([...at, 'rewrite'], 'rewrite must set uri, uriRegexRewrite or authority');
      if (
        http.redirect &&
        !http.redirect.uri &&
        !http.redirect.authority &&
        !http.redirect.scheme &&
        http.redirect.port === undefined &&
        !http.redirect.derivePort
      ) {
        ctx.report([...at, 'redirect'], 'redirect must set at least one of uri, authority, scheme, port or derivePort');
      }
    });
  },
};

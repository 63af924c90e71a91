/** RequestAuthentication JWT rules: an issuer or JWKS URI, parseable inline keys, non-empty token locations, unique issuers. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';

export const requestAuthenticationJwtRules: SemanticRule = {
  name: 'requestauthentication.jwt-rules',
  description: 'each JWT rule has an issuer or jwksUri, valid inline JWKS JSON, non-empty headers, params, cookies and audiences',
  kinds: ['RequestAuthentication'],
  check(spec, ctx) {
    const issuers = new Map<string, number>();
    each(spec.jwtRules, (rule: any, i) => {
      const at = ['spec', 'jwtRules', i];
      if (!rule || typeof rule !== 'object') return;
      if (!rule.issuer && !rule.jwksUri && !rule.jwks_uri) ctx.report(at, 'a JWT rule needs an issuer or a jwksUri');
      if (typeof rule.issuer === 'string' && rule.issuer !== '') {
        if (issuers.has(rule.issuer))
          ctx.report([...at, 'issuer'], `issuer "${rule.issuer}" is already used by jwtRules[${issuers.get(rule.issuer)}]`, 'warning');
        issuers.set(rule.issuer, i);
      }
      if (typeof rule.jwks === 'string' && rule.jwks !== '') {
        let keys: unknown;
        try {
          keys = JSON.parse(rule.jwks);
        } catch (error) {
          ctx.report([...at, 'jwks'], `jwks is not valid JSON: ${(error as Error).message}`);
        }
        if (keys !== undefined) {
          const list = (keys as { keys?: unknown })?.keys;
          if (!Array.isArray(list)) ctx.report([...at, 'jwks'], 'jwks must be a JSON Web Key Set: an object with a "keys" list');
          else
            list.forEach((k: any, j: number) => {
              if (k && typeof k === 'object' && ['d', 'p', 'q', 'dp', 'dq', 'qi'].some((f) => f in k)) {
                ctx.report([...at, 'jwks'], `key ${j} contains private key material; only the public part is used`, 'warning');
              }
            });
        }
      }
      each<string>(rule.audiences, (a, j) => a === '' && ctx.report([...at, 'audiences', j], 'audience must not be empty'));
      each(rule.fromHeaders, (h: any, j) => (h === null || h?.name === '') && ctx.report([...at, 'fromHeaders', j], 'header name must not be empty'));
      each<string>(rule.fromParams, (p, j) => p === '' && ctx.report([...at, 'fromParams', j], 'query parameter name must not be empty'));
      each<string>(rule.fromCookies, (c, j) => c === '' && ctx.report([...at, 'fromCookies', j], 'cookie name must not be empty'));
      const headers = new Set<string>();
      each(rule.outputClaimToHeaders, (o: any, j) => {
        if (typeof o?.header !== 'string') return;
        const key = o.header.toLowerCase();
        if (headers.has(key)) ctx.report([...at, 'outputClaimToHeaders', j, 'header'], `header "${o.header}" is set twice`);
        headers.add(key);
      });
    });
  },
};

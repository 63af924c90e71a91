/** HTTP match conditions: header names are lower case and valid, query parameters match exact or regex, no empty match values. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each, entries } from '../types.js';
import { dns1123LabelError } from '../names.js';

const HEADER_NAME = /^[a-z0-9!#$%&'*+\-.^_`|~:]+$/;

/**
 * JWT claim routing (`@request.auth.claims.group`, `@request.auth.claims[nested][key]`): not a header at all, so
 * Istio exempts it from the header-name check (its jwt.ToRoutingClaim decides, case-insensitively for the prefix).
 */
function isJwtClaimRoute(name: string): boolean {
  const prefix = '@request.auth.claims';
  if (!name.toLowerCase().startsWith(prefix)) return false;
  const rest = name.slice(prefix.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

function headerMap(map: unknown, at: FieldPath, ctx: RuleContext): void {
  for (const [name, match] of entries(map)) {
    if (!HEADER_NAME.test(name) && !isJwtClaimRoute(name)) ctx.report([...at, name], `header name "${name}" must be lower case and a valid HTTP header name`);
    if (match === null) ctx.report([...at, name], `header match for "${name}" must not be null`);
  }
}

function emptyStringMatch(m: any, at: FieldPath, ctx: RuleContext): void {
  if (!m || typeof m !== 'object') return;
  for (const key of ['exact', 'prefix', 'regex']) if (m[key] === '') ctx.report([...at, key], `${key} must not be empty`);
}

export const virtualServiceMatches: SemanticRule = {
  name: 'virtualservice.matches',
  description: 'HTTP match header names are lower case, query params use exact or regex, match values are not empty',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    each(spec.http, (http: any, i) =>
      each(http?.match, (m: any, j) => {
        const at = ['spec', 'http', i, 'match', j];
        if (!m || typeof m !== 'object') return;
        headerMap(m.headers, [...at, 'headers'], ctx);
        headerMap(m.withoutHeaders, [...at, 'withoutHeaders'], ctx);
        for (const field of ['uri', 'scheme', 'method', 'authority']) emptyStringMatch(m[field], [...at, field], ctx);
        for (const [name, q] of entries(m.queryParams)) {
          if (q && typeof q === 'object' && (q as any).prefix !== undefined)
            ctx.report([...at, 'queryParams', name, 'prefix'], 'query parameters match only exact or regex');
        }
        if (typeof m.sourceNamespace === 'string') {
          const problem = dns1123LabelError(m.sourceNamespace);
          if (problem) ctx.report([...at, 'sourceNamespace'], `sourceNamespace "${m.sourceNamespace}" ${problem}`);
        }
        if (typeof m.port === 'number' && (m.port < 1 || m.port > 65535)) ctx.report([...at, 'port'], `port ${m.port} must be between 1 and 65535`);
      }),
    );
  },
};

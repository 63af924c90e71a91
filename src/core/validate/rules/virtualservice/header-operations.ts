/** Header changes on routes and destinations: names Envoy lets Istio change, values with well-formed %VARIABLE% references. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each, entries } from '../types.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** Why a header value is malformed for Envoy, or undefined: `%%` is a literal %, any other % opens a %VARIABLE%. */
export function headerValueError(value: string): string | undefined {
  if (CONTROL.test(value)) return 'contains control characters';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') continue;
    if (value[i + 1] === '%') {
      i++;
      continue;
    }
    const close = value.indexOf('%', i + 1);
    if (close < 0) return `unterminated variable at "${value.slice(i)}" (write %% for a literal %)`;
    i = close;
  }
  return undefined;
}

/** Why `name` cannot be changed, or undefined. Requests may set the authority (`host`, `:authority`); nothing else may. */
function headerNameError(name: string, allowAuthority: boolean): string | undefined {
  if (name === '') return 'header name must not be empty';
  const lower = name.toLowerCase();
  if (allowAuthority && (lower === 'host' || lower === ':authority')) return undefined;
  if (lower === 'host') return 'the Host header cannot be changed here (set it on the request, or use rewrite.authority)';
  if (name.startsWith(':')) return `pseudo-header "${name}" cannot be changed`;
  return undefined;
}

function checkOperations(ops: any, at: FieldPath, isRequest: boolean, ctx: RuleContext): void {
  if (!ops || typeof ops !== 'object') return;
  for (const op of ['set', 'add']) {
    for (const [name, value] of entries(ops[op])) {
      const nameProblem = headerNameError(name, isRequest);
      if (nameProblem) ctx.report([...at, op, name], nameProblem);
      const valueProblem = typeof value === 'string' ? headerValueError(value) : undefined;
      if (valueProblem) ctx.report([...at, op, name], `header value ${JSON.stringify(value)} ${valueProblem}`);
    }
  }
  each<string>(ops.remove, (name, i) => {
    const problem = typeof name === 'string' ? headerNameError(name, false) : undefined;
    if (problem) ctx.report([...at, 'remove', i], problem);
  });
}

function checkHeaders(headers: any, at: FieldPath, ctx: RuleContext): void {
  checkOperations(headers?.request, [...at, 'request'], true, ctx);
  checkOperations(headers?.response, [...at, 'response'], false, ctx);
}

export const virtualServiceHeaderOperations: SemanticRule = {
  name: 'virtualservice.header-operations',
  description: 'header set/add/remove name headers Envoy lets Istio change, with well-formed %VARIABLE% values',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    each(spec.http, (http: any, i) => {
      checkHeaders(http?.headers, ['spec', 'http', i, 'headers'], ctx);
      each(http?.route, (r: any, j) => checkHeaders(r?.headers, ['spec', 'http', i, 'route', j, 'headers'], ctx));
    });
  },
};

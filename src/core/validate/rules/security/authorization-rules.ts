/** AuthorizationPolicy rules: non-empty sources and operations, valid IPs, ports, service accounts, paths and conditions. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each } from '../types.js';
import { ipOrCidrError, portStringError } from '../net.js';

const SOURCE_FIELDS = [
  'principals',
  'notPrincipals',
  'requestPrincipals',
  'notRequestPrincipals',
  'namespaces',
  'notNamespaces',
  'serviceAccounts',
  'notServiceAccounts',
  'ipBlocks',
  'notIpBlocks',
  'remoteIpBlocks',
  'notRemoteIpBlocks',
  'trustDomains',
  'notTrustDomains',
];
const OPERATION_FIELDS = ['hosts', 'notHosts', 'ports', 'notPorts', 'methods', 'notMethods', 'paths', 'notPaths'];
/** Condition keys Istio knows; `[...]` ones take a name in brackets. */
const EXACT_KEYS = new Set([
  'source.ip',
  'remote.ip',
  'source.namespace',
  'source.principal',
  'source.serviceAccount',
  'source.trustDomain',
  'request.auth.principal',
  'request.auth.audiences',
  'request.auth.presenter',
  'destination.ip',
  'destination.port',
  'connection.sni',
]);
const MAP_KEYS = ['request.headers', 'request.auth.claims', 'experimental.envoy.filters.'];
const listed = (v: unknown) => Array.isArray(v) && v.length > 0;

function values(list: unknown, at: FieldPath, field: string, ctx: RuleContext, check?: (v: string) => string | undefined): void {
  each<string>(list, (v, k) => {
    if (v === '') ctx.report([...at, field, k], `empty value in ${field}`);
    else if (typeof v === 'string' && check) {
      const problem = check(v);
      if (problem) ctx.report([...at, field, k], problem);
    }
  });
}

function serviceAccount(v: string): string | undefined {
  if (v.includes('*')) return `wildcards are not allowed in service accounts ("${v}")`;
  const parts = v.split('/');
  if (parts.length > 2 || parts.some((p) => p === '')) return `"${v}" must be serviceAccount or namespace/serviceAccount`;
  return undefined;
}

/** Path templates: `{*}` matches one segment, `{**}` any number; nothing template-like may follow `{**}`. */
function pathTemplate(v: string): string | undefined {
  if (!v.includes('{') && !v.includes('}')) return undefined;
  let anySeen = false;
  for (const segment of v.replace(/^\/+|\/+$/g, '').split('/')) {
    if (segment === '{*}' || segment === '{**}') {
      if (anySeen) return `unsupported path template "${v}": {**} must be the last template operator`;
      anySeen = segment === '{**}';
    } else if (/[{}]/.test(segment)) return `unsupported path template "${v}": segments may be {*} or {**}, with no other braces`;
  }
  return undefined;
}

function conditionKeyError(key: string): string | undefined {
  if (EXACT_KEYS.has(key)) return undefined;
  const prefix = MAP_KEYS.find((p) => key.startsWith(p));
  // Claims may nest: request.auth.claims[outer][inner].
  if (prefix) return /^[^[\]]+(\[[^[\]]+\])+$/.test(key) || prefix.endsWith('.') ? undefined : `condition key "${key}" must have the form ${prefix}[name]`;
  if (key === 'destination.namespace') return 'destination.namespace is not supported: the policy applies to its own namespace';
  if (key.startsWith('destination.labels')) return `${key} is not supported: use the workload selector`;
  if (key === 'destination.name' || key === 'destination.user') return `${key} was removed (v1alpha1 only)`;
  return `unknown condition key "${key}"`;
}

export const authorizationRules: SemanticRule = {
  name: 'authorizationpolicy.rules',
  description: 'from/to entries are not empty, IPs, ports, service accounts and path templates are valid, when keys are known with values',
  kinds: ['AuthorizationPolicy'],
  check(spec, ctx) {
    each(spec.rules, (rule: any, i) => {
      const at = ['spec', 'rules', i];
      if (Array.isArray(rule?.from) && rule.from.length === 0) ctx.report([...at, 'from'], '`from` must not be empty: remove it to match any source');
      if (Array.isArray(rule?.to) && rule.to.length === 0) ctx.report([...at, 'to'], '`to` must not be empty: remove it to match any operation');
      each(rule?.from, (f: any, j) => {
        const s = f?.source;
        const sat = [...at, 'from', j, 'source'];
        if (!s) return ctx.report([...at, 'from', j], 'a from entry needs a source');
        if (!SOURCE_FIELDS.some((k) => listed(s[k]))) ctx.report(sat, 'source must set at least one field');
        for (const k of ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks']) values(s[k], sat, k, ctx, ipOrCidrError);
        for (const k of ['serviceAccounts', 'notServiceAccounts']) values(s[k], sat, k, ctx, serviceAccount);
        for (const k of ['trustDomains', 'notTrustDomains'])
          values(s[k], sat, k, ctx, (v) => (v.includes('/') ? `trust domain "${v}" must not contain /` : undefined));
        for (const k of ['principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces']) values(s[k], sat, k, ctx);
      });
      each(rule?.to, (t: any, j) => {
        const o = t?.operation;
        const oat = [...at, 'to', j, 'operation'];
        if (!o) return ctx.report([...at, 'to', j], 'a to entry needs an operation');
        if (!OPERATION_FIELDS.some((k) => listed(o[k]))) ctx.report(oat, 'operation must set at least one field');
        for (const k of ['ports', 'notPorts']) values(o[k], oat, k, ctx, portStringError);
        for (const k of ['paths', 'notPaths']) values(o[k], oat, k, ctx, pathTemplate);
        for (const k of ['hosts', 'notHosts', 'methods', 'notMethods']) values(o[k], oat, k, ctx);
      });
      each(rule?.when, (w: any, j) => {
        const wat = [...at, 'when', j];
        if (typeof w?.key !== 'string' || w.key === '') return ctx.report([...wat, 'key'], 'condition key must not be empty');
        const problem = conditionKeyError(w.key);
        if (problem) ctx.report([...wat, 'key'], problem);
        if (!listed(w.values) && !listed(w.notValues)) ctx.report(wat, `condition ${w.key} needs values or notValues`);
        const check = ['source.ip', 'remote.ip', 'destination.ip'].includes(w.key) ? ipOrCidrError : w.key === 'destination.port' ? portStringError : undefined;
        values(w.values, wat, 'values', ctx, check);
        values(w.notValues, wat, 'notValues', ctx, check);
      });
      const fromL7 = (rule?.from ?? []).some((f: any) => f?.source && ['requestPrincipals', 'notRequestPrincipals'].some((k) => listed(f.source[k])));
      const toL7 = (rule?.to ?? []).some(
        (t: any) => t?.operation && ['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths'].some((k) => listed(t.operation[k])),
      );
      const portsSet = (rule?.to ?? []).some((t: any) => listed(t?.operation?.ports) || listed(t?.operation?.notPorts));
      if (spec.action === 'DENY' && (fromL7 || toL7) && !portsSet) {
        ctx.report(at, 'a DENY rule using HTTP-only attributes denies all traffic to TCP ports in scope; name the ports explicitly', 'warning');
      }
    });
  },
};

/**
 * `x authz check`: which AuthorizationPolicies a proxy enforces, read from the RBAC filters istiod wrote into its
 * Envoy listeners (the HTTP filter `envoy.filters.http.rbac` and the network filter `envoy.filters.network.rbac`).
 * istiod names each RBAC policy `ns[<ns>]-policy[<name>]-rule[<index>]` (CUSTOM ones `istio-ext-authz-` in front, in
 * the shadow rules), so the names give back the policies and how many of their rules reached the proxy. Pure; the
 * same walk as istioctl's authz package, over the dump's JSON.
 */
import { compareStrings } from '../tree.js';
import { entries, type ConfigDump } from '../proxy-config/dump.js';
import { list, obj, str } from '../proxy-config/fields.js';

/** One row: a policy, its action, and how many of its rules the proxy has. */
export interface AuthzPolicyRow {
  action: string;
  /** `name.namespace`, or `_anonymous_match_nothing_` for an RBAC filter with no policy (it matches nothing). */
  policy: string;
  rules: number;
}

/** istioctl's name for an RBAC filter without policies. */
export const ANONYMOUS_POLICY = '_anonymous_match_nothing_';
const ACTION_ORDER = ['DENY', 'ALLOW', 'LOG', 'CUSTOM'];
const NAME = /(?:istio-ext-authz-)?ns\[(.+)\]-policy\[(.+)\]-rule\[(.+)\]/;
const HCM = new Set(['envoy.filters.network.http_connection_manager', 'envoy.http_connection_manager']);

/** The RBAC filter configs (`envoy.extensions.filters.{http,network}.rbac.v3.RBAC`) of every dynamic listener. */
function rbacConfigs(dump: ConfigDump): unknown[] {
  const out: unknown[] = [];
  for (const listener of entries(dump, 'ListenersConfigDump', 'dynamicListeners', 'activeState', 'listener')) {
    for (const chain of list(listener, 'filterChains')) {
      for (const filter of list(chain, 'filters')) {
        const name = str(filter, 'name');
        if (HCM.has(name)) {
          for (const http of list(filter, 'typedConfig', 'httpFilters'))
            if (str(http, 'name') === 'envoy.filters.http.rbac') out.push(obj(http, 'typedConfig') ?? {});
        } else if (name === 'envoy.filters.network.rbac') out.push(obj(filter, 'typedConfig') ?? {});
      }
    }
  }
  return out;
}

/** The policies the proxy enforces, in istioctl's order: by action (DENY, ALLOW, LOG, CUSTOM), then by name. */
export function authzPolicies(dump: ConfigDump): AuthzPolicyRow[] {
  const byAction = new Map<string, Set<string>>();
  const rulesOf = new Map<string, Set<string>>();
  const add = (action: string, name: string, rule: string): void => {
    byAction.set(action, (byAction.get(action) ?? new Set()).add(name));
    rulesOf.set(name, (rulesOf.get(name) ?? new Set()).add(rule));
  };
  const parsed = (policy: string): [string, string] => {
    const m = NAME.exec(policy);
    // A name istiod did not write counts under an empty one, as in istioctl (which logs it).
    return m ? [`${m[2]}.${m[1]}`, m[3]!] : ['', ''];
  };
  for (const rbac of rbacConfigs(dump)) {
    // proto3 JSON leaves out the default enum value: no action is ALLOW.
    const action = str(rbac, 'rules', 'action') || 'ALLOW';
    const policies = Object.keys(obj(rbac, 'rules', 'policies') ?? {});
    for (const p of policies) add(action, ...parsed(p));
    for (const p of Object.keys(obj(rbac, 'shadowRules', 'policies') ?? {})) if (p.startsWith('istio-ext-authz-')) add('CUSTOM', ...parsed(p));
    if (policies.length === 0) add(action, ANONYMOUS_POLICY, '0');
  }
  return ACTION_ORDER.flatMap((action) =>
    [...(byAction.get(action) ?? [])].sort(compareStrings).map((policy) => ({ action, policy, rules: rulesOf.get(policy)!.size })),
  );
}

/** IST0101/IST0127: AuthorizationPolicies select running mesh workloads and name namespaces that exist. */
import type { Analyzer } from '../../types.js';
import { arr, obj, strMap, strs } from '../../../model/access.js';
import { meshConfigOf } from '../../../model/mesh-config.js';
import { selectorString } from '../../../model/selectors.js';
import { WORKLOAD_KINDS, workloadIndex, workloadsKnown } from '../../../model/workloads.js';

/** Namespaces every cluster has, even when the snapshot holds no Namespace objects for them. */
const BUILT_IN = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export const authorizationPolicies: Analyzer = {
  meta: {
    name: 'auth.AuthorizationPoliciesAnalyzer',
    description: 'Checks that AuthorizationPolicies select workloads and refer to namespaces that exist',
    inputs: ['AuthorizationPolicy', 'Namespace', 'MeshConfig', ...WORKLOAD_KINDS],
    codes: ['IST0101', 'IST0127'],
  },
  analyze(ctx) {
    let root = ctx.istioNamespace;
    ctx.forEach('MeshConfig', (m) => void (root = meshConfigOf(m).rootNamespace || root));
    const all = workloadsKnown(ctx) ? workloadIndex(ctx) : undefined;
    const namespaces = new Set([...BUILT_IN, ctx.istioNamespace]);
    ctx.forEach('Namespace', (ns) => void namespaces.add(ns.name));
    const checkNamespaces = ctx.knows('Namespace');
    ctx.forEach('AuthorizationPolicy', (ap) => {
      const spec = obj(ap.object.spec);
      if (all && spec.targetRef === undefined && spec.targetRefs === undefined) {
        const selector = strMap(obj(spec.selector).matchLabels);
        if (!all.any(selector, ap.namespace === root ? undefined : ap.namespace)) ctx.report(ap, 'IST0127', [selectorString(selector)], ['spec', 'selector']);
      }
      if (!checkNamespaces) return;
      arr(spec.rules).forEach((rule, i) => {
        arr(obj(rule).from).forEach((from, j) => {
          const source = obj(obj(from).source);
          for (const field of ['namespaces', 'notNamespaces'] as const) {
            strs(source[field]).forEach((pattern, k) => {
              if (!namespaces.has(pattern) && ![...namespaces].some((ns) => namespaceMatches(ns, pattern))) {
                ctx.report(ap, 'IST0101', ['namespace', pattern], ['spec', 'rules', i, 'from', j, 'source', field, k]);
              }
            });
          }
        });
      });
    });
  },
};

/** Istio's namespace patterns: exact, `*`, `prefix*` or `*suffix`. */
function namespaceMatches(ns: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return ns.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return ns.startsWith(pattern.slice(0, -1));
  return ns === pattern;
}

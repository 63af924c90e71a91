/** EnvoyFilter patches: applyTo, operation and value present; matches that fit what is patched. Always warns: EnvoyFilter is fragile. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';

const LISTENER_CLASS = new Set(['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER', 'LISTENER_FILTER']);
const ROUTE_CLASS = new Set(['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE']);
const HCM = 'envoy.filters.network.http_connection_manager';

export const envoyFilterPatches: SemanticRule = {
  name: 'envoyfilter.patches',
  description: 'patches have applyTo, an operation and a value (except REMOVE), and a match of the right class for what they patch',
  kinds: ['EnvoyFilter'],
  check(spec, ctx) {
    ctx.report(['spec'], 'EnvoyFilter exposes Envoy internals that may change between Istio releases; prefer a first-class API where one exists', 'warning');
    each(spec.configPatches, (cp: any, i) => {
      const at = ['spec', 'configPatches', i];
      if (!cp || typeof cp !== 'object') return ctx.report(at, 'a config patch must not be null');
      if (!cp.applyTo || cp.applyTo === 'INVALID') ctx.report([...at, 'applyTo'], 'applyTo is required');
      if (!cp.patch) return ctx.report(at, 'patch is required');
      if (!cp.patch.operation || cp.patch.operation === 'INVALID') ctx.report([...at, 'patch', 'operation'], 'patch.operation is required');
      if (cp.patch.operation !== 'REMOVE' && cp.patch.value === undefined)
        ctx.report([...at, 'patch'], `patch.value is required for operation ${cp.patch.operation ?? ''}`.trimEnd());
      if (cp.patch.filterClass && cp.patch.filterClass !== 'UNSPECIFIED' && cp.patch.operation !== 'ADD')
        ctx.report([...at, 'patch', 'filterClass'], 'filterClass applies only to operation ADD', 'warning');
      const m = cp.match;
      if (!m) return;
      if (LISTENER_CLASS.has(cp.applyTo) && (m.routeConfiguration || m.cluster))
        ctx.report([...at, 'match'], `applyTo ${cp.applyTo} patches listeners: the match must be a listener match`);
      if (ROUTE_CLASS.has(cp.applyTo) && (m.listener || m.cluster))
        ctx.report([...at, 'match'], `applyTo ${cp.applyTo} patches routes: the match must be a routeConfiguration match`);
      if (cp.applyTo === 'CLUSTER' && (m.listener || m.routeConfiguration)) ctx.report([...at, 'match'], 'applyTo CLUSTER needs a cluster match');
      const filter = m.listener?.filterChain?.filter;
      if (filter) {
        const fat = [...at, 'match', 'listener', 'filterChain', 'filter'];
        if (cp.applyTo === 'LISTENER' || cp.applyTo === 'FILTER_CHAIN') ctx.report(fat, `a filter match has no effect with applyTo ${cp.applyTo}`, 'warning');
        else if (!filter.name) ctx.report(fat, 'a filter match needs a name');
        if (filter.subFilter) {
          if (cp.applyTo !== 'HTTP_FILTER') ctx.report([...fat, 'subFilter'], 'subFilter match works only with applyTo HTTP_FILTER');
          else if (filter.name !== HCM) ctx.report([...fat, 'subFilter'], `subFilter match needs filter name ${HCM}`);
          if (!filter.subFilter.name) ctx.report([...fat, 'subFilter'], 'subFilter match needs a name');
        }
      }
    });
    if (!spec.workloadSelector && !spec.targetRefs)
      ctx.report(
        ['spec'],
        'no workloadSelector: the filter applies to every workload in the namespace (every workload in the mesh from the root namespace)',
        'warning',
      );
  },
};

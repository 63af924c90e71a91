/**
 * MESH0008: an AuthorizationPolicy with L7 attributes (HTTP methods, paths, hosts, headers, request principals) bound
 * by selector (or namespace- or mesh-wide) to ambient workloads. ztunnel enforces such policies and sees only L4: an
 * ALLOW rule needing L7 never matches (requests are refused), a DENY rule drops its L7 part (it refuses more). Only a
 * waypoint, bound with targetRefs, can enforce them.
 */
import type { Analyzer, Resource } from '../../types.js';
import { obj, strMap } from '../../../model/access.js';
import { selects } from '../../../model/selectors.js';
import { WORKLOAD_KINDS, workloads, type Workload } from '../../../model/workloads.js';
import { meshConfigOf } from '../../../model/mesh-config.js';
import { enrolment, l7Attributes, serviceWaypoint, servicesSelecting, targetRefsOf, workloadWaypoint } from '../../../ambient/index.js';
import { GATEWAY_KIND } from '../../../waypoint/gateway.js';

export const l7Policy: Analyzer = {
  meta: {
    name: 'ambient.L7PolicyAnalyzer',
    description: 'Checks that AuthorizationPolicies with L7 attributes bind to a waypoint (targetRefs) rather than select ambient workloads',
    inputs: ['AuthorizationPolicy', 'Namespace', 'Service', 'MeshConfig', GATEWAY_KIND, ...WORKLOAD_KINDS],
    codes: ['MESH0008'],
  },
  analyze(ctx) {
    let root = ctx.istioNamespace;
    ctx.forEach('MeshConfig', (m) => void (root = meshConfigOf(m).rootNamespace || root));
    const nsLabels = (ns: string) => ctx.find('Namespace', '', ns)?.labels ?? {};
    ctx.forEach('AuthorizationPolicy', (ap: Resource) => {
      const spec = obj(ap.object.spec);
      if (targetRefsOf(spec).length) return;
      const l7 = l7Attributes(spec);
      if (!l7.length) return;
      const selector = strMap(obj(spec.selector).matchLabels);
      const selected = workloads(ctx).filter(
        (w: Workload) =>
          (ap.namespace === root || w.namespace === ap.namespace) && selects(selector, w.labels) && enrolment(w, nsLabels(w.namespace)).mode === 'ambient',
      );
      if (!selected.length) return;
      const names = selected.map((w) => `${w.namespace}/${w.resource.name}`).sort();
      const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
      const withWaypoint = selected.some((w) => workloadWaypoint(ctx, w).waypoint || servicesSelecting(ctx, w).some((s) => serviceWaypoint(ctx, s).waypoint));
      const state = withWaypoint ? 'which a waypoint serves, yet a selector binds the policy to ztunnel, not to it' : 'which have no waypoint';
      const action = String(spec.action ?? 'ALLOW');
      const effect =
        action === 'DENY'
          ? 'its rules apply without their L7 conditions (it denies more than written)'
          : 'its rules needing L7 never match (requests are refused)';
      const ns = selected[0]!.namespace;
      const fix = withWaypoint
        ? 'replace the selector with targetRefs to the waypoint Gateway or the Service'
        : `deploy a waypoint (mesh waypoint apply -n ${ns} --enroll-namespace) and replace the selector with targetRefs to it or to the Service`;
      ctx.report(ap, 'MESH0008', [l7.join(', '), shown, state, effect, fix], spec.selector !== undefined ? ['spec', 'selector'] : ['spec', 'rules']);
    });
  },
};

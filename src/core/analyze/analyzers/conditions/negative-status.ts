/**
 * IST0171: status conditions that say something is wrong, as Istio and Gateway API controllers write them: a
 * waypoint not bound, a policy ztunnel or a waypoint did not accept, a Gateway or route not accepted, programmed
 * or with unresolved references. Only objects read from a cluster (or exported with their status) carry these.
 */
import type { AnalysisContext, Analyzer, Resource } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

const ROUTE_CONDITIONS = { Accepted: 'False', Programmed: 'False', ResolvedRefs: 'False' };

/** Kind → condition type → the status that is bad news. Other kinds and types are not judged. */
const NEGATIVE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Service: { 'istio.io/WaypointBound': 'False' },
  ServiceEntry: { 'istio.io/WaypointBound': 'False' },
  WorkloadEntry: { 'istio.io/WaypointBound': 'False' },
  AuthorizationPolicy: { ZtunnelAccepted: 'False', WaypointAccepted: 'False' },
  'Gateway.gateway.networking.k8s.io': ROUTE_CONDITIONS,
  'HTTPRoute.gateway.networking.k8s.io': ROUTE_CONDITIONS,
  'GRPCRoute.gateway.networking.k8s.io': ROUTE_CONDITIONS,
};

export const negativeConditions: Analyzer = {
  meta: {
    name: 'conditions.ConditionAnalyzer',
    description: 'Checks for negative status conditions on Services, ServiceEntries, WorkloadEntries, AuthorizationPolicies and Gateway API resources',
    inputs: Object.keys(NEGATIVE),
    codes: ['IST0171'],
  },
  analyze(ctx) {
    for (const [kind, negative] of Object.entries(NEGATIVE)) ctx.forEach(kind, (r) => check(ctx, r, negative));
  },
};

function check(ctx: AnalysisContext, r: Resource, negative: Readonly<Record<string, string>>): void {
  const status = obj(r.object.status);
  // Routes keep conditions per parent (each Gateway they attach to); everything else at the top of status.
  const lists: [unknown, (string | number)[]][] =
    r.kind.startsWith('HTTPRoute.') || r.kind.startsWith('GRPCRoute.')
      ? arr(status.parents).map((p, i) => [obj(p).conditions, ['status', 'parents', i, 'conditions']])
      : [[status.conditions, ['status', 'conditions']]];
  for (const [conditions, at] of lists) {
    arr(conditions).forEach((c, i) => {
      const type = scalarString(obj(c).type) ?? '';
      const reason = scalarString(obj(c).reason) ?? '';
      // A waypoint that accepts only part of a policy says so with status True and reason PartiallyInvalid.
      const partial = r.kind === 'AuthorizationPolicy' && type === 'WaypointAccepted' && reason === 'PartiallyInvalid';
      if ((Object.hasOwn(negative, type) && negative[type] === scalarString(obj(c).status)) || partial) {
        ctx.report(r, 'IST0171', [type, reason || '(none)', scalarString(obj(c).message) || '(no message)'], [...at, i]);
      }
    });
  }
}

/** IST0002: deprecated Istio types and fields that Istio 1.30 ignores or has replaced. */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';

/** Istio kinds whose CRDs were removed long ago (rbac.istio.io, the v1alpha1 authentication Policy). */
const REMOVED_GROUPS: Record<string, string> = {
  'rbac.istio.io': 'RBAC (replaced by AuthorizationPolicy)',
  'authentication.istio.io': 'authentication (replaced by PeerAuthentication and RequestAuthentication)',
};

export const deprecatedFields: Analyzer = {
  meta: {
    name: 'deprecation.DeprecationAnalyzer',
    description: 'Checks for deprecated Istio types and fields',
    inputs: ['VirtualService', 'Sidecar', 'CustomResourceDefinition'],
    codes: ['IST0002'],
  },
  analyze(ctx) {
    ctx.forEach('VirtualService', (vs) => {
      arr(obj(vs.object.spec).http).forEach((rule, i) => {
        const delay = obj(obj(obj(rule).fault).delay);
        if (delay.percent !== undefined) {
          ctx.report(
            vs,
            'IST0002',
            ['HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage'],
            ['spec', 'http', i, 'fault', 'delay', 'percent'],
          );
        }
        if (obj(rule).mirrorPercent !== undefined) {
          ctx.report(vs, 'IST0002', ['HTTPRoute.mirrorPercent is deprecated; use HTTPRoute.mirrorPercentage'], ['spec', 'http', i, 'mirrorPercent']);
        }
      });
    });
    ctx.forEach('Sidecar', (sc) => {
      if (obj(obj(sc.object.spec).outboundTrafficPolicy).egressProxy !== undefined) {
        ctx.report(sc, 'IST0002', ['Sidecar.outboundTrafficPolicy.egressProxy is ignored'], ['spec', 'outboundTrafficPolicy', 'egressProxy']);
      }
    });
    ctx.forEach('CustomResourceDefinition', (crd) => {
      const spec = obj(crd.object.spec);
      const what = REMOVED_GROUPS[String(spec.group)];
      if (what) ctx.report(crd, 'IST0002', [`custom resource type ${String(spec.group)} ${String(obj(spec.names).kind)} is removed: Istio ${what}`]);
    });
  },
};

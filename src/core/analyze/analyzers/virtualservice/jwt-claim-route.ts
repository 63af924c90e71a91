/**
 * IST0149: a VirtualService that matches on JWT claims (`@request.auth.claims.<name>` headers) at a gateway needs
 * a RequestAuthentication on the gateway's pods: only a validated token makes claims available for routing.
 */
import type { AnalysisContext, Analyzer } from '../../types.js';
import { meshConfigOf } from '../../../model/mesh-config.js';
import { arr, obj, strMap } from '../../../model/access.js';
import { isEmpty, selects } from '../../../model/selectors.js';
import { WORKLOAD_KINDS, workloadIndex } from '../../../model/workloads.js';
import { gatewaysOf } from './routes.js';

/** The pseudo-header prefix Istio routes JWT claims on. */
const CLAIM_PREFIX = '@request.auth.claims';

export const jwtClaimRoute: Analyzer = {
  meta: {
    name: 'virtualservice.JWTClaimRouteAnalyzer',
    description: 'Checks that a VirtualService routing on JWT claims at a gateway has a RequestAuthentication for the gateway pods',
    inputs: ['VirtualService', 'Gateway', 'RequestAuthentication', 'MeshConfig', ...WORKLOAD_KINDS],
    codes: ['IST0149'],
  },
  analyze(ctx) {
    let authn: Map<string, Record<string, string>[]> | undefined;
    let rootNamespace = '';
    ctx.forEach('VirtualService', (vs) => {
      const key = claimKey(vs.object.spec);
      if (!key) return;
      gatewaysOf(vs).forEach((ref, i) => {
        if (ref === 'mesh') return;
        const slash = ref.indexOf('/');
        const [ns, name] = slash < 0 ? [vs.namespace, ref] : [ref.slice(0, slash), ref.slice(slash + 1)];
        const gw = ctx.find('Gateway', ns, name);
        // A missing gateway is the GatewayAnalyzer's to report; an empty selector picks no gateway deployment.
        const selector = strMap(obj(gw?.object.spec).selector);
        if (!gw || isEmpty(selector)) return;
        if (!authn) {
          authn = requestAuthnSelectors(ctx);
          rootNamespace = meshConfigOf(ctx.find('MeshConfig', ctx.istioNamespace, 'istio')).rootNamespace;
        }
        const policies = authn;
        for (const w of workloadIndex(ctx).select(selector)) {
          const candidates = [...(policies.get(rootNamespace) ?? []), ...(w.namespace === rootNamespace ? [] : (policies.get(w.namespace) ?? []))];
          if (!candidates.some((s) => selects(s, w.labels))) {
            ctx.report(vs, 'IST0149', [key, `${gw.namespace}/${gw.name}`, `${w.namespace}/${w.resource.name}`], ['spec', 'gateways', i]);
          }
        }
      });
    });
  },
};

/** The first header (or withoutHeaders) key of an http match that names a JWT claim, if any. */
function claimKey(spec: unknown): string | undefined {
  for (const rule of arr(obj(spec).http)) {
    for (const match of arr(obj(rule).match)) {
      for (const key of [...Object.keys(obj(obj(match).headers)), ...Object.keys(obj(obj(match).withoutHeaders))]) {
        if (isClaim(key)) return key;
      }
    }
  }
  return undefined;
}

/** `@request.auth.claims.a.b` or `@request.auth.claims[a][b]` (prefix case-insensitive, as Istio reads it). */
function isClaim(key: string): boolean {
  if (!key.toLowerCase().startsWith(CLAIM_PREFIX)) return false;
  const rest = key.slice(CLAIM_PREFIX.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

/** Namespace → workload selectors of its RequestAuthentications ({} selects every workload there). */
function requestAuthnSelectors(ctx: AnalysisContext): Map<string, Record<string, string>[]> {
  const out = new Map<string, Record<string, string>[]>();
  ctx.forEach('RequestAuthentication', (ra) => {
    const spec = obj(ra.object.spec);
    // targetRef(s) attach to Kubernetes Gateways and Services, not to the pods an Istio Gateway selects.
    if (spec.targetRef !== undefined || spec.targetRefs !== undefined) return;
    const list = out.get(ra.namespace) ?? [];
    list.push(strMap(obj(spec.selector).matchLabels));
    out.set(ra.namespace, list);
  });
  return out;
}

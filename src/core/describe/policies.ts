/**
 * Security and proxy-scope config that selects a workload: the effective PeerAuthentication mTLS mode (mesh →
 * namespace → workload, UNSET inheriting, the oldest policy winning at each level, as istiod composes it), the
 * AuthorizationPolicies that apply to it, and the Sidecar resource that scopes its proxy.
 */
import type { Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import { arr, obj, strMap } from '../model/access.js';
import { isEmpty, selects } from '../model/selectors.js';
import type { AuthorizationPolicyFacts, PeerAuthenticationFacts, Ref } from './model.js';
import { compareStrings, scalarString } from '../tree.js';

/** Istio's default when no PeerAuthentication sets a mode. */
const DEFAULT_MTLS = 'PERMISSIVE';

/** Creation time, then name: istiod prefers the oldest policy; files carry no timestamps, so names decide. */
function older(a: Resource, b: Resource): boolean {
  const ta = scalarString(a.object.metadata?.creationTimestamp) ?? '',
    tb = scalarString(b.object.metadata?.creationTimestamp) ?? '';
  if (ta !== tb) return ta !== '' && (tb === '' || ta < tb);
  return `${a.namespace}/${a.name}` < `${b.namespace}/${b.name}`;
}

function modeOf(mtls: unknown): string | undefined {
  const mode = scalarString(obj(mtls).mode);
  return mode && mode !== 'UNSET' ? mode : undefined;
}

/** The mTLS mode a workload in `namespace` with `labels` accepts, and the policies that decided it. */
export function effectivePeerAuthentication(
  ctx: SnapshotView,
  namespace: string,
  labels: Record<string, string>,
  rootNamespace: string,
): PeerAuthenticationFacts {
  let mesh: Resource | undefined, ns: Resource | undefined, workload: Resource | undefined;
  ctx.forEach('PeerAuthentication', (pa) => {
    if (pa.namespace !== namespace && pa.namespace !== rootNamespace) return;
    const selector = strMap(obj(obj(pa.object.spec).selector).matchLabels);
    if (isEmpty(selector)) {
      if (pa.namespace === rootNamespace) {
        if (!mesh || older(pa, mesh)) mesh = pa;
      } else if (!ns || older(pa, ns)) ns = pa;
    } else if (pa.namespace !== rootNamespace && selects(selector, labels) && (!workload || older(pa, workload))) workload = pa;
  });
  let mode = DEFAULT_MTLS;
  const applied: PeerAuthenticationFacts['applied'] = [];
  for (const [level, pa] of [
    ['mesh', mesh],
    ['namespace', ns],
    ['workload', workload],
  ] as const) {
    if (!pa) continue;
    applied.push({ name: pa.name, namespace: pa.namespace, level });
    mode = modeOf(obj(pa.object.spec).mtls) ?? mode;
  }
  const portModes = Object.entries(obj(obj(workload?.object.spec).portLevelMtls))
    .map(([port, mtls]) => ({ port: Number(port), mode: modeOf(mtls) ?? mode }))
    .sort((a, b) => a.port - b.port);
  return { mode, portModes, applied };
}

/**
 * AuthorizationPolicies enforced by the workload's sidecar: root-namespace ones mesh-wide, the namespace's own
 * without a selector, and those whose selector matches. Policies with targetRef(s) bind gateways and waypoints,
 * not sidecars, so they are left out.
 */
export function authorizationPolicies(ctx: SnapshotView, namespace: string, labels: Record<string, string>, rootNamespace: string): AuthorizationPolicyFacts[] {
  const out: AuthorizationPolicyFacts[] = [];
  ctx.forEach('AuthorizationPolicy', (ap) => {
    if (ap.namespace !== namespace && ap.namespace !== rootNamespace) return;
    const spec = obj(ap.object.spec);
    if (spec.targetRef !== undefined || spec.targetRefs !== undefined) return;
    const selector = strMap(obj(spec.selector).matchLabels);
    if (!selects(selector, labels)) return;
    const scope = !isEmpty(selector) ? 'workload' : ap.namespace === rootNamespace ? 'mesh' : 'namespace';
    out.push({ name: ap.name, namespace: ap.namespace, action: scalarString(spec.action) ?? 'ALLOW', rules: arr(spec.rules).length, scope });
  });
  // DENY is evaluated before ALLOW (CUSTOM first of all); list them in that order.
  const order = ['CUSTOM', 'DENY', 'AUDIT', 'ALLOW'];
  return out.sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action) || compareStrings(a.namespace + a.name, b.namespace + b.name));
}

/** The Sidecar resource scoping the workload's proxy: a selecting one in its namespace, else the namespace's default, else the root namespace's. */
export function sidecarFor(ctx: SnapshotView, namespace: string, labels: Record<string, string>, rootNamespace: string): Ref | undefined {
  let selecting: Resource | undefined, nsDefault: Resource | undefined, rootDefault: Resource | undefined;
  ctx.forEach('Sidecar', (sc) => {
    const selector = strMap(obj(obj(sc.object.spec).workloadSelector).labels);
    if (sc.namespace === namespace && !isEmpty(selector)) {
      if (selects(selector, labels) && (!selecting || older(sc, selecting))) selecting = sc;
    } else if (sc.namespace === namespace && isEmpty(selector)) {
      if (!nsDefault || older(sc, nsDefault)) nsDefault = sc;
    } else if (sc.namespace === rootNamespace && isEmpty(selector) && (!rootDefault || older(sc, rootDefault))) rootDefault = sc;
  });
  const found = selecting ?? nsDefault ?? rootDefault;
  return found && { name: found.name, namespace: found.namespace };
}

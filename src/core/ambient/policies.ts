/**
 * AuthorizationPolicies in ambient mode: which are enforced by ztunnel at L4 (those with a selector, or none, that
 * select the workload) and which by a waypoint at L7 (targetRefs to the waypoint's Gateway, to the Service, or to
 * the istio-waypoint GatewayClass from the root namespace); and which rules need L7 attributes ztunnel cannot see.
 * Pure.
 */
import type { Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import { arr, obj, strMap } from '../model/access.js';
import { selects } from '../model/selectors.js';
import { compareStrings, scalarString } from '../tree.js';

/** An AuthorizationPolicy and where it is enforced. */
export interface AmbientPolicy {
  namespace: string;
  name: string;
  action: string;
  /** `ztunnel` (L4) or `waypoint` (L7). */
  enforcedBy: 'ztunnel' | 'waypoint';
  /** For waypoint policies: what the targetRef names, e.g. `Gateway waypoint`, `Service reviews`. */
  target?: string;
  /** L7 attributes the policy uses (methods, paths, hosts, headers, request principals...). */
  l7: string[];
}

const OPERATION_L7 = ['methods', 'notMethods', 'paths', 'notPaths', 'hosts', 'notHosts'];
const SOURCE_L7 = ['requestPrincipals', 'notRequestPrincipals'];

/** The L7 attributes `spec` uses, sorted (empty for a pure L4 policy). */
export function l7Attributes(spec: Record<string, unknown>): string[] {
  const found = new Set<string>();
  for (const rule of arr(spec.rules)) {
    const r = obj(rule);
    for (const to of arr(r.to)) for (const k of OPERATION_L7) if (arr(obj(obj(to).operation)[k]).length) found.add(k);
    for (const from of arr(r.from)) for (const k of SOURCE_L7) if (arr(obj(obj(from).source)[k]).length) found.add(k);
    for (const when of arr(r.when)) {
      const key = scalarString(obj(when).key) ?? '';
      if (key.startsWith('request.')) found.add(key.startsWith('request.headers') ? 'request.headers' : key);
    }
  }
  return [...found].sort();
}

/** The targetRefs of a policy (targetRef and targetRefs alike). */
export function targetRefsOf(spec: Record<string, unknown>): { kind: string; group: string; name: string; namespace?: string }[] {
  const refs = [...(spec.targetRef !== undefined ? [spec.targetRef] : []), ...arr(spec.targetRefs)];
  return refs.map((r) => {
    const o = obj(r);
    const ref: { kind: string; group: string; name: string; namespace?: string } = {
      kind: scalarString(o.kind) ?? '',
      group: scalarString(o.group) ?? '',
      name: scalarString(o.name) ?? '',
    };
    const ns = scalarString(o.namespace);
    if (ns) ref.namespace = ns;
    return ref;
  });
}

/** Policies ztunnel enforces for a workload in `namespace` with `labels`: no targetRefs, selector matching or empty. */
export function ztunnelPolicies(ctx: SnapshotView, namespace: string, labels: Record<string, string>, rootNamespace: string): AmbientPolicy[] {
  const out: AmbientPolicy[] = [];
  ctx.forEach('AuthorizationPolicy', (ap) => {
    if (ap.namespace !== namespace && ap.namespace !== rootNamespace) return;
    const spec = obj(ap.object.spec);
    if (targetRefsOf(spec).length) return;
    const selector = strMap(obj(spec.selector).matchLabels);
    if (!selects(selector, labels)) return;
    out.push(policy(ap, 'ztunnel'));
  });
  return sorted(out);
}

/**
 * Policies a waypoint enforces for traffic to `service` through `waypoint` (namespace/name): targetRefs naming the
 * waypoint's Gateway (in its namespace), the Service (in its namespace), or the istio-waypoint GatewayClass (root namespace).
 */
export function waypointPolicies(
  ctx: SnapshotView,
  waypoint: { namespace: string; name: string } | undefined,
  service: { namespace: string; name: string } | undefined,
  rootNamespace: string,
): AmbientPolicy[] {
  const out: AmbientPolicy[] = [];
  ctx.forEach('AuthorizationPolicy', (ap) => {
    for (const ref of targetRefsOf(obj(ap.object.spec))) {
      const ns = ref.namespace ?? ap.namespace;
      const hit =
        (ref.kind === 'Gateway' && waypoint && ns === waypoint.namespace && ref.name === waypoint.name) ||
        (ref.kind === 'Service' && service && ns === service.namespace && ref.name === service.name) ||
        (ref.kind === 'GatewayClass' && waypoint && ap.namespace === rootNamespace && ref.name === 'istio-waypoint');
      if (hit) {
        out.push({ ...policy(ap, 'waypoint'), target: `${ref.kind} ${ref.name}` });
        return;
      }
    }
  });
  return sorted(out);
}

function policy(ap: Resource, enforcedBy: 'ztunnel' | 'waypoint'): AmbientPolicy {
  const spec = obj(ap.object.spec);
  return { namespace: ap.namespace, name: ap.name, action: scalarString(spec.action) ?? 'ALLOW', enforcedBy, l7: l7Attributes(spec) };
}

function sorted(list: AmbientPolicy[]): AmbientPolicy[] {
  const order = ['CUSTOM', 'DENY', 'AUDIT', 'ALLOW'];
  return list.sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action) || compareStrings(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`));
}

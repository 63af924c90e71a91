/**
 * The security on the graph's edges: each workload's effective mTLS mode (PeerAuthentication mesh → namespace →
 * workload, as describe works it out), the AuthorizationPolicies and RequestAuthentications that apply to it, and
 * for each edge into it the result of the client side's DestinationRule TLS against that mode. Route edges then
 * carry what their destination's workloads enforce, and the destination's traffic policy (the circuit breaker).
 */
import type { Resource } from '../model/resource.js';
import { arr, obj, strMap } from '../model/access.js';
import { toFqdn } from '../model/hosts.js';
import { selects } from '../model/selectors.js';
import { workloads } from '../model/workloads.js';
import { authorizationPolicies, effectivePeerAuthentication } from '../describe/policies.js';
import { scalarString } from '../tree.js';
import type { AttributeValue, GraphEdge } from './model.js';
import type { Pass } from './hosts.js';
import { hostId, objectId, workloadId } from './ids.js';

/** Adds the security attributes to workloads and edges, and the policy attributes to route edges. */
export function drawSecurity(p: Pass): void {
  const { ctx, b, rootNamespace: root } = p;
  for (const w of workloads(ctx)) {
    const node = b.nodes.get(workloadId(w.namespace, w.resource.kind, w.resource.name));
    if (!node) continue;
    const pa = effectivePeerAuthentication(ctx, w.namespace, w.labels, root);
    const authz = authorizationPolicies(ctx, w.namespace, w.labels, root);
    const jwt = requestAuthentications(p, w.namespace, w.labels);
    for (const ref of pa.applied) relateByName(p, 'PeerAuthentication', ref.namespace, ref.name, node.id);
    for (const ap of authz) relateByName(p, 'AuthorizationPolicy', ap.namespace, ap.name, node.id);
    for (const ra of jwt.resources) b.relate(ra, node.id);
    b.attributes(node, {
      mtls: node.attributes.dataplane === 'none' ? 'none (no proxy)' : pa.mode,
      mtlsPolicy: pa.applied.map((a) => `${a.namespace}/${a.name} (${a.level})`),
      portMtls: pa.portModes.map((m) => `${m.port}: ${m.mode}`),
      authorization: authz.map((a) => `${a.action} ${a.namespace}/${a.name} (${a.rules} rule${a.rules === 1 ? '' : 's'}, ${a.scope})`),
      jwt: jwt.texts,
    });
  }
  targetedPolicies(p);
  const out = new Map<string, GraphEdge[]>();
  for (const e of b.edges.values()) {
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  for (const e of b.edges.values()) if (e.kind === 'selects') b.attributes(e, edgeSecurity(p, e));
  for (const e of b.edges.values()) {
    if (e.kind !== 'route' && e.kind !== 'mirror') continue;
    const target = b.nodes.get(e.to);
    if (!target) continue;
    b.attributes(e, downstream(e.to, out));
    const t = target.attributes;
    b.attributes(e, { connectionPool: t.connectionPool, outlierDetection: t.outlierDetection, clientTls: t.clientTls, circuitBreaker: t.circuitBreaker });
    if (t.circuitBreaker === true && e.kind === 'route') e.label = e.label ? `${e.label} · circuit breaker` : 'circuit breaker';
  }
}

/** What a selects edge's client TLS (its subset's or host's DestinationRule) meets at the workload's mode. */
function edgeSecurity(p: Pass, e: GraphEdge): Record<string, AttributeValue | undefined> {
  const w = p.b.nodes.get(e.to)!.attributes;
  const from = p.b.nodes.get(e.from)?.attributes ?? {};
  const client = (from.clientTls as string | undefined) ?? 'ISTIO_MUTUAL (auto)';
  const server = String(w.mtls ?? 'PERMISSIVE');
  let mtls: string;
  if (w.dataplane === 'none') mtls = 'plaintext (no proxy at the server)';
  else if (client === 'DISABLE') mtls = server === 'STRICT' ? 'conflict: the DestinationRule sends plaintext, the server requires mTLS' : 'plaintext';
  else if (client === 'SIMPLE' || client === 'MUTUAL') mtls = `TLS origination (${client})`;
  else mtls = server === 'STRICT' ? 'mTLS (STRICT)' : server === 'DISABLE' ? 'plaintext (mTLS disabled)' : 'mTLS (PERMISSIVE: plaintext also accepted)';
  return {
    mtls,
    hops: w.dataplane === 'ambient' ? ['ztunnel (HBONE)'] : undefined,
    authorization: w.authorization,
    jwt: w.jwt,
  };
}

/** What the workloads behind a destination enforce: their mTLS modes (or `mixed`), policies and JWT rules. */
function downstream(id: string, out: Map<string, GraphEdge[]>): Record<string, AttributeValue | undefined> {
  const seen = new Set<string>();
  const modes = new Set<string>();
  const authz = new Set<string>();
  const jwt = new Set<string>();
  const walk = (at: string): void => {
    if (seen.has(at)) return;
    seen.add(at);
    for (const e of out.get(at) ?? []) {
      if (e.kind === 'selects') {
        modes.add(String(e.attributes.mtls));
        for (const a of (e.attributes.authorization as string[] | undefined) ?? []) authz.add(a);
        for (const j of (e.attributes.jwt as string[] | undefined) ?? []) jwt.add(j);
      } else if (e.kind === 'subset' || e.kind === 'hop') walk(e.to);
    }
  };
  walk(id);
  return {
    mtls: modes.size === 0 ? undefined : modes.size === 1 ? [...modes][0] : `mixed: ${[...modes].sort().join('; ')}`,
    authorization: [...authz],
    jwt: [...jwt],
  };
}

/** RequestAuthentications selecting a workload (root namespace, its namespace, or by selector) and their issuers. */
function requestAuthentications(p: Pass, namespace: string, labels: Record<string, string>): { texts: string[]; resources: Resource[] } {
  const texts: string[] = [];
  const resources: Resource[] = [];
  p.ctx.forEach('RequestAuthentication', (ra) => {
    if (ra.namespace !== namespace && ra.namespace !== p.rootNamespace) return;
    const spec = obj(ra.object.spec);
    if (spec.targetRef !== undefined || spec.targetRefs !== undefined) return;
    if (!selects(strMap(obj(spec.selector).matchLabels), labels)) return;
    const issuers = arr(spec.jwtRules).map((r) => scalarString(obj(r).issuer) ?? '?');
    texts.push(`${ra.namespace}/${ra.name}: ${issuers.length ? `issuer ${issuers.join(', ')}` : 'no JWT rules'}`);
    resources.push(ra);
  });
  return { texts, resources };
}

/** AuthorizationPolicies and RequestAuthentications bound by targetRef(s) to a waypoint, Gateway or Service. */
function targetedPolicies(p: Pass): void {
  for (const kind of ['AuthorizationPolicy', 'RequestAuthentication'] as const) {
    p.ctx.forEach(kind, (r) => {
      const spec = obj(r.object.spec);
      const refs = [...arr(spec.targetRefs), ...(spec.targetRef === undefined ? [] : [spec.targetRef])].map(obj);
      for (const ref of refs) {
        const name = scalarString(ref.name) ?? '';
        const ns = scalarString(ref.namespace) ?? r.namespace;
        const ids =
          ref.kind === 'Service'
            ? [hostId(toFqdn(ns, name))]
            : [objectId('waypoint', ns, name), objectId('gateway', ns, name)].filter((id) => p.b.nodes.has(id));
        for (const id of ids) {
          const node = p.b.nodes.get(id);
          if (!node) continue;
          const key = kind === 'AuthorizationPolicy' ? 'authorization' : 'jwt';
          const text = kind === 'AuthorizationPolicy' ? `${scalarString(spec.action) ?? 'ALLOW'} ${r.namespace}/${r.name}` : `${r.namespace}/${r.name}`;
          const list = (node.attributes[key] as string[] | undefined) ?? [];
          if (!list.includes(text)) p.b.attributes(node, { [key]: [...list, text] });
          p.b.relate(r, id);
        }
      }
    });
  }
}

function relateByName(p: Pass, kind: string, namespace: string, name: string, id: string): void {
  const r = p.ctx.find(kind, namespace, name);
  if (r) p.b.relate(r, id);
}

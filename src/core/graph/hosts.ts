/**
 * The right half of the graph: hosts (Services, ServiceEntry hosts), the DestinationRule subsets of each host with
 * their traffic policies, the workloads each subset (or the host itself) selects, and the waypoint in between for
 * ambient Services. Every Service and ServiceEntry of the input is drawn, routed to or not.
 */
import type { Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import { arr, num, obj, strMap, strs } from '../model/access.js';
import { serviceRegistry, toFqdn, type ServiceView } from '../model/hosts.js';
import { isEmpty, selectorString, selects } from '../model/selectors.js';
import { workloadIndex, workloads, type Workload } from '../model/workloads.js';
import { pickDestinationRule } from '../describe/traffic.js';
import { scalarString } from '../tree.js';
import type { GraphBuilder } from './builder.js';
import { hostId, objectId, subsetId, workloadId } from './ids.js';
import { mergePolicies, policyAttributes } from './policy-text.js';
import { dataplaneOf, waypointGateway, waypointOf } from './ambient.js';

/** The pass's shared state: the view, the builder, the root namespace. */
export interface Pass {
  ctx: SnapshotView;
  b: GraphBuilder;
  rootNamespace: string;
}

/** Draws every Service and ServiceEntry host with its subsets and workloads, then the workloads nothing selects. */
export function drawHosts(p: Pass): void {
  // The stand-ins for a cluster (the default ingress gateway offline) are not the user's: never drawn.
  p.ctx.forEach('Service', (svc) => void (svc.origin.type === 'default' || drawService(p, svc)));
  p.ctx.forEach('ServiceEntry', (se) => {
    for (const host of strs(obj(se.object.spec).hosts)) {
      const view = serviceRegistry(p.ctx).lookup(se.namespace, host);
      if (view && view.resource === se) drawHostView(p, view);
    }
  });
  for (const w of workloads(p.ctx)) if (w.resource.origin.type !== 'default') drawWorkload(p, w);
}

/** The node id a route destination reaches: the subset when named, else the host; draws what is missing. */
export function destinationNode(p: Pass, fromNamespace: string, host: string, subset: string | undefined): string {
  const view = serviceRegistry(p.ctx).lookup(fromNamespace, host);
  const fqdn = view?.host ?? toFqdn(fromNamespace, host);
  const id = view ? drawHostView(p, view) : missingHost(p, fqdn);
  if (!subset) return id;
  const sid = subsetId(fqdn, subset);
  if (!p.b.nodes.has(sid)) {
    p.b.node({
      id: sid,
      kind: 'missing',
      label: subset,
      namespace: view?.resource.namespace ?? '',
      attributes: { missing: `no DestinationRule subset ${subset} of ${fqdn}`, host: fqdn },
    });
    p.b.edge({ id: `subset:${sid}`, kind: 'subset', from: id, to: sid });
  }
  return sid;
}

function missingHost(p: Pass, fqdn: string): string {
  const id = hostId(fqdn);
  p.b.node({ id, kind: 'missing', label: fqdn, namespace: '', attributes: { missing: 'no Service or ServiceEntry defines this host', host: fqdn } });
  return id;
}

function drawService(p: Pass, svc: Resource): string | undefined {
  const view = serviceRegistry(p.ctx).lookup(svc.namespace, svc.name);
  return view && view.resource === svc ? drawHostView(p, view) : undefined;
}

/** Draws one host (once) with its DestinationRule, subsets and workloads; returns its node id. */
function drawHostView(p: Pass, view: ServiceView): string {
  const id = hostId(view.host);
  if (p.b.nodes.has(id)) return id;
  const r = view.resource;
  const isService = r.kind === 'Service';
  const spec = obj(r.object.spec);
  const ports = view.ports.map((port) => `${port.name ? `${port.name} ` : ''}${port.number}/${port.protocol || 'TCP'}`);
  p.b.node({
    id,
    kind: isService ? 'service' : 'serviceentry',
    label: isService ? r.name : view.host,
    namespace: r.namespace,
    anchor: { resource: r },
    attributes: {
      host: view.host,
      ports,
      selector: isEmpty(view.selector) ? undefined : selectorString(view.selector),
      location: isService ? undefined : (scalarString(spec.location) ?? 'MESH_EXTERNAL'),
      resolution: isService ? undefined : (scalarString(spec.resolution) ?? 'NONE'),
    },
  });
  p.b.relate(r, id);
  const waypoint = isService ? waypointOf(p.ctx, r) : undefined;
  let via = id;
  if (waypoint) {
    via = objectId('waypoint', waypoint.namespace, waypoint.name);
    const gw = waypointGateway(p.ctx, waypoint.namespace, waypoint.name);
    p.b.node({
      id: via,
      kind: 'waypoint',
      label: waypoint.name,
      namespace: waypoint.namespace,
      anchor: gw && { resource: gw },
      attributes: { dataplane: 'ambient' },
    });
    if (gw) p.b.relate(gw, via);
    p.b.edge({
      id: `hop:${id}>${via}`,
      kind: 'hop',
      from: id,
      to: via,
      label: 'waypoint',
      attributes: { hops: ['ztunnel', `waypoint ${waypoint.namespace}/${waypoint.name}`] },
    });
  }
  const selected = isEmpty(view.selector) ? [] : workloadIndex(p.ctx).select(view.selector, isService ? r.namespace : undefined);
  const backends = selected.filter((w) => w.resource.origin.type !== 'default');
  const dr = destinationRuleFor(p, view.host, r.namespace);
  const rulePolicy = dr && (obj(dr.object.spec).trafficPolicy as Record<string, unknown> | undefined);
  if (dr) {
    p.b.attributes(p.b.nodes.get(id)!, { destinationRule: `${dr.namespace}/${dr.name}`, ...policyAttributes(rulePolicy && obj(rulePolicy)) });
    p.b.relate(dr, id);
  }
  const inSubset = new Set<Workload>();
  arr(dr && obj(dr.object.spec).subsets).forEach((raw, i) => {
    const s = obj(raw);
    const name = scalarString(s.name) ?? `#${i}`;
    const labels = strMap(s.labels);
    const sid = subsetId(view.host, name);
    const policy = mergePolicies(rulePolicy && obj(rulePolicy), s.trafficPolicy === undefined ? undefined : obj(s.trafficPolicy));
    const anchor = { resource: dr!, path: ['spec', 'subsets', i] };
    p.b.node({
      id: sid,
      kind: 'subset',
      label: name,
      namespace: r.namespace,
      anchor,
      config: s,
      attributes: { host: view.host, labels: selectorString(labels), ...policyAttributes(policy) },
    });
    p.b.edge({ id: `subset:${sid}`, kind: 'subset', from: via, to: sid, anchor });
    for (const w of backends.filter((w) => selects(labels, w.labels))) {
      inSubset.add(w);
      p.b.edge({ id: `selects:${sid}>${drawWorkload(p, w)}`, kind: 'selects', from: sid, to: workloadId(w.namespace, w.resource.kind, w.resource.name) });
    }
  });
  for (const w of backends.filter((w) => !inSubset.has(w))) {
    const wid = drawWorkload(p, w);
    p.b.edge({ id: `selects:${via}>${wid}`, kind: 'selects', from: via, to: wid });
  }
  return id;
}

/**
 * The DestinationRule for `fqdn` as seen from the host's own namespace, chosen as describe chooses it
 * (pickDestinationRule) among the rules that name this host or a wildcard: indexed by host once per snapshot,
 * since a scan of every rule for every host is quadratic on a big mesh.
 */
function destinationRuleFor(p: Pass, fqdn: string, namespace: string): Resource | undefined {
  const index = p.ctx.memo('graph-destination-rules', () => {
    const exact = new Map<string, Resource[]>();
    const wildcards: Resource[] = [];
    p.ctx.forEach('DestinationRule', (dr) => {
      const host = scalarString(obj(dr.object.spec).host);
      if (!host) return;
      const full = toFqdn(dr.namespace, host);
      if (full.startsWith('*')) wildcards.push(dr);
      else exact.set(full, [...(exact.get(full) ?? []), dr]);
    });
    return { exact, wildcards };
  });
  const candidates = [...(index.exact.get(fqdn) ?? []), ...index.wildcards];
  if (candidates.length === 0) return undefined;
  const narrowed: SnapshotView = {
    ...p.ctx,
    forEach: (kind, fn) => (kind === 'DestinationRule' ? void candidates.every((r) => fn(r) !== false) : p.ctx.forEach(kind, fn)),
  };
  return pickDestinationRule(narrowed, fqdn, namespace, { namespace, podLabels: [], rootNamespace: p.rootNamespace });
}

/** Draws a workload node (once); returns its id. */
function drawWorkload(p: Pass, w: Workload): string {
  const id = workloadId(w.namespace, w.resource.kind, w.resource.name);
  if (p.b.nodes.has(id)) return id;
  const spec = obj(w.resource.object.spec);
  p.b.node({
    id,
    kind: 'workload',
    label: w.resource.name,
    namespace: w.namespace,
    anchor: { resource: w.resource },
    attributes: {
      workloadKind: w.resource.kind,
      replicas: w.resource.kind === 'Pod' ? undefined : (num(spec.replicas) ?? 1),
      labels: selectorString(w.labels),
      dataplane: dataplaneOf(p.ctx, w),
      serviceAccount: scalarString(w.spec.serviceAccountName),
    },
  });
  p.b.relate(w.resource, id);
  return id;
}

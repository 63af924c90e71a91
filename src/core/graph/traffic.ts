/**
 * The left half of the graph: Gateways (ports, hosts, TLS) binding VirtualServices, and each VirtualService route
 * as edges to its destinations, labelled with the match and the weight, carrying retries, timeouts, fault
 * injection, mirroring and rewrites as attributes.
 */
import type { Resource } from '../model/resource.js';
import { arr, num, obj, strMap, strs } from '../model/access.js';
import { selectorString } from '../model/selectors.js';
import { renderMatches } from '../describe/traffic.js';
import { scalarString, type JsonObject } from '../tree.js';
import type { AttributeValue } from './model.js';
import { destinationNode, type Pass } from './hosts.js';
import { objectId } from './ids.js';
import { flatten } from './policy-text.js';

/** Draws every Gateway, then every VirtualService with its bindings and routes. */
export function drawTraffic(p: Pass): void {
  p.ctx.forEach('Gateway', (gw) => void drawGateway(p, gw));
  p.ctx.forEach('VirtualService', (vs) => drawVirtualService(p, vs));
}

function drawGateway(p: Pass, gw: Resource): string {
  const id = objectId('gateway', gw.namespace, gw.name);
  const spec = obj(gw.object.spec);
  const servers = arr(spec.servers).map((raw) => {
    const s = obj(raw);
    const port = obj(s.port);
    const tls = obj(s.tls);
    const mode = scalarString(tls.mode);
    const credential = scalarString(tls.credentialName);
    const tlsText = mode
      ? ` TLS ${mode}${credential ? ` (${credential})` : ''}${tls.httpsRedirect === true ? ' redirect' : ''}`
      : tls.httpsRedirect === true
        ? ' redirect to HTTPS'
        : '';
    return `${num(port.number) ?? '?'}/${scalarString(port.protocol) ?? '?'} ${strs(s.hosts).join(',')}${tlsText}`;
  });
  p.b.node({
    id,
    kind: 'gateway',
    label: gw.name,
    namespace: gw.namespace,
    anchor: { resource: gw },
    attributes: { servers, selector: selectorString(strMap(spec.selector)) },
  });
  p.b.relate(gw, id);
  return id;
}

/** `ns/name` or `name` (the VirtualService's namespace) → the Gateway's node id; draws a missing one. */
function gatewayNode(p: Pass, vs: Resource, ref: string): string {
  const [ns, name] = ref.includes('/') ? (ref.split('/', 2) as [string, string]) : [vs.namespace, ref];
  const gw = p.ctx.find('Gateway', ns, name);
  if (gw) return drawGateway(p, gw);
  const id = objectId('gateway', ns, name);
  p.b.node({ id, kind: 'missing', label: name, namespace: ns, attributes: { missing: `no Gateway ${ns}/${name}` } });
  return id;
}

function drawVirtualService(p: Pass, vs: Resource): void {
  const id = objectId('virtualservice', vs.namespace, vs.name);
  const spec = obj(vs.object.spec);
  const gateways = strs(spec.gateways);
  p.b.node({
    id,
    kind: 'virtualservice',
    label: vs.name,
    namespace: vs.namespace,
    anchor: { resource: vs },
    attributes: { hosts: strs(spec.hosts), gateways: gateways.length ? gateways : ['mesh'] },
  });
  p.b.relate(vs, id);
  gateways.forEach((ref, i) => {
    if (ref === 'mesh') return;
    const gid = gatewayNode(p, vs, ref);
    p.b.edge({
      id: `binds:${gid}>${id}`,
      kind: 'binds',
      from: gid,
      to: id,
      label: strs(spec.hosts).join(', '),
      anchor: { resource: vs, path: ['spec', 'gateways', i] },
    });
  });
  for (const type of ['http', 'tls', 'tcp'] as const) {
    arr(spec[type]).forEach((raw, i) => drawRoute(p, vs, id, type, i, obj(raw)));
  }
}

function drawRoute(p: Pass, vs: Resource, vsId: string, type: 'http' | 'tls' | 'tcp', i: number, route: JsonObject): void {
  const match = renderMatches(type, arr(route.match));
  const name = scalarString(route.name);
  const destinations = arr(route.route).map(obj);
  const split = destinations.length > 1 || destinations.some((d) => d.weight !== undefined);
  const extras = type === 'http' ? routeExtras(route) : {};
  destinations.forEach((d, j) => {
    const dest = obj(d.destination);
    const host = scalarString(dest.host) ?? '';
    const subset = scalarString(dest.subset);
    const to = destinationNode(p, vs.namespace, host, subset);
    // With several destinations an unset weight is 0 (Istio requires them to add up); one alone takes all.
    const weight = split ? (num(d.weight) ?? 0) : undefined;
    const label = [name ?? (match === 'everything' ? undefined : match), weight === undefined ? undefined : `${weight}%`].filter(Boolean).join(' · ');
    const path = ['spec', type, i, 'route', j];
    const edgeId = `route:${vsId}/${type}[${i}]>${to}#${j}`;
    p.b.edge({
      id: edgeId,
      kind: 'route',
      from: vsId,
      to,
      label: label || undefined,
      weight,
      anchor: { resource: vs, path: ['spec', type, i] },
      attributes: { protocol: type.toUpperCase(), match, route: name, port: num(obj(dest.port).number), ...extras },
    });
    // Analyzers point at the destination's host or subset line: a message there lands on this edge.
    for (const field of ['host', 'subset']) p.b.alsoAt(edgeId, { resource: vs, path: [...path, 'destination', field] });
    // A destination nothing defines is at fault for a message on its reference; a defined one is not.
    if (p.b.nodes.get(to)?.kind === 'missing') p.b.alsoAt(to, { resource: vs, path: [...path, 'destination', subset ? 'subset' : 'host'] });
  });
  const mirror = obj(route.mirror);
  const mirrorHost = scalarString(mirror.host);
  if (type === 'http' && mirrorHost) {
    const to = destinationNode(p, vs.namespace, mirrorHost, scalarString(mirror.subset));
    const share = num(obj(route.mirrorPercentage).value);
    p.b.edge({
      id: `mirror:${vsId}/http[${i}]>${to}`,
      kind: 'mirror',
      from: vsId,
      to,
      label: `mirror${share === undefined ? '' : ` ${share}%`}`,
      anchor: { resource: vs, path: ['spec', 'http', i, 'mirror'] },
      attributes: { match },
    });
  }
}

/** Retries, timeout, fault injection, mirroring, rewrite and redirect of an HTTP route, as texts. */
function routeExtras(route: JsonObject): Record<string, AttributeValue | undefined> {
  const fault = obj(route.fault);
  const delay = obj(fault.delay);
  const abort = obj(fault.abort);
  const share = (x: JsonObject): string => {
    const value = num(obj(x.percentage).value) ?? num(x.percent);
    return value === undefined ? 'all requests' : `${value}% of requests`;
  };
  const faults: string[] = [];
  if (fault.delay !== undefined) faults.push(`delay ${scalarString(delay.fixedDelay) ?? '?'} for ${share(delay)}`);
  if (fault.abort !== undefined) faults.push(`abort ${num(abort.httpStatus) ?? scalarString(abort.grpcStatus) ?? '?'} for ${share(abort)}`);
  const mirror = scalarString(obj(route.mirror).host);
  return {
    timeout: scalarString(route.timeout),
    retries: route.retries === undefined ? undefined : flatten(route.retries),
    fault: faults,
    mirror: mirror && `${mirror}${route.mirrorPercentage === undefined ? '' : ` (${num(obj(route.mirrorPercentage).value) ?? '?'}%)`}`,
    rewrite: route.rewrite === undefined ? undefined : flatten(route.rewrite),
    redirect: route.redirect === undefined ? undefined : flatten(route.redirect),
  };
}

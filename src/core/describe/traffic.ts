/**
 * Which DestinationRule and VirtualServices govern traffic to a service port, and what they do to the pods
 * behind it. istioctl reads this from the pod's Envoy config dump; mesh works it out from the configuration
 * (the same rules istiod applies), so it also works offline on files.
 */
import type { Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import { arr, num, obj, strMap, strs } from '../model/access.js';
import { hostsOverlap, toFqdn } from '../model/hosts.js';
import { selects } from '../model/selectors.js';
import type { DestinationRuleFacts, PolicySummary, RouteFacts, VirtualServiceFacts } from './model.js';
import { byKey, type JsonObject, scalarString } from '../tree.js';

/** Who is asking: the pods' namespace (visibility, DR precedence) and the label sets of the pods behind the service. */
export interface Viewpoint {
  namespace: string;
  podLabels: Record<string, string>[];
  rootNamespace: string;
}

/** True when a config object exported with `exportTo` (default: everywhere) is visible from `namespace`. */
export function visibleFrom(exportTo: string[], ownNamespace: string, namespace: string): boolean {
  if (exportTo.length === 0) return true;
  return exportTo.some((e) => e === '*' || e === namespace || (e === '.' && ownNamespace === namespace));
}

/**
 * The DestinationRule a proxy in `view.namespace` uses for `fqdn`: exact host before wildcard (longest wildcard
 * first), then the client's namespace, the service's, the root namespace, then any other exporting namespace.
 * A rule with a workloadSelector counts only when it selects the pod.
 */
export function pickDestinationRule(ctx: SnapshotView, fqdn: string, serviceNamespace: string, view: Viewpoint): Resource | undefined {
  let best: { r: Resource; score: number[] } | undefined;
  ctx.forEach('DestinationRule', (r) => {
    const spec = obj(r.object.spec);
    const host = scalarString(spec.host);
    if (!host) return;
    const full = toFqdn(r.namespace, host);
    if (!(full === fqdn || (full.startsWith('*') && hostsOverlap(full, fqdn)))) return;
    if (!visibleFrom(strs(spec.exportTo), r.namespace, view.namespace)) return;
    const selector = strMap(obj(spec.workloadSelector).matchLabels);
    if (Object.keys(selector).length > 0 && (r.namespace !== view.namespace || !view.podLabels.some((l) => selects(selector, l)))) return;
    const nsRank = r.namespace === view.namespace ? 0 : r.namespace === serviceNamespace ? 1 : r.namespace === view.rootNamespace ? 2 : 3;
    const score = [full === fqdn ? 0 : 1, -full.length, nsRank];
    if (!best || compare(score, best.score) < 0) best = { r, score };
  });
  return best?.r;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Subsets of a DestinationRule split by whether any of the pods carries their labels. */
export function splitSubsets(dr: Resource, podLabels: Record<string, string>[]): { matching: string[]; nonMatching: string[] } {
  const matching: string[] = [],
    nonMatching: string[] = [];
  for (const s of arr(obj(dr.object.spec).subsets)) {
    const subset = obj(s);
    const labels = strMap(subset.labels);
    (podLabels.some((l) => selects(labels, l)) ? matching : nonMatching).push(scalarString(subset.name) ?? '');
  }
  return { matching, nonMatching };
}

/** The facts describe prints about a DestinationRule. */
export function destinationRuleFacts(dr: Resource, podLabels: Record<string, string>[]): DestinationRuleFacts {
  const spec = obj(dr.object.spec);
  const { matching, nonMatching } = splitSubsets(dr, podLabels);
  const tp = spec.trafficPolicy === undefined ? undefined : obj(spec.trafficPolicy);
  return {
    name: dr.name,
    namespace: dr.namespace,
    host: scalarString(spec.host) ?? '',
    matchingSubsets: matching,
    nonMatchingSubsets: nonMatching,
    trafficPolicy: tp && summarize(tp),
    portLevel: arr(tp?.portLevelSettings).map((p) => ({ port: num(obj(obj(p).port).number) ?? 0, ...summarize(obj(p)) })),
  };
}

function summarize(policy: JsonObject): PolicySummary {
  const policies: string[] = [];
  if (policy.loadBalancer !== undefined) policies.push('load balancer');
  if (policy.connectionPool !== undefined) policies.push('connection pool');
  if (policy.outlierDetection !== undefined) policies.push('outlier detection');
  const tls = policy.tls === undefined ? undefined : (scalarString(obj(policy.tls).mode) ?? 'DISABLE');
  return tls === undefined ? { policies } : { tlsMode: tls, policies };
}

/** True when the VirtualService binds `gateway` (`mesh` is the default when it names none). */
export function bindsGateway(vs: Resource, gateway: string): boolean {
  const gateways = strs(obj(vs.object.spec).gateways);
  return gateways.length === 0 ? gateway === 'mesh' : gateways.includes(gateway);
}

/** Mesh (sidecar) VirtualServices visible from the viewpoint whose hosts cover `fqdn`. */
export function virtualServicesFor(ctx: SnapshotView, fqdn: string, view: Viewpoint): Resource[] {
  const out: Resource[] = [];
  ctx.forEach('VirtualService', (vs) => {
    const spec = obj(vs.object.spec);
    if (!bindsGateway(vs, 'mesh') || !visibleFrom(strs(spec.exportTo), vs.namespace, view.namespace)) return;
    if (strs(spec.hosts).some((h) => hostsOverlap(toFqdn(vs.namespace, h), fqdn))) out.push(vs);
  });
  return out;
}

/**
 * Splits a VirtualService's routes into those that deliver traffic for `fqdn:port` to the pods (a destination
 * with this host, a subset the pods match, a port that fits) and the others, each with its reason.
 */
export function virtualServiceFacts(
  vs: Resource,
  fqdn: string,
  port: number | undefined,
  subsets: { matching: string[]; nonMatching: string[] } | undefined,
  dr: Resource | undefined,
): VirtualServiceFacts {
  const spec = obj(vs.object.spec);
  const matchingRoutes: RouteFacts[] = [],
    otherRoutes: RouteFacts[] = [];
  let total = 0;
  for (const type of ['http', 'tls', 'tcp'] as const) {
    arr(spec[type]).forEach((raw, index) => {
      total++;
      const route = obj(raw);
      const facts: RouteFacts = { type, index, match: renderMatches(type, arr(route.match)), destinations: [], extras: type === 'http' ? extrasOf(route) : [] };
      const name = scalarString(route.name);
      if (name) facts.name = name;
      for (const d of arr(route.route)) {
        const dest = obj(obj(d).destination);
        const host = scalarString(dest.host) ?? '';
        const subset = scalarString(dest.subset);
        const destPort = num(obj(dest.port).number);
        const weight = num(obj(d).weight);
        const entry: RouteFacts['destinations'][number] = { host, reachesPod: false };
        if (subset) entry.subset = subset;
        if (destPort !== undefined) entry.port = destPort;
        if (weight !== undefined) entry.weight = weight;
        if (toFqdn(vs.namespace, host) !== fqdn) entry.note = 'another service';
        else if (destPort !== undefined && port !== undefined && destPort !== port) entry.note = `port ${destPort}, not ${port}`;
        else if (subset && subsets?.nonMatching.includes(subset)) entry.note = `subset ${subset} does not select this pod`;
        else if (subset && !subsets?.matching.includes(subset)) {
          entry.note = dr
            ? `unknown subset ${subset}; check DestinationRule ${dr.name}.${dr.namespace}`
            : `subset ${subset} but no DestinationRule defines subsets`;
        } else entry.reachesPod = true;
        facts.destinations.push(entry);
      }
      if (type === 'http' && route.redirect !== undefined) facts.extras.unshift('redirect');
      (facts.destinations.some((d) => d.reachesPod) ? matchingRoutes : otherRoutes).push(facts);
    });
  }
  return { name: vs.name, namespace: vs.namespace, hosts: strs(spec.hosts), gateways: strs(spec.gateways), matchingRoutes, otherRoutes, totalRoutes: total };
}

function extrasOf(route: JsonObject): string[] {
  const out: string[] = [];
  const fault = obj(route.fault);
  if (fault.delay !== undefined)
    out.push(`fault: delay ${scalarString(obj(fault.delay).fixedDelay) ?? ''} for ${percent(obj(fault.delay).percentage)}`.replace('  ', ' '));
  if (fault.abort !== undefined)
    out.push(`fault: abort ${num(obj(fault.abort).httpStatus) ?? scalarString(obj(fault.abort).grpcStatus) ?? ''} for ${percent(obj(fault.abort).percentage)}`);
  if (route.rewrite !== undefined) out.push('rewrite');
  if (route.timeout !== undefined) out.push(`timeout ${scalarString(route.timeout)}`);
  if (route.retries !== undefined) out.push(`retries ${num(obj(route.retries).attempts) ?? ''}`.trim());
  if (route.mirror !== undefined) out.push(`mirror to ${scalarString(obj(route.mirror).host) ?? ''}`);
  return out;
}

function percent(p: unknown): string {
  const value = num(obj(p).value);
  return value === undefined ? 'all requests' : `${value}% of requests`;
}

/** `everything`, or each match request rendered and joined with ` or `. */
export function renderMatches(type: 'http' | 'tls' | 'tcp', matches: unknown[]): string {
  if (matches.length === 0) return 'everything';
  return matches.map((m) => renderMatch(type, obj(m))).join(' or ');
}

function renderMatch(type: 'http' | 'tls' | 'tcp', m: JsonObject): string {
  const parts: string[] = [];
  if (type === 'http') {
    if (m.uri !== undefined) parts.push(`uri ${stringMatch(obj(m.uri))}${m.ignoreUriCase === true ? ' (any case)' : ''}`);
    if (m.method !== undefined) parts.push(`method ${stringMatch(obj(m.method))}`);
    if (m.authority !== undefined) parts.push(`authority ${stringMatch(obj(m.authority))}`);
    const headers = Object.entries(obj(m.headers)).sort(byKey);
    if (headers.length) parts.push(`headers ${headers.map(([k, v]) => `${k}=${stringMatch(obj(v))}`).join('; ')}`);
    const query = Object.entries(obj(m.queryParams));
    if (query.length) parts.push(`query ${query.map(([k, v]) => `${k}=${stringMatch(obj(v))}`).join('; ')}`);
  }
  if (type === 'tls' && strs(m.sniHosts).length) parts.push(`sni ${strs(m.sniHosts).join(',')}`);
  if (m.port !== undefined) parts.push(`port ${num(m.port)}`);
  if (strs(m.gateways).length) parts.push(`gateways ${strs(m.gateways).join(',')}`);
  const source = strMap(m.sourceLabels);
  if (Object.keys(source).length)
    parts.push(
      `from ${Object.entries(source)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`,
    );
  if (scalarString(m.sourceNamespace)) parts.push(`from namespace ${scalarString(m.sourceNamespace)}`);
  return parts.length ? parts.join(', ') : 'everything';
}

/** Exact values as they are, prefixes with a trailing `*`, regexes as `~re`. */
function stringMatch(m: JsonObject): string {
  if (typeof m.exact === 'string') return m.exact;
  if (typeof m.prefix === 'string') return `${m.prefix}*`;
  if (typeof m.regex === 'string') return `~${m.regex}`;
  return '(any)';
}

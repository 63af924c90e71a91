/** The text layout of `mesh describe` (istioctl x describe's, so its users find things where they expect them). */
import type {
  DestinationRuleFacts,
  IngressFacts,
  PeerAuthenticationFacts,
  PodDescription,
  Ref,
  RouteFacts,
  ServiceDescription,
  ServiceFacts,
  VirtualServiceFacts,
} from './model.js';

import { ambientLines } from '../ambient/text.js';
import type { AmbientView } from '../ambient/view.js';

const RULE = '--------------------';

/** Options for renderText. */
export interface TextOptions {
  /** The namespace names are relative to: objects in it print bare, others as name.namespace. */
  namespace: string;
}

/** Renders a description as istioctl-like text; ends with a newline. */
export function renderText(d: PodDescription | ServiceDescription, options: TextOptions): string {
  const kname = (r: Ref): string => (r.namespace === options.namespace ? r.name : `${r.name}.${r.namespace}`);
  const lines: string[] = [];
  const put = (level: number, text: string): void => void lines.push(`${'   '.repeat(level)}${text}`);
  if (d.kind === 'PodDescription') {
    const p = d.pod;
    put(0, `${p.kind === 'Pod' ? 'Pod' : `Pod template of ${p.kind}`}: ${kname(p)}`);
    put(1, `Pod Revision: ${p.revision || (p.meshed ? 'default' : '(none: no sidecar)')}`);
    if (p.ports.length) put(1, `Pod Ports: ${p.ports.map((x) => `${x.port}${x.protocol === 'TCP' ? '' : `/${x.protocol}`} (${x.container})`).join(', ')}`);
    else put(1, 'Pod does not expose ports');
    if (p.injection) put(1, `Sidecar: injected when the pod is created (${p.injection})`);
    for (const w of d.warnings) put(0, `WARNING: ${w}`);
    for (const s of d.suggestions) put(0, `Suggestion: ${s}`);
    for (const svc of d.services) {
      lines.push(RULE);
      service(svc);
    }
    if (d.peerAuthentication) {
      lines.push(RULE);
      peerAuthentication(d.peerAuthentication);
    }
    if (d.authorizationPolicies.length || d.sidecar) lines.push(RULE);
    if (d.authorizationPolicies.length) {
      put(0, 'Applied AuthorizationPolicies (CUSTOM, then DENY, then ALLOW):');
      for (const ap of d.authorizationPolicies)
        put(
          1,
          `${ap.name}.${ap.namespace}: ${ap.action}, ${apEffect(ap.action, ap.rules)} (${ap.scope === 'workload' ? 'selects this workload' : `${ap.scope}-wide`})`,
        );
      if (d.authorizationPolicies.some((ap) => ap.action === 'ALLOW')) put(1, 'Requests no ALLOW policy matches are denied.');
    }
    if (d.sidecar) {
      put(0, 'Applied Sidecar:');
      put(1, `${d.sidecar.name}.${d.sidecar.namespace}`);
    }
    ambient(d.ambient);
  } else {
    service(d.service, d.pods);
    for (const w of d.warnings) put(0, `WARNING: ${w}`);
    ambient(d.ambient);
  }
  for (const ingress of d.ingress) {
    lines.push(RULE);
    exposure(ingress);
  }
  return `${lines.join('\n')}\n`;

  function ambient(view: AmbientView | undefined): void {
    if (!view) return;
    lines.push(RULE);
    put(0, 'Ambient:');
    lines.push(...ambientLines(view, '   '));
  }

  function service(s: ServiceFacts, pods?: ServiceDescription['pods']): void {
    put(0, `Service: ${kname(s)}`);
    for (const p of s.ports) {
      if (p.problem) put(1, `Port: ${p.name} ${p.port}/${p.protocol}: ${p.problem}`);
      else put(1, `Port: ${p.name} ${p.port}/${p.protocol}${p.targetPort === undefined ? '' : ` targets pod port ${p.targetPort}`}`);
    }
    if (pods)
      put(
        1,
        pods.length
          ? `Pods: ${pods.map((p) => `${kname(p)}${p.kind === 'Pod' ? '' : ` (${p.kind})`}${p.meshed ? '' : ' (no sidecar)'}`).join(', ')}`
          : 'Pods: none',
      );
    const multi = s.traffic.length > 1;
    for (const t of s.traffic) {
      if (!t.destinationRule && t.virtualServices.length === 0) continue;
      if (multi) put(0, `${t.port}:`);
      const base = multi ? 1 : 0;
      if (t.destinationRule) destinationRule(base, t.destinationRule, multi ? t.port : undefined);
      for (const vs of t.virtualServices) virtualService(base, vs);
    }
    if (s.traffic.every((t) => !t.destinationRule && t.virtualServices.length === 0)) put(1, 'No DestinationRule or VirtualService applies to this service');
  }

  /** With `port`, only that port's port-level settings (the others do not apply to it). */
  function destinationRule(level: number, dr: DestinationRuleFacts, port?: number): void {
    put(level, `DestinationRule: ${kname(dr)} for "${dr.host}"`);
    if (dr.matchingSubsets.length || dr.nonMatchingSubsets.length) {
      put(level + 1, `Matching subsets: ${dr.matchingSubsets.join(',') || '(none)'}`);
      if (dr.nonMatchingSubsets.length) put(level + 2, `(Non-matching subsets ${dr.nonMatchingSubsets.join(',')})`);
    }
    if (!dr.trafficPolicy) put(level + 1, 'No Traffic Policy');
    else {
      if (dr.trafficPolicy.tlsMode) put(level + 1, `Traffic Policy TLS Mode: ${dr.trafficPolicy.tlsMode}`);
      if (dr.trafficPolicy.policies.length) put(level + 1, `Policies: ${dr.trafficPolicy.policies.join('/')}`);
    }
    const portLevel = dr.portLevel.filter((p) => port === undefined || p.port === port);
    if (portLevel.length) {
      put(level + 1, 'Port Level Settings:');
      for (const p of portLevel) {
        put(level + 2, `${p.port}:`);
        if (p.tlsMode) put(level + 3, `TLS Mode: ${p.tlsMode}`);
        if (p.policies.length) put(level + 3, `Policies: ${p.policies.join('/')}`);
      }
    }
  }

  function virtualService(level: number, vs: VirtualServiceFacts): void {
    put(level, `VirtualService: ${kname(vs)}`);
    if (vs.matchingRoutes.length === 0) {
      put(level + 1, `WARNING: no route reaches this pod (checked ${vs.totalRoutes} route(s))`);
      for (const r of vs.otherRoutes) put(level + 2, routeNote(r));
      return;
    }
    for (const r of vs.matchingRoutes) {
      for (const d of r.destinations) {
        const target = `"${d.host}"${d.subset ? ` subset "${d.subset}"` : ''}${d.port ? ` port ${d.port}` : ''}`;
        if (d.reachesPod)
          put(
            level + 1,
            `Route to host ${target}${d.weight !== undefined ? ` with weight ${d.weight}%` : ''}${r.match === 'everything' ? '' : ` when ${r.match}`}`,
          );
        else put(level + 1, `Route to host ${target}${d.weight !== undefined ? ` with weight ${d.weight}%` : ''} (not this pod: ${d.note})`);
      }
      if (r.extras.length) put(level + 2, r.extras.join('; '));
    }
    if (vs.otherRoutes.length) {
      put(level + 1, `${vs.otherRoutes.length} additional route(s) that will not reach this pod`);
      for (const r of vs.otherRoutes) put(level + 2, routeNote(r));
    }
  }

  function routeNote(r: RouteFacts): string {
    const where = `${r.type}[${r.index}]${r.name ? ` (${r.name})` : ''}`;
    const notes = r.destinations.map((d) => `${d.host}${d.subset ? ` subset ${d.subset}` : ''}: ${d.note ?? 'reaches this pod'}`);
    return `${where} for ${r.match}: ${notes.join('; ') || 'no destination'}`;
  }

  function peerAuthentication(pa: PeerAuthenticationFacts): void {
    put(0, 'Effective PeerAuthentication:');
    put(1, `Workload mTLS mode: ${pa.mode}${pa.applied.length ? '' : ' (Istio default: no PeerAuthentication applies)'}`);
    if (pa.portModes.length) {
      put(1, 'Port Level mTLS mode:');
      for (const p of pa.portModes) put(2, `${p.port}: ${p.mode}`);
    }
    if (pa.applied.length) {
      put(0, 'Applied PeerAuthentication:');
      put(1, pa.applied.map((a) => `${a.name}.${a.namespace}`).join(', '));
    }
  }

  function exposure(i: IngressFacts): void {
    const gateway = `${i.gateway.namespace}/${i.gateway.name}`;
    if (i.urls.length === 0) put(0, `Exposed through Gateway ${gateway} (no gateway Service found for its selector)`);
    for (const url of i.urls) put(0, `Exposed on Ingress Gateway ${url} (Gateway ${gateway})`);
    virtualService(0, i.virtualService);
  }
}

function apEffect(action: string, rules: number): string {
  if (rules > 0) return `${rules} rule(s)`;
  if (action === 'ALLOW') return 'no rules: denies every request';
  return 'no rules: matches nothing';
}

/**
 * `mesh describe` core: given a snapshot (cluster and/or files) and a target, work out which Istio config applies
 * to the pod or service and why. Builds on the shared model (core/model: snapshot view, workloads, hosts, selectors); pure.
 */
import { createView, type SnapshotView } from '../model/view.js';
import { meshConfigOf } from '../model/mesh-config.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Resource } from '../model/resource.js';
import { arr, num, obj, strMap } from '../model/access.js';
import { toFqdn } from '../model/hosts.js';
import { isEmpty, selects } from '../model/selectors.js';
import { proxyImage, workloads, type Workload } from '../model/workloads.js';
import { declaredProtocol } from '../model/protocol.js';
import type { PodDescription, ServiceDescription, ServiceFacts, ServicePortFacts } from './model.js';
import { destinationRuleFacts, pickDestinationRule, splitSubsets, virtualServiceFacts, virtualServicesFor, type Viewpoint } from './traffic.js';
import { authorizationPolicies, effectivePeerAuthentication, sidecarFor } from './policies.js';
import { ingressFor } from './ingress.js';
import { injectionReason, podFacts, podWarnings } from './pod.js';
import { scalarString } from '../tree.js';
import { ambientServiceView, ambientWorkloadView, enrolment, namespaceIsAmbient } from '../ambient/index.js';
import { LABELS } from '../waypoint/gateway.js';

export type * from './model.js';
export { renderText } from './text.js';

/** What to describe: a Pod, or a controller's pod template (offline), by name and namespace. */
export interface DescribeTarget {
  kind: string;
  name: string;
  namespace: string;
}

/** Options shared by both describes. */
export interface DescribeOptions {
  /** Leave out warnings about pods without a sidecar (istioctl's --ignoreUnmeshed). */
  ignoreUnmeshed: boolean;
}

function contextOf(snapshot: Snapshot): { ctx: SnapshotView; root: string } {
  const ctx = createView(snapshot);
  let root = snapshot.istioNamespace;
  ctx.forEach('MeshConfig', (m) => void (root = meshConfigOf(m).rootNamespace || root));
  return { ctx, root };
}

/** The workload named by `target`, or undefined; `candidates` lists names of that kind in the namespace, for the error. */
export function findWorkload(snapshot: Snapshot, target: DescribeTarget): { workload?: Workload; candidates: string[] } {
  const all = workloads(contextOf(snapshot).ctx).filter((w) => w.resource.kind === target.kind && w.namespace === target.namespace);
  return { workload: all.find((w) => w.resource.name === target.name), candidates: all.map((w) => w.resource.name).sort() };
}

/** The Service named `name` in `namespace`, if present. */
export function findService(snapshot: Snapshot, name: string, namespace: string): Resource | undefined {
  return contextOf(snapshot).ctx.find('Service', namespace, name);
}

/** Describes one pod: its services and their traffic rules, mTLS, authorization, Sidecar scope and ingress exposure. */
export function describePod(snapshot: Snapshot, workload: Workload, options: DescribeOptions): PodDescription {
  const { ctx, root } = contextOf(snapshot);
  const nsLabels = ctx.find('Namespace', '', workload.namespace)?.labels ?? {};
  const pod = podFacts(workload, nsLabels);
  const ambient = enrolment(workload, nsLabels).mode === 'ambient';
  // An ambient pod is in the mesh without a sidecar: the "not part of the mesh" warning would mislead.
  const warnings = podWarnings(workload, pod, options.ignoreUnmeshed || ambient, istiodVersion(ctx));
  const suggestions: string[] = [];
  if (pod.meshed) {
    const l = workload.labels;
    if (!(l['service.istio.io/canonical-name'] || l['app.kubernetes.io/name'] || l.app))
      suggestions.push('add an app (or app.kubernetes.io/name) label: Istio telemetry names the service after it');
    if (!(l['service.istio.io/canonical-revision'] || l['app.kubernetes.io/version'] || l.version))
      suggestions.push('add a version (or app.kubernetes.io/version) label: Istio telemetry names the revision after it');
  }
  const services: Resource[] = [];
  ctx.forEach('Service', (svc) => {
    const selector = strMap(obj(svc.object.spec).selector);
    if (svc.namespace === workload.namespace && !isEmpty(selector) && selects(selector, workload.labels)) services.push(svc);
  });
  if (services.length === 0 && !options.ignoreUnmeshed)
    warnings.push(`no Kubernetes Service selects ${pod.name}.${pod.namespace}; Istio routes to pods through Services`);
  const view: Viewpoint = { namespace: workload.namespace, podLabels: [workload.labels], rootNamespace: root };
  const description: PodDescription = {
    kind: 'PodDescription',
    pod,
    services: [],
    authorizationPolicies: [],
    ingress: [],
    warnings,
    suggestions,
  };
  for (const svc of services) {
    const { facts, ingress } = serviceFacts(ctx, svc, [workload], view, warnings);
    description.services.push(facts);
    description.ingress.push(...ingress);
  }
  if (pod.meshed) {
    description.peerAuthentication = effectivePeerAuthentication(ctx, workload.namespace, workload.labels, root);
    description.authorizationPolicies = authorizationPolicies(ctx, workload.namespace, workload.labels, root);
    const sidecar = sidecarFor(ctx, workload.namespace, workload.labels, root);
    if (sidecar) description.sidecar = sidecar;
  }
  if (ambient || namespaceIsAmbient(nsLabels) || workload.labels[LABELS.useWaypoint]) description.ambient = ambientWorkloadView(ctx, workload, root);
  return description;
}

/** Describes a service: its ports, the pods behind it, its traffic rules and ingress exposure. */
export function describeService(snapshot: Snapshot, service: Resource, options: DescribeOptions): ServiceDescription {
  const { ctx, root } = contextOf(snapshot);
  const selector = strMap(obj(service.object.spec).selector);
  const backing = isEmpty(selector) ? [] : workloads(ctx).filter((w) => w.namespace === service.namespace && selects(selector, w.labels));
  const warnings: string[] = [];
  const name = `${service.name}.${service.namespace}`;
  const nsLabels = ctx.find('Namespace', '', service.namespace)?.labels;
  // In the mesh: a sidecar (running or to be injected), or ambient mode (ztunnel, no sidecar).
  const isMeshed = (w: Workload): boolean =>
    proxyImage(w.spec) !== undefined ||
    (w.resource.kind !== 'Pod' && injectionReason(w, nsLabels) !== undefined) ||
    enrolment(w, nsLabels ?? {}).mode === 'ambient';
  const meshed = backing.filter(isMeshed);
  if (backing.length === 0) warnings.push(`service ${name} selects no pods`);
  else if (meshed.length === 0 && !options.ignoreUnmeshed)
    warnings.push(
      `service ${name} has no pods with an Istio sidecar (${backing.length} selected); inject them (mesh kube-inject, or label the namespace) and restart`,
    );
  const view: Viewpoint = { namespace: service.namespace, podLabels: backing.map((w) => w.labels), rootNamespace: root };
  const { facts, ingress } = serviceFacts(ctx, service, backing, view, warnings);
  const description: ServiceDescription = {
    kind: 'ServiceDescription',
    service: facts,
    ingress,
    warnings,
    pods: backing.map((w) => ({ name: w.resource.name, namespace: w.namespace, kind: w.resource.kind, meshed: isMeshed(w) })),
  };
  if (backing.some((w) => enrolment(w, nsLabels ?? {}).mode === 'ambient') || namespaceIsAmbient(nsLabels ?? {}) || service.labels[LABELS.useWaypoint])
    description.ambient = ambientServiceView(ctx, service, root);
  return description;
}

function serviceFacts(
  ctx: SnapshotView,
  svc: Resource,
  pods: Workload[],
  view: Viewpoint,
  warnings: string[],
): { facts: ServiceFacts; ingress: PodDescription['ingress'] } {
  const fqdn = toFqdn(svc.namespace, svc.name);
  const ports = servicePorts(svc, pods[0]);
  const dr = pickDestinationRule(ctx, fqdn, svc.namespace, view);
  const subsets = dr && splitSubsets(dr, view.podLabels);
  if (dr && subsets && subsets.matching.length === 0 && subsets.nonMatching.length > 0) {
    warnings.push(
      `no subset of DestinationRule ${dr.name}.${dr.namespace} selects ${pods.length === 1 ? 'this pod' : 'these pods'} (subsets: ${subsets.nonMatching.join(', ')})`,
    );
  }
  const vss = virtualServicesFor(ctx, fqdn, view);
  const traffic = ports.map((p) => {
    const entry: ServiceFacts['traffic'][number] = { port: p.port, virtualServices: vss.map((vs) => virtualServiceFacts(vs, fqdn, p.port, subsets, dr)) };
    if (dr) entry.destinationRule = destinationRuleFacts(dr, view.podLabels);
    return entry;
  });
  const ingress = ingressFor(ctx, fqdn, subsets, dr, warnings);
  return { facts: { name: svc.name, namespace: svc.namespace, ports, traffic }, ingress };
}

/** Istio's protocol names, from the lower-case ones a port declares. */
const PROTOCOL_NAMES: Record<string, string> = {
  http: 'HTTP',
  http2: 'HTTP2',
  https: 'HTTPS',
  grpc: 'GRPC',
  'grpc-web': 'GRPC-Web',
  tcp: 'TCP',
  tls: 'TLS',
  udp: 'UDP',
  mongo: 'Mongo',
  mysql: 'MySQL',
  redis: 'Redis',
  http_proxy: 'HTTP_PROXY',
  'kubernetes.io/h2c': 'HTTP2',
  'kubernetes.io/ws': 'HTTP',
  'kubernetes.io/wss': 'HTTPS',
};

function servicePorts(svc: Resource, pod: Workload | undefined): ServicePortFacts[] {
  return arr(obj(svc.object.spec).ports).map((raw) => {
    const p = obj(raw);
    const name = scalarString(p.name) ?? '';
    const port = num(p.port) ?? 0;
    const declared = declaredProtocol(name, scalarString(p.appProtocol), scalarString(p.protocol) ?? 'TCP');
    const facts: ServicePortFacts = { name, port, protocol: declared ? (PROTOCOL_NAMES[declared] ?? declared) : 'auto-detect' };
    if (!pod) return facts;
    const target = p.targetPort ?? port;
    if (typeof target === 'number') facts.targetPort = target;
    else {
      const named = arr(pod.spec.containers)
        .flatMap((c) => arr(obj(c).ports))
        .map(obj)
        .find((cp) => cp.name === target);
      const number = named && num(named.containerPort);
      if (number !== undefined) facts.targetPort = number;
      else facts.problem = `target port "${String(target)}" is not a named port of ${pod.resource.name}`;
    }
    return facts;
  });
}

/** The tag of the istiod image, when the snapshot holds istiod (for the version-mismatch warning). */
function istiodVersion(ctx: SnapshotView): string | undefined {
  let version: string | undefined;
  for (const w of workloads(ctx)) {
    if (w.labels.app !== 'istiod' || w.namespace !== ctx.istioNamespace) continue;
    const image = arr(w.spec.containers)
      .map(obj)
      .find((c) => c.name === 'discovery')?.image;
    if (typeof image === 'string' && image.includes(':')) version = image.slice(image.lastIndexOf(':') + 1);
  }
  return version;
}

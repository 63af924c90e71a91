/** Facts and warnings about the described pod itself: revision, ports, sidecar, readiness, UID 1337, proxy version. */
import { arr, num, obj } from '../model/access.js';
import { PROXY_CONTAINER, proxyImage, type Workload } from '../model/workloads.js';
import type { PodFacts } from './model.js';
import { scalarString } from '../tree.js';

/** UID the sidecar runs as; applications must not use it (iptables exempts its traffic). */
const PROXY_UID = 1337;

/** The revision that injected the pod: istio.io/rev, else the revision recorded in sidecar.istio.io/status. */
export function revisionOf(annotations: Record<string, string>): string {
  if (annotations['istio.io/rev']) return annotations['istio.io/rev'];
  try {
    const status = JSON.parse(annotations['sidecar.istio.io/status'] ?? '') as { revision?: unknown };
    return typeof status.revision === 'string' ? status.revision : '';
  } catch {
    return '';
  }
}

/**
 * Why the injector will add a sidecar to pods made from a controller's template, or undefined: the pod's
 * sidecar.istio.io/inject label decides first, then the namespace's istio-injection / istio.io/rev label.
 */
export function injectionReason(w: Workload, namespaceLabels: Record<string, string> | undefined): string | undefined {
  const podLabel = w.labels['sidecar.istio.io/inject'];
  if (podLabel === 'false') return undefined;
  const ns = namespaceLabels ?? {};
  if (ns['istio-injection'] === 'disabled') return undefined;
  if (ns['istio-injection'] === 'enabled') return `namespace label istio-injection=enabled`;
  if (ns['istio.io/rev']) return `namespace label istio.io/rev=${ns['istio.io/rev']}`;
  if (w.labels['istio.io/rev']) return `pod label istio.io/rev=${w.labels['istio.io/rev']}`;
  return podLabel === 'true' ? 'pod label sidecar.istio.io/inject=true' : undefined;
}

/** What describe prints about the pod; `namespaceLabels` decide injection for pod templates. */
export function podFacts(w: Workload, namespaceLabels?: Record<string, string>): PodFacts {
  const image = proxyImage(w.spec);
  const injection = image === undefined && w.resource.kind !== 'Pod' ? injectionReason(w, namespaceLabels) : undefined;
  const ports = arr(w.spec.containers).flatMap((c) =>
    arr(obj(c).ports).map((p) => ({
      port: num(obj(p).containerPort) ?? 0,
      protocol: scalarString(obj(p).protocol) ?? 'TCP',
      container: scalarString(obj(c).name) ?? '',
    })),
  );
  const facts: PodFacts = {
    kind: w.resource.kind,
    name: w.resource.name,
    namespace: w.namespace,
    revision: revisionOf(w.annotations),
    ports,
    meshed: image !== undefined || injection !== undefined,
    labels: w.labels,
  };
  if (injection) {
    facts.injection = injection;
    facts.revision ||= namespaceLabels?.['istio.io/rev'] ?? w.labels['istio.io/rev'] ?? '';
  }
  if (image?.includes(':')) facts.proxyVersion = image.slice(image.lastIndexOf(':') + 1);
  const phase = scalarString(obj(w.resource.object.status).phase);
  if (w.resource.kind === 'Pod' && phase) facts.phase = phase;
  return facts;
}

/** Warnings istioctl users expect: not running, containers not ready, no sidecar, UID 1337, proxy/istiod version skew. */
export function podWarnings(w: Workload, pod: PodFacts, ignoreUnmeshed: boolean, istiod: string | undefined): string[] {
  const warnings: string[] = [];
  const name = `${pod.name}.${pod.namespace}`;
  if (pod.phase && pod.phase !== 'Running') warnings.push(`pod ${name} is not Running (${pod.phase})`);
  const status = obj(w.resource.object.status);
  for (const [list, what] of [
    [status.containerStatuses, 'container'],
    [status.initContainerStatuses, 'init container'],
  ] as const) {
    for (const c of arr(list).map(obj))
      if (c.ready === false && pod.phase === 'Running') warnings.push(`pod ${name} ${what} ${scalarString(c.name) ?? ''} is not ready`);
  }
  for (const c of arr(w.spec.containers).map(obj)) {
    if (c.name !== PROXY_CONTAINER && num(obj(c.securityContext).runAsUser) === PROXY_UID) {
      warnings.push(
        `container ${scalarString(c.name) ?? ''} runs as UID ${PROXY_UID}, which is reserved for the sidecar proxy (its traffic bypasses the proxy)`,
      );
    }
  }
  if (!pod.meshed) {
    if (!ignoreUnmeshed) warnings.push(`${name} is not part of the mesh: no ${PROXY_CONTAINER} sidecar container`);
    return warnings;
  }
  if (num(obj(w.spec.securityContext).runAsUser) === PROXY_UID) warnings.push(`the pod runs as UID ${PROXY_UID}, which is reserved for the sidecar proxy`);
  if (istiod && pod.proxyVersion && istiod !== pod.proxyVersion)
    warnings.push(`Istio version mismatch: the proxy runs ${pod.proxyVersion}, istiod runs ${istiod}; restart the pod to pick up the new proxy`);
  return warnings;
}

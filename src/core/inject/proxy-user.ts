/**
 * The proxy's user, as the workload overrides it. A workload that declares its own `istio-proxy` container with
 * `securityContext.runAsUser`/`runAsGroup` makes the proxy run as that user; the traffic-capture rules must then
 * exempt that user instead of 1337, or the proxy's own outbound traffic loops back into itself. Istio's injector
 * (webhook.go adjustInitContainerUser) rewrites istio-init's `-u` argument for that reason, and mesh does the same.
 */
import { isMap, type JsonObject } from '../tree.js';
import type { Container, PodData } from './template.js';

const PROXY = 'istio-proxy';

/** The first container named `name`, among the containers and then the init containers (Istio's FindContainerFromPod). */
function findContainer(pod: PodData, name: string): Container | undefined {
  return pod.spec.containers.find((c) => c.name === name) ?? pod.spec.initContainers?.find((c) => c.name === name);
}

/** A UID or GID as written: YAML gives a number, but a quoted one is read as Kubernetes would (an integer). */
function idOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/**
 * The istio-proxy container the user wrote: the pod's own, or on re-injection the one recorded in
 * `proxy.istio.io/overrides` the first time (the pod's istio-proxy is then the injected one, which under TPROXY
 * runs as 0 and no longer says which user to exempt; reading the record keeps injecting twice equal to once).
 */
export function userProxyContainer(original: PodData, recordedOverrides: string | undefined): Container | undefined {
  if (recordedOverrides) {
    try {
      const recorded = JSON.parse(recordedOverrides) as { containers?: unknown; initContainers?: unknown };
      for (const list of [recorded.containers, recorded.initContainers]) {
        const found = Array.isArray(list) ? list.find((c) => isMap(c) && c.name === PROXY) : undefined;
        if (found) return found as Container;
      }
    } catch {
      // An unreadable record is ignored, as re-injection ignores it elsewhere.
    }
  }
  return findContainer(original, PROXY);
}

/**
 * Applies the user's istio-proxy `runAsUser`/`runAsGroup` (see userProxyContainer) to the injected pod `merged`:
 * - istio-init's (or, with CNI, istio-validation's) `-u` becomes the user's UID, unless it is 0 (iptables'
 *   `--uid-owner` must not exempt root);
 * - istio-validation runs as the proxy's user and group (istio-init keeps running as root: it writes iptables rules);
 * - with TPROXY interception the proxy itself keeps UID 0, whatever the override says.
 * `interceptionMode` is the ProxyConfig's; the pod's annotation is read from `merged`.
 */
export function applyProxyUser(merged: PodData, user: Container | undefined, interceptionMode: unknown): void {
  const sc = isMap(user?.securityContext) ? user.securityContext : undefined;
  if (!sc) return;
  const uid = idOf(sc.runAsUser);
  const gid = idOf(sc.runAsGroup);
  if (uid === undefined && gid === undefined) return;
  const inits = merged.spec.initContainers ?? [];
  let at = inits.findIndex((c) => c.name === 'istio-init');
  if (at < 0) at = inits.findIndex((c) => c.name === 'istio-validation');
  if (at < 0) return;
  // Copies, not edits: the merged pod may share container objects with its inputs.
  const init: Container = { ...inits[at]! };
  const tproxy = interceptionMode === 'TPROXY' || merged.metadata.annotations?.['sidecar.istio.io/interceptionMode'] === 'TPROXY';
  if (!tproxy && init.name === 'istio-validation') {
    const own: JsonObject = { ...(isMap(init.securityContext) ? init.securityContext : {}) };
    if (uid !== undefined) own.runAsUser = uid;
    if (gid !== undefined) own.runAsGroup = gid;
    init.securityContext = own;
  }
  const args = Array.isArray(init.args) ? init.args : [];
  const u = args.indexOf('-u');
  if (uid !== undefined && uid !== 0 && u >= 0 && u + 1 < args.length) init.args = [...args.slice(0, u + 1), String(uid), ...args.slice(u + 2)];
  merged.spec.initContainers = inits.map((c, i) => (i === at ? init : c));
  // After the init container is in place: with native sidecars the proxy is in the same list.
  if (tproxy && uid !== undefined)
    replaceContainer(merged, PROXY, (proxy) => ({
      ...proxy,
      securityContext: { ...(isMap(proxy.securityContext) ? proxy.securityContext : {}), runAsUser: 0 },
    }));
}

/** Replaces the first container named `name` (containers first, then init containers) with `edit(container)`. */
function replaceContainer(pod: PodData, name: string, edit: (c: Container) => Container): void {
  const i = pod.spec.containers.findIndex((c) => c.name === name);
  if (i >= 0) {
    pod.spec.containers = pod.spec.containers.map((c, j) => (j === i ? edit(c) : c));
    return;
  }
  const inits = pod.spec.initContainers ?? [];
  const k = inits.findIndex((c) => c.name === name);
  if (k >= 0) pod.spec.initContainers = inits.map((c, j) => (j === k ? edit(c) : c));
}

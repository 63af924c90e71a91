/**
 * Sidecar removal from one pod (metadata + spec): the inverse of injectPod. What injection added is read back from
 * what it recorded: `sidecar.istio.io/status` (containers, init containers, volumes, pull secrets, revision),
 * `proxy.istio.io/overrides` (the user's own istio-proxy/istio-init), and the proxy's ISTIO_KUBE_APP_PROBERS and
 * ISTIO_PROMETHEUS_ANNOTATIONS (the app's probes and scrape settings before the rewrite). Labels and annotations
 * the template writes without recording whether they were there before are removed only when their value is the
 * one the template would have written, so that a value the user chose is kept.
 */
import { isMap, type JsonObject } from '../tree.js';
import type { Container, PodData } from './template.js';

/** Raised when the pod's injection records cannot be read (the caller reports it at the annotation). */
export class UninjectRecordError extends Error {
  constructor(
    message: string,
    /** The annotation that is unreadable. */
    readonly annotation: string,
  ) {
    super(message);
  }
}

/** What `sidecar.istio.io/status` records. */
interface InjectStatus {
  containers?: string[] | null;
  initContainers?: string[] | null;
  volumes?: string[] | null;
  imagePullSecrets?: string[] | null;
  revision?: string;
}

/** The container lists of `proxy.istio.io/overrides`: the user's own containers as they were, `image: auto` left out. */
interface Overrides {
  containers?: Container[];
  initContainers?: Container[];
}

const PROBES = [
  ['readinessProbe', 'app-health', 'readyz'],
  ['livenessProbe', 'app-health', 'livez'],
  ['startupProbe', 'app-health', 'startupz'],
] as const;
const HOOKS = [
  ['preStop', 'app-lifecycle', 'prestopz'],
  ['postStart', 'app-lifecycle', 'poststartz'],
] as const;

/** True when the pod carries injection's status annotation (otherwise there is nothing to remove). */
export function isInjectedPod(pod: PodData): boolean {
  return typeof pod.metadata.annotations?.['sidecar.istio.io/status'] === 'string';
}

/**
 * The pod as it was before injection. `workloadName` is the name the template fell back to for the canonical-name
 * label. Throws UninjectRecordError when a record is not valid JSON.
 */
export function uninjectPod(pod: PodData, workloadName: string): PodData {
  const annos: Record<string, string> = { ...(pod.metadata.annotations ?? {}) };
  const status = readJson<InjectStatus>(annos, 'sidecar.istio.io/status') ?? {};
  const overrides = readJson<Overrides>(annos, 'proxy.istio.io/overrides') ?? {};
  const proxy = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === 'istio-proxy');
  const env = new Map(((proxy?.env as JsonObject[] | undefined) ?? []).map((e) => [String(e.name), e.value]));
  const probers = parseRecord(env.get('ISTIO_KUBE_APP_PROBERS'));
  const statusPort = annos['status.sidecar.istio.io/port'] ?? '15020';

  const spec: PodData['spec'] = { ...pod.spec };
  const without = <T extends JsonObject>(list: T[] | undefined, names: string[] | null | undefined): T[] | undefined =>
    list?.filter((x) => !(names ?? []).includes(String(x.name)));
  spec.containers = without(pod.spec.containers, status.containers) ?? [];
  spec.initContainers = without(pod.spec.initContainers, status.initContainers);
  spec.volumes = without(pod.spec.volumes, status.volumes);
  const pullSecrets = without(pod.spec.imagePullSecrets as JsonObject[] | undefined, status.imagePullSecrets);
  if (pullSecrets) spec.imagePullSecrets = pullSecrets;
  restoreOverrides(spec, overrides);
  spec.containers = spec.containers.map((c) => restoreProbes(c, probers));
  if (spec.initContainers) spec.initContainers = spec.initContainers.map((c) => restoreProbes(c, probers));
  for (const key of ['initContainers', 'volumes', 'imagePullSecrets'] as const) {
    const list = spec[key] as unknown[] | undefined;
    if (list === undefined || (Array.isArray(list) && list.length === 0)) delete spec[key];
  }
  // The gateway template gives the pod its unprivileged-ports sysctl when the values set no pod security context.
  // A pod that had its own comes with it before its containers; the template's lands after them.
  const keys = Object.keys(pod.spec);
  if (
    status.containers?.includes('istio-proxy') &&
    isDefaultGatewaySecurity(spec.securityContext) &&
    keys.indexOf('securityContext') > keys.indexOf('containers')
  ) {
    delete spec.securityContext;
  }

  const app = spec.containers.find((c) => c.name !== 'istio-proxy')?.name;
  delete annos['sidecar.istio.io/status'];
  delete annos['proxy.istio.io/overrides'];
  deleteIf(annos, 'istio.io/rev', status.revision || 'default');
  deleteIf(annos, 'kubectl.kubernetes.io/default-container', app);
  deleteIf(annos, 'kubectl.kubernetes.io/default-logs-container', app);
  restorePrometheus(annos, env.get('ISTIO_PROMETHEUS_ANNOTATIONS'));
  // The gRPC templates turn probe rewriting off on the pod (gRPC apps answer their own probes).
  if (/(^|,)\s*grpc-/.test(annos['inject.istio.io/templates'] ?? '')) deleteIf(annos, 'sidecar.istio.io/rewriteAppHTTPProbers', 'false');
  if (status.initContainers?.includes('istio-validation')) removeCniAnnotations(annos, statusPort);

  const labels: Record<string, string> = { ...(pod.metadata.labels ?? {}) };
  deleteIf(labels, 'security.istio.io/tlsMode', 'istio');
  deleteIf(labels, 'networking.istio.io/tunnel', 'http');
  const canonicalName = labels['app.kubernetes.io/name'] || labels.app || workloadName;
  const trimmed = canonicalName.slice(0, 63).replace(/-$/, '');
  if (labels['service.istio.io/canonical-name'] === canonicalName || labels['service.istio.io/canonical-name'] === trimmed) {
    delete labels['service.istio.io/canonical-name'];
  }
  deleteIf(labels, 'service.istio.io/canonical-revision', labels['app.kubernetes.io/version'] || labels.version || 'latest');

  const metadata: PodData['metadata'] = { ...pod.metadata, labels, annotations: annos };
  if (!Object.keys(annos).length) delete metadata.annotations;
  if (!Object.keys(labels).length) delete metadata.labels;
  return { metadata, spec };
}

function readJson<T>(annos: Record<string, string>, key: string): T | undefined {
  const raw = annos[key];
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isMap(parsed)) return parsed as T;
  } catch {
    // reported below
  }
  throw new UninjectRecordError(`${key} is not a JSON object, so what injection added cannot be told apart`, key);
}

function parseRecord(value: unknown): Record<string, JsonObject> {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return isMap(parsed) ? (parsed as Record<string, JsonObject>) : {};
  } catch {
    return {};
  }
}

function deleteIf(map: Record<string, string>, key: string, value: string | undefined): void {
  if (value !== undefined && map[key] === value) delete map[key];
}

/**
 * The user's own istio-proxy or istio-init goes back where a user declares it: istio-init among the init
 * containers, anything else among the containers, after the others. `image: auto` (dropped from the record) returns.
 */
function restoreOverrides(spec: PodData['spec'], overrides: Overrides): void {
  for (const recorded of [...(overrides.containers ?? []), ...(overrides.initContainers ?? [])]) {
    if (!isMap(recorded) || typeof recorded.name !== 'string') continue;
    const { name, ...rest } = recorded;
    const user = (rest.image === undefined ? { name, image: 'auto', ...rest } : { name, ...rest }) as Container;
    if (name === 'istio-init') spec.initContainers = [...(spec.initContainers ?? []), user];
    else spec.containers = [...spec.containers, user];
  }
}

/** The container's probes and lifecycle hooks as they were before they were pointed at the agent. */
function restoreProbes(c: Container, probers: Record<string, JsonObject>): Container {
  if (c.name === 'istio-proxy') return c;
  const out: Container = { ...c };
  // The agent's record holds named ports resolved to numbers; the container's own port names bring the names back.
  const ports = new Map<number, string>();
  for (const p of (c.ports as JsonObject[] | undefined) ?? []) if (typeof p.name === 'string' && p.name) ports.set(Number(p.containerPort), p.name);
  for (const [field, prefix, suffix] of PROBES) {
    const restored = restoreHandler(out[field], probers[`/${prefix}/${c.name}/${suffix}`], `/${prefix}/${c.name}/${suffix}`, ports);
    if (restored) out[field] = restored;
  }
  if (isMap(out.lifecycle)) {
    const lc: JsonObject = { ...out.lifecycle };
    for (const [field, prefix, suffix] of HOOKS) {
      const restored = restoreHandler(lc[field], probers[`/${prefix}/${c.name}/${suffix}`], `/${prefix}/${c.name}/${suffix}`, ports);
      if (restored) lc[field] = restored;
    }
    out.lifecycle = lc;
  }
  return out;
}

/** One handler back from its rewritten form and the agent's record of it; undefined when it was not rewritten. */
function restoreHandler(handler: unknown, record: JsonObject | undefined, url: string, ports: Map<number, string>): JsonObject | undefined {
  if (!isMap(handler) || !isMap(record) || !isMap(handler.httpGet) || handler.httpGet.path !== url) return undefined;
  const { httpGet, ...rest } = handler;
  if (isMap(record.httpGet)) {
    const original = record.httpGet;
    const h: JsonObject = {};
    // Keys stay where the rewrite left them (it replaced path, port and scheme in place, or added path last).
    for (const k of Object.keys(httpGet)) {
      if (k === 'port') h.port = portName(original.port, ports);
      else if (k === 'path' || k === 'scheme') {
        if (original[k] !== undefined) h[k] = original[k];
      } else h[k] = httpGet[k];
    }
    if (original.scheme !== undefined && h.scheme === undefined) h.scheme = original.scheme;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(handler)) out[k] = k === 'httpGet' ? h : v;
    return out;
  }
  if (isMap(record.tcpSocket)) return { tcpSocket: { ...record.tcpSocket, port: portName(record.tcpSocket.port, ports) }, ...rest };
  if (isMap(record.grpc)) {
    const { port, service } = record.grpc;
    return { grpc: service === null || service === undefined ? { port } : { port, service }, ...rest };
  }
  return undefined;
}

function portName(port: unknown, names: Map<number, string>): unknown {
  return typeof port === 'number' ? (names.get(port) ?? port) : port;
}

/** Scrape settings back to the app's (from the agent's record), or gone when they were injection's own. */
function restorePrometheus(annos: Record<string, string>, recorded: unknown): void {
  // The port is the proxy's status port, which the pod's proxy config may move: the agent's path tells it apart.
  if (annos['prometheus.io/path'] !== '/stats/prometheus' || annos['prometheus.io/scrape'] !== 'true') return;
  for (const k of ['prometheus.io/port', 'prometheus.io/path', 'prometheus.io/scrape']) delete annos[k];
  if (typeof recorded !== 'string') return;
  let app: unknown;
  try {
    app = JSON.parse(recorded);
  } catch {
    return;
  }
  if (!isMap(app)) return;
  for (const k of ['scrape', 'port', 'path']) if (typeof app[k] === 'string' && app[k]) annos[`prometheus.io/${k}`] = app[k];
}

/**
 * The CNI template copies the traffic annotations onto the pod (the CNI plugin reads them there). Those holding
 * the defaults it writes go; a value the user gave keeps (the status port comes off the excluded inbound ports).
 */
function removeCniAnnotations(annos: Record<string, string>, statusPort: string): void {
  deleteIf(annos, 'sidecar.istio.io/interceptionMode', 'REDIRECT');
  deleteIf(annos, 'traffic.sidecar.istio.io/includeOutboundIPRanges', '*');
  deleteIf(annos, 'traffic.sidecar.istio.io/includeInboundPorts', '*');
  const excluded = annos['traffic.sidecar.istio.io/excludeInboundPorts'];
  if (excluded === statusPort) delete annos['traffic.sidecar.istio.io/excludeInboundPorts'];
  else if (excluded?.endsWith(`,${statusPort}`)) annos['traffic.sidecar.istio.io/excludeInboundPorts'] = excluded.slice(0, -(statusPort.length + 1));
  const networks = annos['k8s.v1.cni.cncf.io/networks'];
  if (networks !== undefined) {
    const left = removeMultusNetwork(networks);
    if (left) annos['k8s.v1.cni.cncf.io/networks'] = left;
    else delete annos['k8s.v1.cni.cncf.io/networks'];
  }
}

/** The Multus network list without istio-cni: the inverse of the template's appendMultusNetwork, text for text. */
function removeMultusNetwork(value: string): string {
  for (const entry of [', {"name": "istio-cni", "namespace": "default"}', ', {"name": "istio-cni"}', ', default/istio-cni']) {
    const at = value.lastIndexOf(entry);
    if (at !== -1) return value.slice(0, at) + value.slice(at + entry.length);
  }
  return value === 'default/istio-cni' ? '' : value;
}

function isDefaultGatewaySecurity(sc: unknown): boolean {
  if (!isMap(sc) || Object.keys(sc).length !== 1 || !Array.isArray(sc.sysctls) || sc.sysctls.length !== 1) return false;
  const s = sc.sysctls[0] as JsonObject;
  return isMap(s) && s.name === 'net.ipv4.ip_unprivileged_port_start' && s.value === '0';
}

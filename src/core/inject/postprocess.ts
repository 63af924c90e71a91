/**
 * What istiod does to the merged pod after the template (webhook.go postProcessPod): Prometheus annotation
 * merging, rewriting app probes to the agent's status port, the status annotation, and container order.
 */
import { isMap, type JsonObject } from '../tree.js';
import { reposition } from './merge.js';
import type { Container, PodData } from './template.js';

const PROM = { scrape: 'prometheus_io_scrape', port: 'prometheus_io_port', path: 'prometheus_io_path' } as const;
/** Prometheus' label-name sanitizing: every character outside [a-zA-Z0-9_] becomes `_`. */
const sanitize = (k: string): string => k.replace(/[^a-zA-Z0-9_]/g, '_');

function findProxy(pod: PodData): Container | undefined {
  return pod.spec.containers.find((c) => c.name === 'istio-proxy') ?? pod.spec.initContainers?.find((c) => c.name === 'istio-proxy');
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Points Prometheus at the agent's merged metrics (15020) and hands the app's own scrape settings to the agent. */
export function applyPrometheusMerge(pod: PodData, statusPort: number, meshEnables: boolean): void {
  const annos = (pod.metadata.annotations ??= {});
  const mergeAnno = annos['prometheus.istio.io/merge-metrics'];
  const enabled = (mergeAnno !== undefined ? parseGoBool(mergeAnno) : undefined) ?? meshEnables;
  let scrape = true;
  for (const [k, val] of Object.entries(annos)) {
    if (sanitize(k) === PROM.scrape) {
      const b = parseGoBool(val);
      if (b !== undefined) scrape = b;
      break;
    }
  }
  if (!scrape || !enabled) return;
  const target = String(statusPort);
  const cfg: Record<string, string> = {};
  for (const [k, val] of Object.entries(annos)) {
    const s = sanitize(k);
    if (s === PROM.port) cfg.port = val;
    if (s === PROM.scrape) cfg.scrape = val;
    if (s === PROM.path) cfg.path = val;
  }
  if (cfg.port === target) return;
  const proxy = findProxy(pod);
  if (proxy && (cfg.scrape || cfg.port || cfg.path)) {
    // Istio writes its struct (scrape, path, port) whole: an annotation the pod lacks comes out as "".
    const ordered = { scrape: cfg.scrape ?? '', path: cfg.path ?? '', port: cfg.port ?? '' };
    proxy.env = [...((proxy.env as JsonObject[]) ?? []), { name: 'ISTIO_PROMETHEUS_ANNOTATIONS', value: JSON.stringify(ordered) }];
  }
  for (const k of Object.keys(annos)) if (Object.values(PROM).includes(sanitize(k) as never)) delete annos[k];
  annos['prometheus.io/port'] = target;
  annos['prometheus.io/path'] = '/stats/prometheus';
  annos['prometheus.io/scrape'] = 'true';
}

type Prober = JsonObject;
const PROBE_URLS = (name: string) => ({
  readiness: `/app-health/${name}/readyz`,
  liveness: `/app-health/${name}/livez`,
  startup: `/app-health/${name}/startupz`,
  preStop: `/app-lifecycle/${name}/prestopz`,
  postStart: `/app-lifecycle/${name}/poststartz`,
});

/** The probe as the agent needs it (ISTIO_KUBE_APP_PROBERS), with named ports resolved; undefined when not rewritten. */
function internalProber(handler: unknown, ports: Map<string, number>, statusPort: number, withTimeout: boolean): Prober | undefined {
  if (!isMap(handler)) return undefined;
  const timeout = withTimeout && typeof handler.timeoutSeconds === 'number' && handler.timeoutSeconds ? { timeoutSeconds: handler.timeoutSeconds } : {};
  if (isMap(handler.httpGet)) return resolvePort({ httpGet: goHttpGet(handler.httpGet), ...timeout }, 'httpGet', ports, statusPort);
  if (isMap(handler.tcpSocket)) return resolvePort({ tcpSocket: { ...handler.tcpSocket }, ...timeout }, 'tcpSocket', ports, statusPort);
  // Go writes GRPCAction.service without omitempty, so an unset service appears as null.
  if (isMap(handler.grpc)) return withTimeout ? { grpc: { port: handler.grpc.port, service: handler.grpc.service ?? null }, ...timeout } : undefined;
  return undefined;
}

/** HTTPGetAction in Go's field order (path, port, host, scheme, httpHeaders), empty fields left out. */
function goHttpGet(h: JsonObject): JsonObject {
  const o: JsonObject = {};
  for (const k of ['path', 'port', 'host', 'scheme', 'httpHeaders']) if (h[k] !== undefined && h[k] !== '') o[k] = h[k];
  return o;
}

function resolvePort(p: Prober, key: 'httpGet' | 'tcpSocket', ports: Map<string, number>, statusPort: number): Prober | undefined {
  const action = p[key] as JsonObject;
  if (typeof action.port === 'string' && !/^\d+$/.test(action.port)) {
    const resolved = ports.get(action.port);
    if (resolved === undefined) return undefined;
    action.port = resolved;
  } else if (Number(action.port) === statusPort) return undefined;
  else action.port = Number(action.port);
  return p;
}

function rewrittenHandler(handler: JsonObject, url: string, statusPort: number): JsonObject | undefined {
  const { tcpSocket, grpc, httpGet, ...rest } = handler;
  if (isMap(httpGet)) {
    const h: JsonObject = { ...httpGet, port: statusPort, path: url };
    if (h.scheme === 'HTTPS') h.scheme = 'HTTP';
    return { ...rest, httpGet: h, ...(tcpSocket !== undefined ? { tcpSocket } : {}), ...(grpc !== undefined ? { grpc } : {}) };
  }
  if (isMap(tcpSocket) || isMap(grpc)) return { ...rest, httpGet: { path: url, port: statusPort } };
  return undefined;
}

/** Rewrites HTTP, TCP and gRPC probes (and lifecycle hooks) of app containers to the agent, recording the originals. */
export function applyProbeRewrite(pod: PodData, statusPort: number, statusPortAnno: number, previouslyInjected: boolean): void {
  const proxy = findProxy(pod);
  if (!proxy) return;
  const probers: Record<string, Prober> = {};
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  for (const c of all) {
    if (c.name === 'istio-proxy') continue;
    const urls = PROBE_URLS(c.name);
    const ports = new Map<string, number>();
    for (const p of (c.ports as JsonObject[] | undefined) ?? []) if (typeof p.name === 'string' && p.name) ports.set(p.name, Number(p.containerPort));
    const record = (url: string, h: unknown, timeout: boolean) => {
      const p = internalProber(h, ports, statusPortAnno, timeout);
      if (p) probers[url] = p;
    };
    record(urls.readiness, c.readinessProbe, true);
    record(urls.liveness, c.livenessProbe, true);
    record(urls.startup, c.startupProbe, true);
    if (isMap(c.lifecycle)) {
      record(urls.preStop, c.lifecycle.preStop, false);
      record(urls.postStart, c.lifecycle.postStart, false);
    }
  }
  const keys = Object.keys(probers).sort();
  if (keys.length) {
    const json = JSON.stringify(Object.fromEntries(keys.map((k) => [k, probers[k]])));
    const env = [...((proxy.env as JsonObject[]) ?? [])];
    const idx = env.findIndex((e) => e.name === 'ISTIO_KUBE_APP_PROBERS');
    if (previouslyInjected && idx >= 0) {
      // Re-injection: keep what the earlier injection recorded (those probes already point at the agent).
      let merged: Record<string, unknown> = JSON.parse(json) as Record<string, unknown>;
      try {
        merged = { ...merged, ...(JSON.parse(String(env[idx]!.value)) as Record<string, unknown>) };
      } catch {
        // An unreadable earlier value is replaced, as Istio logs and moves on.
      }
      env[idx] = {
        name: 'ISTIO_KUBE_APP_PROBERS',
        value: JSON.stringify(
          Object.fromEntries(
            Object.keys(merged)
              .sort()
              .map((k) => [k, merged[k]]),
          ),
        ),
      };
    } else env.push({ name: 'ISTIO_KUBE_APP_PROBERS', value: json });
    proxy.env = env;
  }
  const rewrite = (c: Container): Container => {
    if (c.name === 'istio-proxy') return c;
    const urls = PROBE_URLS(c.name);
    const out: Container = { ...c };
    for (const [field, url] of [
      ['readinessProbe', urls.readiness],
      ['livenessProbe', urls.liveness],
      ['startupProbe', urls.startup],
    ] as const) {
      if (isMap(c[field])) {
        const r = rewrittenHandler(c[field] as JsonObject, url, statusPort);
        if (r) out[field] = r;
      }
    }
    if (isMap(c.lifecycle)) {
      const lc: JsonObject = { ...c.lifecycle };
      for (const [field, url] of [
        ['preStop', urls.preStop],
        ['postStart', urls.postStart],
      ] as const) {
        if (isMap(lc[field])) {
          const h = lc[field] as JsonObject;
          if (isMap(h.httpGet) || isMap(h.tcpSocket)) lc[field] = rewrittenHandler({ ...h, grpc: undefined }, url, statusPort);
        }
      }
      out.lifecycle = lc;
    }
    return out;
  };
  pod.spec.containers = pod.spec.containers.map(rewrite);
  if (pod.spec.initContainers) pod.spec.initContainers = pod.spec.initContainers.map(rewrite);
}

/** The `sidecar.istio.io/status` value: what the template added, for later re-injection and for `mesh analyze`. */
export function statusAnnotation(template: PodData, revision: string): string {
  const names = (list: JsonObject[] | undefined) => (list && list.length ? list.map((c) => String(c.name)) : null);
  return JSON.stringify({
    initContainers: names(template.spec.initContainers),
    containers: names(template.spec.containers),
    volumes: names(template.spec.volumes),
    imagePullSecrets: names(template.spec.imagePullSecrets as JsonObject[] | undefined),
    revision: revision || 'default',
  });
}

/** Istio's container order: the proxy last (first when holding the app), native sidecars and init containers first. */
export function reorder(pod: PodData, holdApplication: boolean): void {
  pod.spec.containers = reposition(pod.spec.containers, 'istio-proxy', holdApplication ? 'first' : 'last') as Container[];
  let init = pod.spec.initContainers;
  if (init?.some((c) => c.name === 'istio-proxy')) {
    for (const name of ['enable-core-dump', 'istio-proxy', 'istio-validation', 'istio-init']) init = reposition(init, name, 'first') as Container[];
  } else {
    init = reposition(init, 'istio-validation', 'first') as Container[] | undefined;
    init = reposition(init, 'istio-init', 'last') as Container[] | undefined;
    init = reposition(init, 'enable-core-dump', 'last') as Container[] | undefined;
  }
  if (init) pod.spec.initContainers = init;
}

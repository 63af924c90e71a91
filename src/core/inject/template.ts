/**
 * The sidecar "template pod": what Istio 1.30's `sidecar` injection template renders for a pod, written as
 * TypeScript instead of a Go template. It returns only what injection adds (labels, annotations, init containers,
 * the proxy container, volumes); merge.ts lays it over the workload's pod as istiod's strategic merge does.
 */
import { canonicalQuantity } from './quantity.js';
import type { InjectConfig, ProxyConfig } from './config.js';
import { getPath, isMap, textOf, type JsonObject } from '../tree.js';
import {
  agentArgs,
  caAndPodEnv,
  fieldRefEnv,
  istiodCaVolume,
  meshIdEnv,
  podInfoAndTokenVolumes,
  proxyImageFor,
  readinessTimings,
} from './templates/agent-parts.js';

/** A container as plain data. */
export type Container = JsonObject & { name: string };

/** The pod being injected, as plain data (the workload's pod template). */
export interface PodData {
  metadata: JsonObject & { labels?: Record<string, string>; annotations?: Record<string, string>; name?: string; namespace?: string };
  spec: JsonObject & { containers: Container[]; initContainers?: Container[]; volumes?: JsonObject[]; serviceAccountName?: string };
}

/** Who owns the pod: the workload's name, namespace and type (for ISTIO_META_OWNER and canonical names). */
export interface WorkloadMeta {
  name: string;
  namespace: string;
  apiVersion: string;
  kind: string;
}

/** Inputs of the template. */
export interface TemplateInput {
  pod: PodData;
  workload: WorkloadMeta;
  config: InjectConfig;
  /** The effective ProxyConfig (mesh default ⊕ proxy.istio.io/config annotation). */
  proxyConfig: ProxyConfig;
  /** JSON of the ProxyConfig fields that differ from the mesh defaults (PROXY_CONFIG env). */
  proxyConfigJson: string;
  /** The proxy image after hub/tag/variant and annotation overrides. */
  proxyImage: string;
  nativeSidecar: boolean;
}

/** Renders the template pod. */
export function renderTemplate(input: TemplateInput): PodData {
  const { pod, workload, config, proxyConfig } = input;
  const v = (path: string): unknown => getPath(config.values, path);
  const annos = pod.metadata.annotations ?? {};
  const labels = pod.metadata.labels ?? {};
  const anno = (name: string, def: unknown): string => (name in annos ? annos[name]! : textOf(def));
  const interception = anno('sidecar.istio.io/interceptionMode', proxyConfig.interceptionMode);
  const tproxy = interception === 'TPROXY';
  const capNetBind = anno('sidecar.istio.io/capNetBindService', v('global.proxy.capNetBindService')) === 'true';
  const native = input.nativeSidecar;
  const cni = v('pilot.cni.enabled') === true;
  const appContainers = pod.spec.containers.map((c) => c.name).filter((n) => n !== 'istio-proxy');
  const statusPort = anno('status.sidecar.istio.io/port', v('global.proxy.statusPort'));
  const excludeInbound = excludeInboundPort(statusPort, anno('traffic.sidecar.istio.io/excludeInboundPorts', v('global.proxy.excludeInboundPorts')));
  const metaMap = proxyConfig.proxyMetadata ?? {};

  const tmplLabels: Record<string, string> = {
    'security.istio.io/tlsMode': labels['security.istio.io/tlsMode'] || 'istio',
  };
  if (metaMap.ISTIO_META_ENABLE_HBONE === 'true') tmplLabels['networking.istio.io/tunnel'] = labels['networking.istio.io/tunnel'] || 'http';
  tmplLabels['service.istio.io/canonical-name'] = trunc63(
    labels['service.istio.io/canonical-name'] || labels['app.kubernetes.io/name'] || labels.app || workload.name,
  );
  tmplLabels['service.istio.io/canonical-revision'] =
    labels['service.istio.io/canonical-revision'] || labels['app.kubernetes.io/version'] || labels.version || 'latest';

  const tmplAnnos: Record<string, string> = { 'istio.io/rev': config.revision || 'default' };
  if (appContainers.length >= 1) {
    if (!('kubectl.kubernetes.io/default-logs-container' in annos)) tmplAnnos['kubectl.kubernetes.io/default-logs-container'] = appContainers[0]!;
    if (!('kubectl.kubernetes.io/default-container' in annos)) tmplAnnos['kubectl.kubernetes.io/default-container'] = appContainers[0]!;
  }
  if (cni) {
    if (v('pilot.cni.provider') === 'multus') {
      tmplAnnos['k8s.v1.cni.cncf.io/networks'] = appendMultusNetwork(annos['k8s.v1.cni.cncf.io/networks'] ?? '', 'default/istio-cni');
    }
    tmplAnnos['sidecar.istio.io/interceptionMode'] = interception;
    const inc = anno('traffic.sidecar.istio.io/includeOutboundIPRanges', v('global.proxy.includeIPRanges'));
    if (inc) tmplAnnos['traffic.sidecar.istio.io/includeOutboundIPRanges'] = inc;
    const exc = anno('traffic.sidecar.istio.io/excludeOutboundIPRanges', v('global.proxy.excludeIPRanges'));
    if (exc) tmplAnnos['traffic.sidecar.istio.io/excludeOutboundIPRanges'] = exc;
    tmplAnnos['traffic.sidecar.istio.io/includeInboundPorts'] = anno('traffic.sidecar.istio.io/includeInboundPorts', v('global.proxy.includeInboundPorts'));
    tmplAnnos['traffic.sidecar.istio.io/excludeInboundPorts'] = excludeInbound;
    if ('traffic.sidecar.istio.io/includeOutboundPorts' in annos || textOf(v('global.proxy.includeOutboundPorts')) !== '') {
      tmplAnnos['traffic.sidecar.istio.io/includeOutboundPorts'] = anno(
        'traffic.sidecar.istio.io/includeOutboundPorts',
        v('global.proxy.includeOutboundPorts'),
      );
    }
    if ('traffic.sidecar.istio.io/excludeOutboundPorts' in annos || textOf(v('global.proxy.excludeOutboundPorts')) !== '') {
      tmplAnnos['traffic.sidecar.istio.io/excludeOutboundPorts'] = anno(
        'traffic.sidecar.istio.io/excludeOutboundPorts',
        v('global.proxy.excludeOutboundPorts'),
      );
    }
    for (const k of ['traffic.sidecar.istio.io/kubevirtInterfaces', 'istio.io/reroute-virtual-interfaces', 'traffic.sidecar.istio.io/excludeInterfaces']) {
      if (annos[k]) tmplAnnos[k] = annos[k]!;
    }
  }

  const resources = proxyResources(annos, v('global.proxy.resources'));
  const initContainers: Container[] = [];
  const noInit = interception === 'NONE' && !native;
  if (!noInit && interception !== 'NONE') initContainers.push(initContainer(input, { interception, tproxy, cni, excludeInbound, resources, anno, v }));
  const proxy = proxyContainer(input, { interception, tproxy, capNetBind, native, statusPort, resources, anno, v, appContainers });

  const spec: PodData['spec'] = { containers: [] };
  if (native) {
    spec.initContainers = [...initContainers, proxy];
    delete (spec as JsonObject).containers;
  } else {
    spec.initContainers = initContainers;
    spec.containers = [proxy];
  }
  spec.volumes = volumes(input, annos, v);
  const pullSecrets = v('global.imagePullSecrets');
  if (Array.isArray(pullSecrets) && pullSecrets.length) spec.imagePullSecrets = pullSecrets.map((name) => ({ name: String(name) }));
  return { metadata: { labels: tmplLabels, annotations: tmplAnnos }, spec } as PodData;
}

interface Ctx {
  interception: string;
  tproxy: boolean;
  resources: JsonObject | undefined;
  anno: (name: string, def: unknown) => string;
  v: (path: string) => unknown;
}

function initContainer(input: TemplateInput, c: Ctx & { cni: boolean; excludeInbound: string }): Container {
  const { anno, v } = c;
  const annos = input.pod.metadata.annotations ?? {};
  const mesh = input.config.meshConfig;
  const initImage = anno('sidecar.istio.io/proxyImage', v('global.proxy_init.image'));
  const args = [
    'istio-iptables',
    '-p',
    textOf(mesh.proxyListenPort || '15001'),
    '-z',
    textOf(mesh.proxyInboundListenPort || '15006'),
    '-u',
    '1337',
    '-m',
    c.interception,
    '-i',
    anno('traffic.sidecar.istio.io/includeOutboundIPRanges', v('global.proxy.includeIPRanges')),
    '-x',
    anno('traffic.sidecar.istio.io/excludeOutboundIPRanges', v('global.proxy.excludeIPRanges')),
    '-b',
    anno('traffic.sidecar.istio.io/includeInboundPorts', v('global.proxy.includeInboundPorts')),
    '-d',
    c.excludeInbound ? `15090,15021,${c.excludeInbound}` : '15090,15021',
  ];
  if ('traffic.sidecar.istio.io/includeOutboundPorts' in annos || textOf(v('global.proxy.includeOutboundPorts')) !== '') {
    args.push('-q', anno('traffic.sidecar.istio.io/includeOutboundPorts', v('global.proxy.includeOutboundPorts')));
  }
  if ('traffic.sidecar.istio.io/excludeOutboundPorts' in annos || textOf(v('global.proxy.excludeOutboundPorts')) !== '') {
    args.push('-o', anno('traffic.sidecar.istio.io/excludeOutboundPorts', v('global.proxy.excludeOutboundPorts')));
  }
  if ('istio.io/reroute-virtual-interfaces' in annos) args.push('-k', annos['istio.io/reroute-virtual-interfaces']!);
  else if ('traffic.sidecar.istio.io/kubevirtInterfaces' in annos) args.push('-k', annos['traffic.sidecar.istio.io/kubevirtInterfaces']!);
  if ('traffic.sidecar.istio.io/excludeInterfaces' in annos) args.push('-c', annos['traffic.sidecar.istio.io/excludeInterfaces']!);
  args.push(`--log_output_level=${anno('sidecar.istio.io/agentLogLevel', v('global.logging.level'))}`);
  if (v('global.logAsJson') === true) args.push('--log_as_json');
  if (c.cni) args.push('--run-validation', '--skip-rule-apply');
  else if (v('global.proxy_init.forceApplyIptables') === true) args.push('--force-apply');
  if (v('global.nativeNftables') === true) args.push('--native-nftables');

  const container: Container = {
    name: c.cni ? 'istio-validation' : 'istio-init',
    image: initImage.includes('/') ? initImage : input.proxyImage,
    args,
  };
  if (textOf(v('global.imagePullPolicy'))) container.imagePullPolicy = textOf(v('global.imagePullPolicy'));
  const meta = input.proxyConfig.proxyMetadata;
  if (meta && Object.keys(meta).length)
    container.env = Object.keys(meta)
      .sort()
      .map((k) => ({ name: k, value: meta[k] }));
  container.resources = c.resources ?? {};
  const privileged = v('global.proxy.privileged') === true;
  const sc: JsonObject = {
    allowPrivilegeEscalation: privileged,
    privileged,
    capabilities: c.cni ? { drop: ['ALL'] } : { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] },
  };
  if (!c.cni) Object.assign(sc, { readOnlyRootFilesystem: false, runAsGroup: 0, runAsNonRoot: false, runAsUser: 0 });
  else Object.assign(sc, { readOnlyRootFilesystem: true, runAsGroup: 1337, runAsUser: 1337, runAsNonRoot: true });
  const seccomp = v('global.proxy.seccompProfile');
  if (seccomp && typeof seccomp === 'object' && Object.keys(seccomp).length) sc.seccompProfile = seccomp;
  container.securityContext = sc;
  return container;
}

function proxyContainer(input: TemplateInput, c: Ctx & { capNetBind: boolean; native: boolean; statusPort: string; appContainers: string[] }): Container {
  const { anno, v, pod } = { ...c, pod: input.pod };
  const annos = pod.metadata.annotations ?? {};
  const labels = pod.metadata.labels ?? {};
  const config = input.config;
  const mesh = config.meshConfig;
  const args = agentArgs('sidecar', anno, v);
  if (textOf(v('global.proxy.outlierLogPath'))) args.push(`--outlierLogPath=${textOf(v('global.proxy.outlierLogPath'))}`);

  const container: Container = { name: 'istio-proxy', image: proxyImageFor(input.proxyImage, anno, v) };
  if (c.native) container.restartPolicy = 'Always';
  container.ports = [{ containerPort: 15090, protocol: 'TCP', name: 'http-envoy-prom' }];
  container.args = args;
  const hold = (input.proxyConfig.holdApplicationUntilProxyStarts === true || v('global.proxy.holdApplicationUntilProxyStarts') === true) && !c.native;
  const lifecycle = v('global.proxy.lifecycle');
  if (lifecycle && typeof lifecycle === 'object' && Object.keys(lifecycle).length) container.lifecycle = lifecycle;
  else if (hold) container.lifecycle = { postStart: { exec: { command: ['pilot-agent', 'wait'] } } };
  else if (c.native) {
    container.lifecycle = { preStop: { exec: { command: ['pilot-agent', 'request', `--debug-port=${c.statusPort}`, 'POST', 'drain'] } } };
  }

  const resourceRef = (resource: string): JsonObject => ({ valueFrom: { resourceFieldRef: { resource, divisor: '1' } } });
  const env: JsonObject[] = [];
  const trafficMode = inboundTrafficPolicyMode(mesh);
  if (trafficMode === 'localhost') env.push({ name: 'REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION', value: 'true' });
  env.push(...caAndPodEnv(v));
  env.push({ name: 'ISTIO_CPU_LIMIT', ...resourceRef('limits.cpu') });
  env.push({ name: 'PROXY_CONFIG', value: `${input.proxyConfigJson}\n` });
  env.push({ name: 'ISTIO_META_POD_PORTS', value: podPortsJson(pod.spec.containers) });
  env.push({ name: 'ISTIO_META_APP_CONTAINERS', value: c.appContainers.join(',') });
  env.push({ name: 'GOMEMLIMIT', ...resourceRef('limits.memory') });
  env.push({ name: 'GOMAXPROCS', ...resourceRef('limits.cpu') });
  env.push({ name: 'ISTIO_META_CLUSTER_ID', value: textOf(v('global.multiCluster.clusterName')) || 'Kubernetes' });
  env.push(fieldRefEnv('ISTIO_META_NODE_NAME', 'spec.nodeName'));
  env.push({ name: 'ISTIO_META_INTERCEPTION_MODE', value: annos['sidecar.istio.io/interceptionMode'] || input.proxyConfig.interceptionMode });
  if (textOf(v('global.network'))) env.push({ name: 'ISTIO_META_NETWORK', value: textOf(v('global.network')) });
  const workloadName = labels['service.istio.io/workload-name'] || input.workload.name;
  if (workloadName) env.push({ name: 'ISTIO_META_WORKLOAD_NAME', value: workloadName });
  if (input.workload.apiVersion && input.workload.name) {
    env.push({
      name: 'ISTIO_META_OWNER',
      value: `kubernetes://apis/${input.workload.apiVersion}/namespaces/${input.workload.namespace || 'default'}/${input.workload.kind.toLowerCase()}s/${input.workload.name}`,
    });
  }
  if ('sidecar.istio.io/bootstrapOverride' in annos) env.push({ name: 'ISTIO_BOOTSTRAP_OVERRIDE', value: '/etc/istio/custom-bootstrap/custom_bootstrap.json' });
  env.push(...meshIdEnv(mesh, v));
  if (v('global.proxy.tracer') === 'datadog' && annos['apm.datadoghq.com/env']) {
    try {
      const extra = JSON.parse(annos['apm.datadoghq.com/env']!) as Record<string, unknown>;
      for (const k of Object.keys(extra).sort()) env.push({ name: k, value: textOf(extra[k]) });
    } catch {
      // Istio's template ignores an unparsable value too.
    }
  }
  const meta = input.proxyConfig.proxyMetadata ?? {};
  for (const k of Object.keys(meta).sort()) env.push({ name: k, value: meta[k] });
  container.env = env;
  if (textOf(v('global.imagePullPolicy'))) container.imagePullPolicy = textOf(v('global.imagePullPolicy'));

  if (c.statusPort !== '0') {
    const startup = v('global.proxy.startupProbe') as JsonObject | undefined;
    if (startup?.enabled === true) {
      container.startupProbe = omitZero({
        httpGet: { path: '/healthz/ready', port: 15021 },
        initialDelaySeconds: 0,
        periodSeconds: 1,
        timeoutSeconds: 3,
        failureThreshold: Number(startup.failureThreshold),
      });
    }
    const t = readinessTimings(anno, v);
    container.readinessProbe = omitZero({
      httpGet: { path: '/healthz/ready', port: 15021 },
      initialDelaySeconds: t.initialDelaySeconds,
      periodSeconds: t.periodSeconds,
      timeoutSeconds: 3,
      failureThreshold: t.failureThreshold,
    });
  }
  const privileged = v('global.proxy.privileged') === true;
  let sc: JsonObject;
  if (meta.IPTABLES_TRACE_LOGGING === 'true') {
    sc = {
      allowPrivilegeEscalation: true,
      capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] },
      privileged: true,
      readOnlyRootFilesystem: true,
      runAsGroup: 1337,
      runAsNonRoot: false,
      runAsUser: 0,
    };
  } else {
    const add = [...(c.tproxy ? ['NET_ADMIN'] : []), ...(c.capNetBind ? ['NET_BIND_SERVICE'] : [])];
    sc = {
      allowPrivilegeEscalation: privileged,
      capabilities: add.length ? { add, drop: ['ALL'] } : { drop: ['ALL'] },
      privileged,
      readOnlyRootFilesystem: true,
    };
    if (add.length) Object.assign(sc, { runAsNonRoot: false, runAsUser: 0, runAsGroup: 1337 });
    else Object.assign(sc, { runAsNonRoot: true, runAsUser: 1337, runAsGroup: 1337 });
  }
  const seccomp = v('global.proxy.seccompProfile');
  if (seccomp && typeof seccomp === 'object' && Object.keys(seccomp).length) sc.seccompProfile = seccomp;
  container.securityContext = sc;
  container.resources = c.resources ?? {};
  container.volumeMounts = volumeMounts(input, annos, v);
  return container;
}

function volumeMounts(input: TemplateInput, annos: Record<string, string>, v: (p: string) => unknown): JsonObject[] {
  const mounts: JsonObject[] = [
    { name: 'workload-socket', mountPath: '/var/run/secrets/workload-spiffe-uds' },
    { name: 'credential-socket', mountPath: '/var/run/secrets/credential-uds' },
  ];
  if (v('global.caName') === 'GkeWorkloadCertificate')
    mounts.push({ name: 'gke-workload-certificate', mountPath: '/var/run/secrets/workload-spiffe-credentials', readOnly: true });
  else mounts.push({ name: 'workload-certs', mountPath: '/var/run/secrets/workload-spiffe-credentials' });
  if (v('global.pilotCertProvider') === 'istiod') {
    mounts.push({ mountPath: '/var/run/secrets/istio', name: 'istiod-ca-cert' }, { mountPath: '/var/run/secrets/istio/crl', name: 'istio-ca-crl' });
  }
  mounts.push({ mountPath: '/var/lib/istio/data', name: 'istio-data' });
  if ('sidecar.istio.io/bootstrapOverride' in annos) mounts.push({ mountPath: '/etc/istio/custom-bootstrap', name: 'custom-bootstrap-volume' });
  mounts.push({ mountPath: '/etc/istio/proxy', name: 'istio-envoy' }, { mountPath: '/var/run/secrets/tokens', name: 'istio-token' });
  if (v('global.mountMtlsCerts') === true) mounts.push({ mountPath: '/etc/certs/', name: 'istio-certs', readOnly: true });
  mounts.push({ name: 'istio-podinfo', mountPath: '/etc/istio/pod' });
  const tracingTls = getPath(input.proxyConfig, 'tracing.tlsSettings.caCertificates');
  if (v('global.proxy.tracer') === 'lightstep' && typeof tracingTls === 'string') {
    // Istio's `directory` keeps the trailing slash (Go's filepath.Split).
    mounts.push({ mountPath: tracingTls.slice(0, tracingTls.lastIndexOf('/') + 1), name: 'lightstep-certs', readOnly: true });
  }
  for (const [name, spec] of userJson(annos['sidecar.istio.io/userVolumeMount'])) mounts.push({ name, ...spec });
  return mounts;
}

function volumes(input: TemplateInput, annos: Record<string, string>, v: (p: string) => unknown): JsonObject[] {
  // Istio's template gives these three a null emptyDir, which Go drops: the API server defaults them to emptyDir.
  const out: JsonObject[] = [{ name: 'workload-socket' }, { name: 'credential-socket' }];
  if (v('global.caName') === 'GkeWorkloadCertificate')
    out.push({ name: 'gke-workload-certificate', csi: { driver: 'workloadcertificates.security.cloud.google.com' } });
  else out.push({ name: 'workload-certs' });
  if ('sidecar.istio.io/bootstrapOverride' in annos)
    out.push({ name: 'custom-bootstrap-volume', configMap: { name: annos['sidecar.istio.io/bootstrapOverride'] } });
  out.push({ emptyDir: { medium: 'Memory' }, name: 'istio-envoy' }, { name: 'istio-data', emptyDir: {} });
  out.push(...podInfoAndTokenVolumes(v));
  const ca = istiodCaVolume(v);
  if (ca) out.push(ca);
  out.push({ name: 'istio-ca-crl', configMap: { name: textOf(v('pilot.crlConfigMapName')) || 'istio-ca-crl', optional: true } });
  if (v('global.mountMtlsCerts') === true) {
    const sa = input.pod.spec.serviceAccountName;
    out.push({ name: 'istio-certs', secret: { optional: true, secretName: sa ? `istio.${sa}` : 'istio.default' } });
  }
  for (const [name, spec] of userJson(annos['sidecar.istio.io/userVolume'])) out.push({ name, ...spec });
  if (v('global.proxy.tracer') === 'lightstep' && getPath(input.proxyConfig, 'tracing.tlsSettings')) {
    out.push({ name: 'lightstep-certs', secret: { optional: true, secretName: 'lightstep.cacert' } });
  }
  return out;
}

/** Entries of a JSON object annotation in key order (Go templates range over sorted keys); invalid JSON gives none. */
export function userJson(value: string | undefined): [string, JsonObject][] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as Record<string, JsonObject>;
    return Object.keys(parsed)
      .sort()
      .map((k) => [k, parsed[k]!]);
  } catch {
    return [];
  }
}

/** The proxy's resources: from the proxyCPU/Memory(+Limit) annotations when any is set, else from values. */
export function proxyResources(annos: Record<string, string>, fromValues: unknown): JsonObject | undefined {
  const keys = ['sidecar.istio.io/proxyCPU', 'sidecar.istio.io/proxyMemory', 'sidecar.istio.io/proxyCPULimit', 'sidecar.istio.io/proxyMemoryLimit'];
  if (keys.some((k) => k in annos)) {
    const res: JsonObject = {};
    if (keys[0]! in annos || keys[1]! in annos) {
      const requests: JsonObject = {};
      if (keys[0]! in annos) requests.cpu = canonicalQuantity(annos[keys[0]!]!);
      if (keys[1]! in annos) requests.memory = canonicalQuantity(annos[keys[1]!]!);
      res.requests = requests;
    }
    if (keys[2]! in annos || keys[3]! in annos) {
      const limits: JsonObject = {};
      if (keys[2]! in annos) limits.cpu = canonicalQuantity(annos[keys[2]!]!);
      if (keys[3]! in annos) limits.memory = canonicalQuantity(annos[keys[3]!]!);
      res.limits = limits;
    }
    return res;
  }
  if (!fromValues || typeof fromValues !== 'object') return undefined;
  const res: JsonObject = {};
  for (const [section, list] of Object.entries(fromValues as JsonObject)) {
    if (!list || typeof list !== 'object') continue;
    const entries = Object.entries(list as JsonObject).filter(([, q]) => q !== null && q !== undefined && q !== '');
    if (entries.length) res[section] = Object.fromEntries(entries.map(([k, q]) => [k, canonicalQuantity(q as string)]));
  }
  return res;
}

/** ISTIO_META_POD_PORTS: the app containers' ports as Istio's template lays them out. */
export function podPortsJson(containers: Container[]): string {
  const items: string[] = [];
  for (const c of containers) {
    for (const p of (c.ports as JsonObject[] | undefined) ?? []) items.push(portJson(p));
  }
  if (!items.length) return '[\n]';
  return `[\n${items.map((j, i) => `    ${i ? ',' : ''}${j}`).join('\n')}\n]`;
}

/** A ContainerPort as Go's encoding/json writes it: struct field order, empty fields left out. */
function portJson(p: JsonObject): string {
  const o: JsonObject = {};
  if (p.name) o.name = p.name;
  if (p.hostPort) o.hostPort = p.hostPort;
  o.containerPort = p.containerPort;
  if (p.protocol) o.protocol = p.protocol;
  if (p.hostIP) o.hostIP = p.hostIP;
  return JSON.stringify(o);
}

/** Adds the status port to the excluded inbound ports unless it is already there (Istio's excludeInboundPort). */
export function excludeInboundPort(port: string, excluded: string): string {
  const portStr = port.trim();
  if (!portStr || portStr === '0') return excluded;
  const out: string[] = [];
  for (const p of excluded.split(',')) {
    if (p === portStr) return excluded;
    if (p.trim()) out.push(p.trim());
  }
  out.push(portStr);
  return out.join(',');
}

/** Adds Istio's CNI network to a Multus networks annotation (a JSON list or a comma list), as Istio does: text kept. */
function appendMultusNetwork(existing: string, network: string): string {
  if (!existing) return network;
  const [ns, name] = network.includes('/') ? (network.split('/', 2) as [string, string]) : ['', network];
  const close = existing.lastIndexOf(']');
  if (close !== -1) {
    let list: unknown;
    try {
      list = JSON.parse(existing);
    } catch {
      return existing; // not JSON after all: Istio leaves it alone
    }
    if (!Array.isArray(list)) return existing;
    if (list.some((n) => isMap(n) && n.name === name && (n.namespace ?? '') === ns)) return existing;
    const entry = ns ? `, {"name": "${name}", "namespace": "${ns}"}` : `, {"name": "${name}"}`;
    return existing.slice(0, close) + entry + existing.slice(close);
  }
  if (existing.split(',').some((n) => n.trim() === network)) return existing;
  return `${existing}, ${network}`;
}

/** Drops zero-valued numbers, as Go's omitempty does for probe fields. */
function omitZero(probe: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(probe).filter(([, x]) => x !== 0));
}

function trunc63(s: string): string {
  const cut = s.slice(0, 63);
  return cut.endsWith('-') ? cut.slice(0, -1) : cut; // sprig's trimSuffix removes one dash
}

/** How the proxy forwards inbound traffic: `localhost` when the mesh config asks for it, else `passthrough`. */
export function inboundTrafficPolicyMode(mesh: JsonObject): string {
  const mode = getPath(mesh, 'inboundTrafficPolicy.mode');
  return mode === 'LOCALHOST' ? 'localhost' : 'passthrough';
}

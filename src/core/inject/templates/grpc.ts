/**
 * Istio 1.30's proxyless gRPC injection templates, as data: `grpc-agent` (pilot-agent without Envoy serves the gRPC
 * library its xDS bootstrap and certificates over a shared volume) and `grpc-simple` (an init container writes a
 * plaintext bootstrap; no agent at all). Both switch off app-probe rewriting: there is no Envoy to send probes to.
 * manifests/injection/grpc-agent.tmpl and grpc-simple.tmpl are the same templates for istiod.
 */
import { getPath, textOf, type JsonObject } from '../../tree.js';
import { inboundTrafficPolicyMode, podPortsJson, proxyResources, userJson, type Container, type PodData, type TemplateInput } from '../template.js';
import { agentArgs, caAndPodEnv, fieldRefEnv, istiodCaVolume, meshIdEnv, podInfoAndTokenVolumes, proxyImageFor, readinessTimings } from './agent-parts.js';

/** Where the agent writes the gRPC bootstrap (the istio-xds volume, shared with the app containers). */
const AGENT_XDS_DIR = '/etc/istio/proxy';
/** Where grpc-simple's init container writes the bootstrap. */
const SIMPLE_BOOTSTRAP_DIR = '/var/lib/grpc/data/';
const SIMPLE_VOLUME = 'grpc-io-proxyless-bootstrap';

/**
 * `grpc-simple`: an init container writes a bootstrap pointing every app container at istiod's plaintext xDS port
 * (15010). The namespace is passed without the trailing newline Istio's template gives it (which splits the server
 * URI in two in the shell script), and the istiod Service is the revision's.
 */
export function renderGrpcSimple(input: TemplateInput): PodData {
  const v = (path: string): unknown => getPath(input.config.values, path);
  const rev = textOf(v('revision'));
  const mount = { mountPath: SIMPLE_BOOTSTRAP_DIR, name: SIMPLE_VOLUME };
  const init: Container = {
    name: 'grpc-bootstrap-init',
    image: 'busybox:1.28',
    volumeMounts: [mount],
    env: [
      fieldRefEnv('INSTANCE_IP', 'status.podIP'),
      fieldRefEnv('POD_NAME', 'metadata.name'),
      fieldRefEnv('POD_NAMESPACE', 'metadata.namespace'),
      { name: 'ISTIO_NAMESPACE', value: textOf(v('global.istioNamespace')) },
    ],
    command: ['sh', '-c', bootstrapScript(`istiod${rev ? `-${rev}` : ''}`)],
  };
  // Every container of the pod gets the bootstrap, as Istio's template does (it does not skip istio-proxy).
  const containers: Container[] = input.pod.spec.containers.map((c) => ({
    name: c.name,
    env: [
      { name: 'GRPC_XDS_BOOTSTRAP', value: `${SIMPLE_BOOTSTRAP_DIR}bootstrap.json` },
      { name: 'GRPC_GO_LOG_VERBOSITY_LEVEL', value: '99' },
      { name: 'GRPC_GO_LOG_SEVERITY_LEVEL', value: 'info' },
    ],
    volumeMounts: [mount],
  }));
  return {
    metadata: { annotations: { 'sidecar.istio.io/rewriteAppHTTPProbers': 'false' } },
    spec: { initContainers: [init], containers, volumes: [{ name: SIMPLE_VOLUME, emptyDir: {} }] },
  };
}

/** The init container's script: the gRPC xDS bootstrap JSON, with the pod's identity filled in by the shell. */
function bootstrapScript(istiod: string): string {
  return [
    'NODE_ID="sidecar~${INSTANCE_IP}~${POD_NAME}.${POD_NAMESPACE}~cluster.local"',
    `SERVER_URI="dns:///${istiod}.\${ISTIO_NAMESPACE}.svc:15010"`,
    'cat > /var/lib/grpc/data/bootstrap.json <<EOF',
    '{',
    '  "xds_servers": [{"server_uri": "${SERVER_URI}", "channel_creds": [{"type": "insecure"}], "server_features": ["xds_v3"]}],',
    '  "node": {"id": "${NODE_ID}", "metadata": {"GENERATOR": "grpc"}}',
    '}',
    'EOF',
  ].join('\n');
}

/**
 * `grpc-agent`: istio-proxy runs pilot-agent only (DISABLE_ENVOY), which fetches certificates and proxies xDS for
 * the gRPC library; the app containers get GRPC_XDS_BOOTSTRAP and the shared volumes. Unlike Istio's template,
 * the proxy keeps its resources and volume mounts when the status port is 0 (Istio's drops them with the probe).
 */
export function renderGrpcAgent(input: TemplateInput): PodData {
  const { pod, workload, config } = input;
  const v = (path: string): unknown => getPath(config.values, path);
  const annos = pod.metadata.annotations ?? {};
  const labels = pod.metadata.labels ?? {};
  const anno = (name: string, def: unknown): string => (name in annos ? annos[name]! : textOf(def));
  const appContainers = pod.spec.containers.map((c) => c.name).filter((n) => n !== 'istio-proxy');
  const gke = v('global.caName') === 'GkeWorkloadCertificate';
  const certsMount: JsonObject = gke
    ? { name: 'gke-workload-certificate', mountPath: '/var/run/secrets/workload-spiffe-credentials', readOnly: true }
    : { name: 'workload-certs', mountPath: '/var/run/secrets/workload-spiffe-credentials' };

  // No security.istio.io/tlsMode label: a gRPC app speaks mTLS only if its own code sets it up.
  const tmplLabels: Record<string, string> = {
    'service.istio.io/canonical-name': labels['service.istio.io/canonical-name'] || labels['app.kubernetes.io/name'] || labels.app || workload.name,
    'service.istio.io/canonical-revision': labels['service.istio.io/canonical-revision'] || labels['app.kubernetes.io/version'] || labels.version || 'latest',
  };
  const tmplAnnos: Record<string, string> = { 'istio.io/rev': config.revision || 'default' };
  if (appContainers.length >= 1) {
    if (!('kubectl.kubernetes.io/default-logs-container' in annos)) tmplAnnos['kubectl.kubernetes.io/default-logs-container'] = appContainers[0]!;
    if (!('kubectl.kubernetes.io/default-container' in annos)) tmplAnnos['kubectl.kubernetes.io/default-container'] = appContainers[0]!;
  }
  tmplAnnos['sidecar.istio.io/rewriteAppHTTPProbers'] = 'false';

  const proxy: Container = {
    name: 'istio-proxy',
    image: proxyImageFor(input.proxyImage, anno, v),
    ports: [{ containerPort: 15020, protocol: 'TCP', name: 'mesh-metrics' }],
    args: agentArgs('sidecar', anno, v),
    // The app starts only once the agent has written the bootstrap and certificates.
    lifecycle: { postStart: { exec: { command: ['pilot-agent', 'wait', '--url=http://localhost:15020/healthz/ready'] } } },
    env: agentEnv(input, appContainers, v),
  };
  if (textOf(v('global.imagePullPolicy'))) proxy.imagePullPolicy = textOf(v('global.imagePullPolicy'));
  if (anno('status.sidecar.istio.io/port', v('global.proxy.statusPort')) !== '0') {
    const t = readinessTimings(anno, v);
    proxy.readinessProbe = omitZero({
      httpGet: { path: '/healthz/ready', port: 15020 },
      initialDelaySeconds: t.initialDelaySeconds,
      periodSeconds: t.periodSeconds,
      timeoutSeconds: 3,
      failureThreshold: t.failureThreshold,
    });
  }
  proxy.resources = proxyResources(annos, v('global.proxy.resources')) ?? {};
  const mounts: JsonObject[] = [{ name: 'workload-socket', mountPath: '/var/run/secrets/workload-spiffe-uds' }, certsMount];
  if (v('global.pilotCertProvider') === 'istiod') mounts.push({ mountPath: '/var/run/secrets/istio', name: 'istiod-ca-cert' });
  mounts.push(
    { mountPath: '/var/lib/istio/data', name: 'istio-data' },
    { mountPath: AGENT_XDS_DIR, name: 'istio-xds' },
    { mountPath: '/var/run/secrets/tokens', name: 'istio-token' },
  );
  if (v('global.mountMtlsCerts') === true) mounts.push({ mountPath: '/etc/certs/', name: 'istio-certs', readOnly: true });
  mounts.push({ name: 'istio-podinfo', mountPath: '/etc/istio/pod' });
  for (const [name, spec] of userJson(annos['sidecar.istio.io/userVolumeMount'])) mounts.push({ name, ...spec });
  proxy.volumeMounts = mounts;

  const apps: Container[] = appContainers.map((name) => ({
    name,
    env: [
      { name: 'GRPC_XDS_EXPERIMENTAL_SECURITY_SUPPORT', value: 'true' },
      { name: 'GRPC_XDS_BOOTSTRAP', value: `${AGENT_XDS_DIR}/grpc-bootstrap.json` },
    ],
    volumeMounts: [{ mountPath: '/var/lib/istio/data', name: 'istio-data' }, { mountPath: AGENT_XDS_DIR, name: 'istio-xds' }, certsMount],
  }));

  const spec: PodData['spec'] = { containers: [proxy, ...apps], volumes: agentVolumes(input, annos, v, gke) };
  const pullSecrets = v('global.imagePullSecrets');
  if (Array.isArray(pullSecrets) && pullSecrets.length) spec.imagePullSecrets = pullSecrets.map((name) => ({ name: String(name) }));
  return { metadata: { labels: tmplLabels, annotations: tmplAnnos }, spec };
}

/** The agent's environment, in Istio's order (what the agent reads to build the gRPC bootstrap). */
function agentEnv(input: TemplateInput, appContainers: string[], v: (p: string) => unknown): JsonObject[] {
  const { config, proxyConfig, workload } = input;
  const mesh = config.meshConfig;
  const env: JsonObject[] = [
    { name: 'ISTIO_META_GENERATOR', value: 'grpc' },
    { name: 'OUTPUT_CERTS', value: '/var/lib/istio/data' },
  ];
  if (inboundTrafficPolicyMode(mesh) === 'localhost') env.push({ name: 'REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION', value: 'true' });
  env.push(...caAndPodEnv(v));
  env.push({ name: 'PROXY_CONFIG', value: `${input.proxyConfigJson}\n` });
  env.push({ name: 'ISTIO_META_POD_PORTS', value: podPortsJson(input.pod.spec.containers) });
  env.push({ name: 'ISTIO_META_APP_CONTAINERS', value: appContainers.join(',') });
  env.push({ name: 'ISTIO_META_CLUSTER_ID', value: textOf(v('global.multiCluster.clusterName')) || 'Kubernetes' });
  env.push(fieldRefEnv('ISTIO_META_NODE_NAME', 'spec.nodeName'));
  if (textOf(v('global.network'))) env.push({ name: 'ISTIO_META_NETWORK', value: textOf(v('global.network')) });
  // grpc-agent names the workload after its owner only (the sidecar template also reads a label).
  if (workload.name) env.push({ name: 'ISTIO_META_WORKLOAD_NAME', value: workload.name });
  if (workload.apiVersion && workload.name) {
    env.push({
      name: 'ISTIO_META_OWNER',
      value: `kubernetes://apis/${workload.apiVersion}/namespaces/${workload.namespace || 'default'}/${workload.kind.toLowerCase()}s/${workload.name}`,
    });
  }
  env.push(...meshIdEnv(mesh, v));
  const meta = proxyConfig.proxyMetadata ?? {};
  for (const k of Object.keys(meta).sort()) env.push({ name: k, value: meta[k] });
  // gRPC resolves xds:/// names itself, so the agent need not capture DNS; and there is no Envoy to start.
  env.push({ name: 'ISTIO_META_DNS_CAPTURE', value: 'false' }, { name: 'DISABLE_ENVOY', value: 'true' });
  return env;
}

function agentVolumes(input: TemplateInput, annos: Record<string, string>, v: (p: string) => unknown, gke: boolean): JsonObject[] {
  // No source on workload-socket and workload-certs: the API server defaults them to emptyDir, as for the sidecar.
  const out: JsonObject[] = [{ name: 'workload-socket' }];
  out.push(gke ? { name: 'gke-workload-certificate', csi: { driver: 'workloadcertificates.security.cloud.google.com' } } : { name: 'workload-certs' });
  if ('sidecar.istio.io/bootstrapOverride' in annos)
    out.push({ name: 'custom-bootstrap-volume', configMap: { name: annos['sidecar.istio.io/bootstrapOverride'] } });
  out.push({ emptyDir: { medium: 'Memory' }, name: 'istio-xds' }, { name: 'istio-data', emptyDir: {} });
  out.push(...podInfoAndTokenVolumes(v));
  const ca = istiodCaVolume(v);
  if (ca) out.push(ca);
  if (v('global.mountMtlsCerts') === true) {
    const sa = input.pod.spec.serviceAccountName;
    out.push({ name: 'istio-certs', secret: { optional: true, secretName: sa ? `istio.${sa}` : 'istio.default' } });
  }
  for (const [name, spec] of userJson(annos['sidecar.istio.io/userVolume'])) out.push({ name, ...spec });
  return out;
}

/** Drops zero-valued numbers, as Go's omitempty does for probe fields. */
function omitZero(probe: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(probe).filter(([, x]) => x !== 0));
}

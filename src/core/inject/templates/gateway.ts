/**
 * Istio 1.30's `gateway` injection template, as TypeScript: what the injector adds to a pod that asks for it with
 * `inject.istio.io/templates: gateway` (a gateway Deployment whose pod declares a placeholder `istio-proxy`
 * container, usually `image: auto`). Unlike the sidecar there is no traffic capture: no istio-init, the proxy runs
 * `proxy router` as a plain container (never a native sidecar), as the pod's own user, with the pod allowed to bind
 * low ports. The user's `istio-proxy` fields are laid over this afterwards by injectPod (index.ts), as Istio does.
 */
import { getPath, textOf, type JsonObject } from '../../tree.js';
import { podPortsJson, type Container, type PodData, type TemplateInput } from '../template.js';
import { agentArgs, caAndPodEnv, fieldRefEnv, istiodCaVolume, meshIdEnv, podInfoAndTokenVolumes, proxyImageFor } from './agent-parts.js';

/** The proxy's user and group: Istio's default proxy UID, as kube-inject uses without a cluster. */
const PROXY_ID = 1337;

/** Renders the gateway template's pod fragment. */
export function renderGatewayTemplate(input: TemplateInput): PodData {
  const { pod, workload, config } = input;
  const v = (path: string): unknown => getPath(config.values, path);
  const annos = pod.metadata.annotations ?? {};
  const labels = pod.metadata.labels ?? {};
  const others = pod.spec.containers.map((c) => c.name).filter((n) => n !== 'istio-proxy');

  // The gateway template keeps the canonical name as is (the sidecar's trims it to 63 characters).
  const tmplLabels: Record<string, string> = {
    'service.istio.io/canonical-name': labels['service.istio.io/canonical-name'] || labels['app.kubernetes.io/name'] || labels.app || workload.name,
    'service.istio.io/canonical-revision': labels['service.istio.io/canonical-revision'] || labels['app.kubernetes.io/version'] || labels.version || 'latest',
  };
  const tmplAnnos: Record<string, string> = { 'istio.io/rev': config.revision || 'default' };
  if (others.length) {
    for (const k of ['kubectl.kubernetes.io/default-logs-container', 'kubectl.kubernetes.io/default-container']) {
      if (!(k in annos)) tmplAnnos[k] = others[0]!;
    }
  }

  // Without a pod security context in the values, let the proxy bind ports below 1024 (80, 443) unprivileged.
  const podSecurity = v('gateways.securityContext');
  const securityContext =
    podSecurity && typeof podSecurity === 'object' && Object.keys(podSecurity).length
      ? podSecurity
      : { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] };

  const spec: PodData['spec'] = { securityContext, containers: [routerContainer(input, others)], volumes: gatewayVolumes(input) };
  const pullSecrets = v('global.imagePullSecrets');
  if (Array.isArray(pullSecrets) && pullSecrets.length) spec.imagePullSecrets = pullSecrets.map((name) => ({ name: String(name) }));
  return { metadata: { labels: tmplLabels, annotations: tmplAnnos }, spec };
}

/** The `istio-proxy` container running Envoy as a router. */
function routerContainer(input: TemplateInput, others: string[]): Container {
  const { pod, config } = input;
  const v = (path: string): unknown => getPath(config.values, path);
  const annos = pod.metadata.annotations ?? {};
  const anno = (name: string, def: unknown): string => (name in annos ? annos[name]! : textOf(def));
  const container: Container = {
    name: 'istio-proxy',
    image: proxyImageFor(input.proxyImage, anno, v),
    ports: [{ containerPort: 15090, protocol: 'TCP', name: 'http-envoy-prom' }],
    args: agentArgs('router', anno, v),
  };
  const lifecycle = v('global.proxy.lifecycle');
  if (lifecycle && typeof lifecycle === 'object' && Object.keys(lifecycle).length) container.lifecycle = lifecycle;
  container.securityContext = { runAsUser: PROXY_ID, runAsGroup: PROXY_ID };
  container.env = routerEnv(input, others, annos);
  if (textOf(v('global.imagePullPolicy'))) container.imagePullPolicy = textOf(v('global.imagePullPolicy'));
  // Readiness comes from the values only: the readiness.status.sidecar.istio.io/* annotations are sidecar-only.
  container.readinessProbe = Object.fromEntries(
    Object.entries({
      httpGet: { path: '/healthz/ready', port: 15021 },
      initialDelaySeconds: Number(v('global.proxy.readinessInitialDelaySeconds') ?? 0),
      periodSeconds: Number(v('global.proxy.readinessPeriodSeconds') ?? 0),
      timeoutSeconds: 3,
      failureThreshold: Number(v('global.proxy.readinessFailureThreshold') ?? 0),
    }).filter(([, x]) => x !== 0),
  ); // zero fields are left out, as Go's omitempty does
  container.volumeMounts = routerMounts(v, annos);
  return container;
}

/** The proxy's environment, in the template's order (the agent reads these; empty values are left out, as Go does). */
function routerEnv(input: TemplateInput, others: string[], annos: Record<string, string>): JsonObject[] {
  const { config, workload, pod } = input;
  const v = (path: string): unknown => getPath(config.values, path);
  const env: JsonObject[] = caAndPodEnv(v);
  const value = (name: string, val: string) => env.push({ name, value: val });
  const field = (name: string, fieldPath: string) => env.push(fieldRefEnv(name, fieldPath));
  const resource = (name: string, res: string) => env.push({ name, valueFrom: { resourceFieldRef: { resource: res, divisor: '1' } } });

  resource('ISTIO_CPU_LIMIT', 'limits.cpu');
  value('PROXY_CONFIG', `${input.proxyConfigJson}\n`);
  // The placeholder istio-proxy container's own ports count here, as in Istio's template.
  value('ISTIO_META_POD_PORTS', podPortsJson(pod.spec.containers));
  resource('GOMEMLIMIT', 'limits.memory');
  resource('GOMAXPROCS', 'limits.cpu');
  value('ISTIO_META_APP_CONTAINERS', others.join(','));
  value('ISTIO_META_CLUSTER_ID', textOf(v('global.multiCluster.clusterName')) || 'Kubernetes');
  field('ISTIO_META_NODE_NAME', 'spec.nodeName');
  // From the ProxyConfig only: the sidecar.istio.io/interceptionMode annotation does not apply to gateways.
  value('ISTIO_META_INTERCEPTION_MODE', textOf(input.proxyConfig.interceptionMode));
  if (textOf(v('global.network'))) value('ISTIO_META_NETWORK', textOf(v('global.network')));
  if (workload.name) value('ISTIO_META_WORKLOAD_NAME', workload.name);
  if (workload.apiVersion && workload.name) {
    value(
      'ISTIO_META_OWNER',
      `kubernetes://apis/${workload.apiVersion}/namespaces/${workload.namespace || 'default'}/${workload.kind.toLowerCase()}s/${workload.name}`,
    );
  }
  if ('sidecar.istio.io/bootstrapOverride' in annos) value('ISTIO_BOOTSTRAP_OVERRIDE', '/etc/istio/custom-bootstrap/custom_bootstrap.json');
  env.push(...meshIdEnv(config.meshConfig, v));
  const meta = input.proxyConfig.proxyMetadata ?? {};
  for (const k of Object.keys(meta).sort()) value(k, textOf(meta[k]));
  // Go drops an empty value when istiod reads the template's output back; write what it would.
  return env.map((e) => {
    if (e.value !== '') return e;
    const { value: _empty, ...rest } = e;
    return rest;
  });
}

/** Where the proxy finds its sockets, certificates, token, Envoy config and pod info. */
function routerMounts(v: (path: string) => unknown, annos: Record<string, string>): JsonObject[] {
  const mounts: JsonObject[] = [
    { name: 'workload-socket', mountPath: '/var/run/secrets/workload-spiffe-uds' },
    { name: 'credential-socket', mountPath: '/var/run/secrets/credential-uds' },
  ];
  if (v('global.caName') === 'GkeWorkloadCertificate')
    mounts.push({ name: 'gke-workload-certificate', mountPath: '/var/run/secrets/workload-spiffe-credentials', readOnly: true });
  else mounts.push({ name: 'workload-certs', mountPath: '/var/run/secrets/workload-spiffe-credentials' });
  // Unlike the sidecar, the gateway template mounts no CRL volume.
  if (v('global.pilotCertProvider') === 'istiod') mounts.push({ name: 'istiod-ca-cert', mountPath: '/var/run/secrets/istio' });
  mounts.push({ name: 'istio-data', mountPath: '/var/lib/istio/data' });
  if ('sidecar.istio.io/bootstrapOverride' in annos) mounts.push({ name: 'custom-bootstrap-volume', mountPath: '/etc/istio/custom-bootstrap' });
  mounts.push({ name: 'istio-envoy', mountPath: '/etc/istio/proxy' }, { name: 'istio-token', mountPath: '/var/run/secrets/tokens' });
  if (v('global.mountMtlsCerts') === true) mounts.push({ name: 'istio-certs', mountPath: '/etc/certs/', readOnly: true });
  mounts.push({ name: 'istio-podinfo', mountPath: '/etc/istio/pod' });
  return mounts;
}

/** The pod volumes behind those mounts. */
function gatewayVolumes(input: TemplateInput): JsonObject[] {
  const v = (path: string): unknown => getPath(input.config.values, path);
  const annos = input.pod.metadata.annotations ?? {};
  // The first has a null emptyDir in Istio's template (Go drops it; the API server defaults it), the next two an empty one.
  const out: JsonObject[] = [{ name: 'workload-socket' }, { name: 'credential-socket', emptyDir: {} }];
  if (v('global.caName') === 'GkeWorkloadCertificate')
    out.push({ name: 'gke-workload-certificate', csi: { driver: 'workloadcertificates.security.cloud.google.com' } });
  else out.push({ name: 'workload-certs', emptyDir: {} });
  if ('sidecar.istio.io/bootstrapOverride' in annos)
    out.push({ name: 'custom-bootstrap-volume', configMap: { name: annos['sidecar.istio.io/bootstrapOverride'] } });
  out.push({ name: 'istio-envoy', emptyDir: { medium: 'Memory' } }, { name: 'istio-data', emptyDir: {} });
  out.push(...podInfoAndTokenVolumes(v));
  const ca = istiodCaVolume(v);
  if (ca) out.push(ca);
  if (v('global.mountMtlsCerts') === true) {
    const sa = input.pod.spec.serviceAccountName;
    out.push({ name: 'istio-certs', secret: { optional: true, secretName: sa ? `istio.${sa}` : 'istio.default' } });
  }
  return out;
}

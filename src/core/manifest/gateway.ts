/**
 * An ingress or egress gateway (gateways/istio-ingress|istio-egress charts): ServiceAccount, the `-sds` Role and
 * RoleBinding for credential secrets, Deployment of proxyv2 in router mode, Service, PDB and HPA. One call per
 * enabled entry of components.ingressGateways / egressGateways; the entry's name and labels override the values'.
 */
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, imageRef, object, ownerLabels, pick, resourcesOf, val, type RenderContext } from './context.js';
import { gatewayAffinity } from './gateway-affinity.js';
import { hpaSpec } from './istiod-workload.js';
import { gatewayNetworkPolicy } from './network-policy.js';
import type { GatewaySpec } from './types.js';
import { byKey, type JsonObject } from '../tree.js';

const field = (name: string, fieldPath: string, apiVersion = true): JsonObject => ({
  name,
  valueFrom: { fieldRef: apiVersion ? { apiVersion: 'v1', fieldPath } : { fieldPath } },
});

/**
 * The proxy's env, in the chart's order: the fixed variables, ISTIO_META_UNPRIVILEGED_POD unless runAsRoot, the
 * gateway's own `env`, the mesh-wide `defaultConfig.proxyMetadata`, then the network (unless the gateway's env sets
 * it), cluster and node.
 */
function podEnv(ctx: RenderContext, name: string, ns: string, g: JsonObject): JsonObject[] {
  const meshConfig = (ctx.iop.spec.meshConfig ?? {}) as JsonObject;
  const own = (g.env ?? {}) as JsonObject;
  const proxyMetadata = ((meshConfig.defaultConfig as JsonObject | undefined)?.proxyMetadata ?? {}) as JsonObject;
  const trustDomain = String(meshConfig.trustDomain ?? 'cluster.local');
  const env: JsonObject[] = [
    { name: 'PILOT_CERT_PROVIDER', value: String(val(ctx, 'global.pilotCertProvider')) },
    { name: 'CA_ADDR', value: String(pick(val(ctx, 'global.caAddress'), `istiod${ctx.revSuffix}.${ctx.namespace}.svc:15012`)) },
    field('NODE_NAME', 'spec.nodeName'),
    field('POD_NAME', 'metadata.name'),
    field('POD_NAMESPACE', 'metadata.namespace'),
    field('INSTANCE_IP', 'status.podIP'),
    field('HOST_IP', 'status.hostIP'),
    { name: 'ISTIO_CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1' } } },
    field('SERVICE_ACCOUNT', 'spec.serviceAccountName', false),
    { name: 'ISTIO_META_WORKLOAD_NAME', value: name },
    { name: 'ISTIO_META_OWNER', value: `kubernetes://apis/apps/v1/namespaces/${ns}/deployments/${name}` },
    { name: 'ISTIO_META_MESH_ID', value: String(pick(val(ctx, 'global.meshID'), trustDomain)) },
    { name: 'TRUST_DOMAIN', value: trustDomain },
  ];
  if (!g.runAsRoot) env.push({ name: 'ISTIO_META_UNPRIVILEGED_POD', value: 'true' });
  for (const [k, v] of [...Object.entries(own), ...Object.entries(proxyMetadata)]) env.push({ name: k, value: String(v) });
  if (val(ctx, 'global.network') && own.ISTIO_META_NETWORK === undefined) env.push({ name: 'ISTIO_META_NETWORK', value: String(val(ctx, 'global.network')) });
  env.push(
    { name: 'ISTIO_META_CLUSTER_ID', value: String(pick(val(ctx, 'global.multiCluster.clusterName'), 'Kubernetes')) },
    field('ISTIO_META_NODE_NAME', 'spec.nodeName', false),
  );
  return env;
}

/** The objects of one gateway. `kind` picks the values block and component label. */
export function gatewayObjects(ctx: RenderContext, kind: 'ingress' | 'egress', spec: GatewaySpec, ns: string): KubeObject[] {
  const key = `istio-${kind}gateway`;
  const component = kind === 'ingress' ? 'IngressGateways' : 'EgressGateways';
  const g = { ...((val<JsonObject>(ctx, `gateways.${key}`) ?? {}) as JsonObject) };
  const name = spec.name || String(g.name || key);
  const labels = { ...((g.labels ?? {}) as Record<string, string>), ...(spec.label ?? {}) };
  const ports = ((spec.k8s?.service?.ports as JsonObject[] | undefined)?.length ? spec.k8s!.service!.ports : (g.ports ?? [])) as JsonObject[]; // no ports: `spec.values: null` drops the profile's
  // The chart's role.yaml and rolebindings.yaml label the -sds Role and RoleBinding without the gateway's own labels.
  const rbacMeta = {
    release: 'istio',
    'app.kubernetes.io/name': key,
    ...chartLabels(kind === 'ingress' ? 'istio-ingress' : 'istio-egress'),
    ...ownerLabels(ctx, component),
  };
  const meta = { ...labels, ...rbacMeta };
  const sa = `${name}-service-account`;
  const out: KubeObject[] = [];
  const pullSecrets = (val<string[]>(ctx, 'global.imagePullSecrets') ?? []).map((n) => ({ name: n }));
  out.push(
    object('v1', 'ServiceAccount', sa, ns, meta, {
      ...(pullSecrets.length ? { imagePullSecrets: pullSecrets } : {}),
      annotations: (g.serviceAccount as JsonObject | undefined)?.annotations,
    }),
  );
  out.push(
    object('rbac.authorization.k8s.io/v1', 'Role', `${name}-sds`, ns, rbacMeta, {
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'watch', 'list'] }],
    }),
  );
  out.push(
    object('rbac.authorization.k8s.io/v1', 'RoleBinding', `${name}-sds`, ns, rbacMeta, {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${name}-sds` },
      subjects: [{ kind: 'ServiceAccount', name: sa }],
    }),
  );

  const proxyImage = imageRef(
    String(pick(spec.hub, val(ctx, 'global.hub'))),
    String(pick(val(ctx, 'global.proxy.image'), 'proxyv2')),
    pick(spec.tag, val(ctx, 'global.tag')),
    String(pick(val(ctx, 'global.proxy.variant'), val(ctx, 'global.variant'), '')),
  );
  const secretVolumes = (g.secretVolumes ?? []) as JsonObject[];
  const container: JsonObject = {
    name: 'istio-proxy',
    image: proxyImage,
    ...(val(ctx, 'global.imagePullPolicy') ? { imagePullPolicy: val(ctx, 'global.imagePullPolicy') } : {}),
    args: [
      'proxy',
      'router',
      '--domain',
      `$(POD_NAMESPACE).svc.${String(val(ctx, 'global.proxy.clusterDomain'))}`,
      `--proxyLogLevel=${String(val(ctx, 'global.proxy.logLevel'))}`,
      `--proxyComponentLogLevel=${String(val(ctx, 'global.proxy.componentLogLevel'))}`,
      `--log_output_level=${String(val(ctx, 'global.logging.level'))}`,
      ...(val(ctx, 'global.logAsJson') ? ['--log_as_json'] : []),
    ],
    securityContext: g.runAsRoot
      ? {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
          privileged: false,
          readOnlyRootFilesystem: true,
          runAsUser: 0,
          runAsGroup: 1337,
          runAsNonRoot: false,
        }
      : { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true },
    ports: [
      ...ports.map((pt) => ({ containerPort: pt.targetPort ?? pt.port, protocol: String(pt.protocol ?? 'TCP') })),
      { containerPort: 15090, protocol: 'TCP', name: 'http-envoy-prom' },
    ],
    readinessProbe: {
      failureThreshold: 30,
      httpGet: { path: '/healthz/ready', port: 15021, scheme: 'HTTP' },
      initialDelaySeconds: 1,
      periodSeconds: 2,
      successThreshold: 1,
      timeoutSeconds: 1,
    },
    resources: resourcesOf(g.resources ?? val(ctx, 'global.defaultResources')),
    env: podEnv(ctx, name, ns, g),
    volumeMounts: [
      { name: 'workload-socket', mountPath: '/var/run/secrets/workload-spiffe-uds' },
      { name: 'credential-socket', mountPath: '/var/run/secrets/credential-uds' },
      { name: 'workload-certs', mountPath: '/var/run/secrets/workload-spiffe-credentials' },
      { name: 'istio-envoy', mountPath: '/etc/istio/proxy' },
      { name: 'config-volume', mountPath: '/etc/istio/config' },
      { name: 'istiod-ca-cert', mountPath: '/var/run/secrets/istio' },
      { name: 'istio-token', mountPath: '/var/run/secrets/tokens', readOnly: true },
      { name: 'istio-data', mountPath: '/var/lib/istio/data' },
      { name: 'podinfo', mountPath: '/etc/istio/pod' },
      ...secretVolumes.map((v) => ({ name: v.name, mountPath: v.mountPath, readOnly: true })),
    ],
  };
  const volumes: JsonObject[] = [
    { name: 'workload-socket', emptyDir: {} },
    { name: 'credential-socket', emptyDir: {} },
    { name: 'workload-certs', emptyDir: {} },
    { name: 'istiod-ca-cert', configMap: { name: String(pick(val(ctx, 'global.trustBundleName'), 'istio-ca-root-cert')) } },
    {
      name: 'podinfo',
      downwardAPI: {
        items: [
          { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
          { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' } },
        ],
      },
    },
    { name: 'istio-envoy', emptyDir: {} },
    { name: 'istio-data', emptyDir: {} },
    {
      name: 'istio-token',
      projected: { sources: [{ serviceAccountToken: { audience: String(val(ctx, 'global.sds.token.aud')), expirationSeconds: 43200, path: 'istio-token' } }] },
    },
    { name: 'config-volume', configMap: { name: `istio${ctx.revSuffix}`, optional: true } },
    ...secretVolumes.map((v) => ({ name: v.name, secret: { secretName: v.secretName, optional: true } })),
  ];
  const podSpec: JsonObject = {
    // On OpenShift the chart leaves the user and group to the SCC.
    securityContext: g.runAsRoot
      ? {}
      : String(pick(val(ctx, 'global.platform'), '')) === 'openshift'
        ? { runAsNonRoot: true }
        : { runAsUser: 1337, runAsGroup: 1337, runAsNonRoot: true },
    serviceAccountName: sa,
    containers: [container],
    volumes,
  };
  podSpec.affinity = gatewayAffinity(ctx, g);
  if (((g.tolerations ?? []) as JsonObject[]).length) podSpec.tolerations = g.tolerations;
  if (val(ctx, 'global.priorityClassName')) podSpec.priorityClassName = val(ctx, 'global.priorityClassName');
  const canonicalRevision = String(pick(labels['app.kubernetes.io/version'], labels.version, ctx.revision, 'latest'));
  // In istio-system the chart also stamps the legacy Helm 2 labels on the pods.
  const legacy = ns === 'istio-system' ? { heritage: 'Tiller', release: 'istio', chart: 'gateways' } : {};
  // The pods carry `release` only with the legacy labels (in istio-system), not as the Deployment does.
  const { release: _release, ...podMeta } = meta;
  const podLabels = {
    ...podMeta,
    ...legacy,
    'sidecar.istio.io/inject': 'false',
    'istio.io/dataplane-mode': 'none',
    'service.istio.io/canonical-name': name,
    'service.istio.io/canonical-revision': canonicalRevision,
  };
  const dspec: JsonObject = {};
  if (!g.autoscaleEnabled && g.replicaCount) dspec.replicas = g.replicaCount;
  Object.assign(dspec, {
    selector: { matchLabels: labels },
    strategy: { rollingUpdate: { maxSurge: g.rollingMaxSurge, maxUnavailable: g.rollingMaxUnavailable } },
    template: {
      metadata: {
        labels: Object.fromEntries(Object.entries(podLabels).sort(byKey)),
        annotations: {
          'istio.io/rev': ctx.revLabel,
          'prometheus.io/path': '/stats/prometheus',
          'prometheus.io/port': '15020',
          'prometheus.io/scrape': 'true',
          'sidecar.istio.io/inject': 'false',
          ...((g.podAnnotations ?? {}) as JsonObject),
        },
      },
      spec: podSpec,
    },
  });
  out.push(object('apps/v1', 'Deployment', name, ns, { ...meta, 'istio.io/dataplane-mode': 'none' }, { spec: dspec }));
  if (!g.customService) {
    const sspec: JsonObject = {};
    if (g.loadBalancerIP) sspec.loadBalancerIP = g.loadBalancerIP;
    if (((g.loadBalancerSourceRanges ?? []) as string[]).length) sspec.loadBalancerSourceRanges = g.loadBalancerSourceRanges;
    if (g.externalTrafficPolicy) sspec.externalTrafficPolicy = g.externalTrafficPolicy;
    sspec.type = g.type;
    sspec.selector = labels;
    sspec.ports = [
      ...ports.map((pt) => Object.fromEntries(Object.entries(pt).sort(byKey))),
      ...((g.ingressPorts ?? []) as JsonObject[]).map((pt) => ({ port: pt.port, name: pt.name })),
    ];
    if (g.ipFamilyPolicy) sspec.ipFamilyPolicy = g.ipFamilyPolicy;
    if (((g.ipFamilies ?? []) as string[]).length) sspec.ipFamilies = g.ipFamilies;
    out.push(object('v1', 'Service', name, ns, meta, { annotations: g.serviceAnnotations, spec: sspec }));
  }
  const min = Number(g.autoscaleMin ?? 0);
  if (val(ctx, 'global.defaultPodDisruptionBudget.enabled') && ((g.autoscaleEnabled && min > 1) || (!g.autoscaleEnabled && Number(g.replicaCount ?? 0) > 1))) {
    out.push(object('policy/v1', 'PodDisruptionBudget', name, ns, meta, { spec: { minAvailable: 1, selector: { matchLabels: labels } } }));
  }
  if (g.autoscaleEnabled && g.autoscaleMin && g.autoscaleMax) {
    // The gateway charts scale on CPU only: a `memory` target is accepted in values but not rendered.
    out.push(object('autoscaling/v2', 'HorizontalPodAutoscaler', name, ns, meta, { spec: hpaSpec(name, g.autoscaleMin, g.autoscaleMax, g.cpu, undefined) }));
  }
  out.push(...gatewayNetworkPolicy(ctx, kind, name, ns, labels, ports ?? []));
  return out;
}

/** ztunnel, the ambient node proxy (ztunnel chart): ServiceAccount, ClusterRole/Binding (OpenShift SCC), DaemonSet. */
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, imageRef, object, ownerLabels, pick, resourcesOf, val, type RenderContext } from './context.js';
import { ztunnelNetworkPolicy } from './network-policy.js';
import { byKey, type JsonObject } from '../tree.js';

const z = <T = unknown>(ctx: RenderContext, path: string) => val<T>(ctx, `ztunnel.${path}`);
const fieldEnv = (name: string, fieldPath: string): JsonObject => ({ name, valueFrom: { fieldRef: { fieldPath } } });

/** All ztunnel objects for namespace `ns`. */
export function ztunnelObjects(ctx: RenderContext, ns: string): KubeObject[] {
  const name = String(z(ctx, 'resourceName') || 'ztunnel');
  // The chart's ServiceAccount and DaemonSet carry no `app` label; only its (OpenShift) RBAC does.
  const labels = {
    'app.kubernetes.io/name': 'ztunnel',
    ...chartLabels('ztunnel'),
    ...ownerLabels(ctx, 'Ztunnel'),
    ...((z<JsonObject>(ctx, 'labels') ?? {}) as Record<string, string>),
  };
  // As on the DaemonSet: the chart's annotations, with the revision's istio.io/rev.
  const annotations = { ...((z<JsonObject>(ctx, 'annotations') ?? {}) as Record<string, string>), ...(ctx.revision ? { 'istio.io/rev': ctx.revision } : {}) };
  const out: KubeObject[] = [object('v1', 'ServiceAccount', name, ns, labels, { annotations })];
  if (String(pick(val(ctx, 'global.platform'), '')) === 'openshift') {
    out.push(
      object(
        'rbac.authorization.k8s.io/v1',
        'ClusterRole',
        name,
        undefined,
        { app: 'ztunnel', release: name, ...labels },
        {
          rules: [{ apiGroups: ['security.openshift.io'], resources: ['securitycontextconstraints'], resourceNames: ['privileged'], verbs: ['use'] }],
        },
      ),
    );
    out.push(
      object(
        'rbac.authorization.k8s.io/v1',
        'ClusterRoleBinding',
        name,
        undefined,
        { app: 'ztunnel', release: name, ...labels },
        {
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
          subjects: [{ kind: 'ServiceAccount', name, namespace: ns }],
        },
      ),
    );
  }
  const istiod = `istiod${ctx.revSuffix}.${ctx.namespace}.svc:15012`;
  const env: JsonObject[] = [
    { name: 'CA_ADDRESS', value: String(pick(z(ctx, 'caAddress'), val(ctx, 'global.caAddress'), istiod)) },
    { name: 'XDS_ADDRESS', value: String(pick(z(ctx, 'xdsAddress'), istiod)) },
  ];
  if (z(ctx, 'logAsJson')) env.push({ name: 'LOG_FORMAT', value: 'json' });
  const network = pick(z(ctx, 'network'), val(ctx, 'global.network'));
  if (network) env.push({ name: 'NETWORK', value: String(network) });
  env.push(
    { name: 'RUST_LOG', value: String(z(ctx, 'logLevel')) },
    { name: 'RUST_BACKTRACE', value: '1' },
    { name: 'ISTIO_META_CLUSTER_ID', value: String(pick(z(ctx, 'multiCluster.clusterName'), val(ctx, 'global.multiCluster.clusterName'), 'Kubernetes')) },
    { name: 'INPOD_ENABLED', value: 'true' },
    { name: 'TERMINATION_GRACE_PERIOD_SECONDS', value: String(z(ctx, 'terminationGracePeriodSeconds')) },
    fieldEnv('POD_NAME', 'metadata.name'),
    fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
    fieldEnv('NODE_NAME', 'spec.nodeName'),
    fieldEnv('INSTANCE_IP', 'status.podIP'),
    fieldEnv('SERVICE_ACCOUNT', 'spec.serviceAccountName'),
  );
  // ztunnel reads proxyMetadata from the mesh-wide defaultConfig (the ambient profile sets ISTIO_META_ENABLE_HBONE there).
  const meta = (((ctx.iop.spec.meshConfig as JsonObject | undefined)?.defaultConfig as JsonObject | undefined)?.proxyMetadata ?? {}) as JsonObject;
  for (const [k, v] of Object.entries(meta)) env.push({ name: k, value: String(v) });
  env.push({ name: 'ZTUNNEL_CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1' } } });
  for (const [k, v] of Object.entries(z<JsonObject>(ctx, 'env') ?? {})) env.push({ name: k, value: String(v) });
  const crl = Boolean(z(ctx, 'peerCaCrl.enabled'));
  if (crl) env.push({ name: 'CRL_PATH', value: '/var/run/secrets/istio/crl/ca-crl.pem' });
  const securityContext: JsonObject = {
    allowPrivilegeEscalation: true,
    privileged: false,
    capabilities: { drop: ['ALL'], add: ['NET_ADMIN', 'SYS_ADMIN', 'NET_RAW'] },
    readOnlyRootFilesystem: true,
    runAsGroup: 1337,
    runAsNonRoot: false,
    runAsUser: 0,
  };
  const selinux = z<JsonObject>(ctx, 'seLinuxOptions');
  if (selinux && Object.keys(selinux).length) securityContext.seLinuxOptions = selinux;
  // Unlike the other charts, ztunnel's image takes only its own variant, not global.variant (so ambient's
  // `global.variant: distroless` does not apply to it).
  const container: JsonObject = {
    name: 'istio-proxy',
    image: imageRef(
      String(pick(z(ctx, 'hub'), val(ctx, 'global.hub'))),
      String(pick(z(ctx, 'image'), 'ztunnel')),
      pick(z(ctx, 'tag'), val(ctx, 'global.tag')),
      String(pick(z(ctx, 'variant'), val(ctx, 'global.variant'), '')),
    ),
    ports: [{ containerPort: 15020, name: 'ztunnel-stats', protocol: 'TCP' }],
    resources: resourcesOf(z(ctx, 'resources')),
    ...(z(ctx, 'imagePullPolicy') ? { imagePullPolicy: z(ctx, 'imagePullPolicy') } : {}),
    securityContext,
    readinessProbe: { httpGet: { port: 15021, path: '/healthz/ready' } },
    args: ['proxy', 'ztunnel'],
    env,
    volumeMounts: [
      { mountPath: '/var/run/secrets/istio', name: 'istiod-ca-cert' },
      { mountPath: '/var/run/secrets/tokens', name: 'istio-token' },
      { mountPath: '/var/run/ztunnel', name: 'cni-ztunnel-sock-dir' },
      { mountPath: '/tmp', name: 'tmp' },
      ...(crl ? [{ mountPath: '/var/run/secrets/istio/crl', name: 'crl-volume', readOnly: true }] : []),
      ...((z<JsonObject[]>(ctx, 'volumeMounts') ?? []) as JsonObject[]),
    ],
  };
  const podSpec: JsonObject = {
    nodeSelector: { 'kubernetes.io/os': 'linux', ...((z<JsonObject>(ctx, 'nodeSelector') ?? {}) as JsonObject) },
    serviceAccountName: name,
    tolerations: z(ctx, 'tolerations'),
    containers: [container],
    priorityClassName: 'system-node-critical',
    terminationGracePeriodSeconds: z(ctx, 'terminationGracePeriodSeconds'),
    volumes: [
      { name: 'istio-token', projected: { sources: [{ serviceAccountToken: { path: 'istio-token', expirationSeconds: 43200, audience: 'istio-ca' } }] } },
      { name: 'istiod-ca-cert', configMap: { name: String(pick(val(ctx, 'global.trustBundleName'), 'istio-ca-root-cert')) } },
      { name: 'cni-ztunnel-sock-dir', hostPath: { path: '/var/run/ztunnel', type: 'DirectoryOrCreate' } },
      { name: 'tmp', emptyDir: {} },
      ...(crl ? [{ name: 'crl-volume', configMap: { name: 'istio-ca-crl', optional: true } }] : []),
      ...((z<JsonObject[]>(ctx, 'volumes') ?? []) as JsonObject[]),
    ],
  };
  if (z(ctx, 'dnsPolicy')) podSpec.dnsPolicy = z(ctx, 'dnsPolicy');
  const dnsConfig = z<JsonObject>(ctx, 'dnsConfig');
  if (dnsConfig && Object.keys(dnsConfig).length) podSpec.dnsConfig = dnsConfig;
  // The pod template carries the chart's labels only, not the ownership labels the DaemonSet has.
  const podLabels = {
    app: 'ztunnel',
    'app.kubernetes.io/name': 'ztunnel',
    ...chartLabels('ztunnel'),
    'sidecar.istio.io/inject': 'false',
    'istio.io/dataplane-mode': 'none',
    ...((z<JsonObject>(ctx, 'podLabels') ?? {}) as Record<string, string>),
  };
  const podAnnotations = {
    'sidecar.istio.io/inject': 'false',
    ...(ctx.revision ? { 'istio.io/rev': ctx.revision } : {}),
    ...((z<JsonObject>(ctx, 'podAnnotations') ?? {}) as JsonObject),
  };
  out.push(
    object('apps/v1', 'DaemonSet', name, ns, labels, {
      annotations,
      spec: {
        updateStrategy: z(ctx, 'updateStrategy'),
        selector: { matchLabels: { app: 'ztunnel' } },
        template: { metadata: { labels: Object.fromEntries(Object.entries(podLabels).sort(byKey)), annotations: podAnnotations }, spec: podSpec },
      },
    }),
  );
  out.push(...ztunnelNetworkPolicy(ctx, name, ns));
  return out;
}

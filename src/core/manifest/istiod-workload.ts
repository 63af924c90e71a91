/** istiod's workload objects (istio-discovery chart): Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler. */
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, imageRef, object, ownerLabels, pick, resourcesOf, val, type RenderContext } from './context.js';
import { byKey, type JsonObject } from '../tree.js';

const fieldEnv = (name: string, fieldPath: string): JsonObject => ({ name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });
const p = <T = unknown>(ctx: RenderContext, path: string) => val<T>(ctx, `pilot.${path}`);

/** Whether this install runs istiod here (not a remote cluster served from elsewhere). */
export function runsIstiod(ctx: RenderContext): boolean {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  const remote = Boolean(val(ctx, 'istiodRemote.enabled'));
  return (scope === 'all' || scope === 'namespace') && (!remote || Boolean(val(ctx, 'istiodRemote.enabledLocalInjectorIstiod')));
}

function container(ctx: RenderContext): JsonObject {
  const env: JsonObject[] = [
    { name: 'REVISION', value: ctx.revLabel },
    { name: 'PILOT_CERT_PROVIDER', value: String(val(ctx, 'global.pilotCertProvider')) },
    fieldEnv('POD_NAME', 'metadata.name'),
    fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
    fieldEnv('SERVICE_ACCOUNT', 'spec.serviceAccountName'),
    { name: 'KUBECONFIG', value: '/var/run/secrets/remote/config' },
  ];
  const userEnv = (p<JsonObject>(ctx, 'env') ?? {}) as JsonObject;
  if (!userEnv.CA_TRUSTED_NODE_ACCOUNTS) {
    env.push({
      name: 'CA_TRUSTED_NODE_ACCOUNTS',
      value: `${pick(p(ctx, 'trustedZtunnelNamespace'), ctx.releaseNamespace)}/${pick(p(ctx, 'trustedZtunnelName'), 'ztunnel')}`,
    });
  }
  for (const [k, v] of Object.entries(userEnv)) env.push({ name: k, value: String(v) });
  env.push(...((p<JsonObject[]>(ctx, 'envVarFrom') ?? []) as JsonObject[]));
  const sampling = p<number>(ctx, 'traceSampling');
  if (sampling) env.push({ name: 'PILOT_TRACE_SAMPLING', value: String(sampling) });
  if (p(ctx, 'taint.enabled'))
    env.push(
      { name: 'PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS', value: 'true' },
      { name: 'PILOT_NODE_UNTAINT_CONTROLLERS_TAINT_NAME', value: String(p(ctx, 'taint.name')) },
    );
  if (val(ctx, 'global.externalIstiod') && !userEnv.EXTERNAL_ISTIOD) env.push({ name: 'EXTERNAL_ISTIOD', value: 'true' });
  if (val(ctx, 'global.trustBundleName')) env.push({ name: 'PILOT_CA_CERT_CONFIGMAP', value: String(val(ctx, 'global.trustBundleName')) });
  if (p(ctx, 'crlConfigMapName')) env.push({ name: 'PILOT_CRL_CONFIGMAP', value: String(p(ctx, 'crlConfigMapName')) });
  env.push(
    { name: 'PILOT_ENABLE_ANALYSIS', value: String(Boolean(val(ctx, 'global.istiod.enableAnalysis'))) },
    { name: 'CLUSTER_ID', value: String(pick(val(ctx, 'global.multiCluster.clusterName'), 'Kubernetes')) },
    { name: 'GOMAXPROCS', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1' } } },
    { name: 'PLATFORM', value: String(pick(val(ctx, 'global.platform'), val(ctx, 'platform'), '')) },
  );
  const args = ['discovery', '--monitoringAddr=:15014'];
  if (val(ctx, 'global.logging.level')) args.push(`--log_output_level=${String(val(ctx, 'global.logging.level'))}`);
  if (val(ctx, 'global.logAsJson')) args.push('--log_as_json');
  args.push('--domain', String(val(ctx, 'global.proxy.clusterDomain')));
  if (p(ctx, 'taint.namespace')) args.push(`--cniNamespace=${String(p(ctx, 'taint.namespace'))}`);
  args.push(
    '--keepaliveMaxServerConnectionAge',
    String(p(ctx, 'keepaliveMaxServerConnectionAge')),
    ...((p<string[]>(ctx, 'extraContainerArgs') ?? []) as string[]),
  );
  const securityContext: JsonObject = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } };
  const seccomp = p<JsonObject>(ctx, 'seccompProfile');
  if (seccomp && Object.keys(seccomp).length) securityContext.seccompProfile = seccomp;
  const c: JsonObject = {
    name: 'discovery',
    image: imageRef(
      pick(p(ctx, 'hub'), val(ctx, 'global.hub')),
      String(pick(p(ctx, 'image'), 'pilot')),
      pick(p(ctx, 'tag'), val(ctx, 'global.tag')),
      pick(p(ctx, 'variant'), val(ctx, 'global.variant'), ''),
    ),
  };
  if (val(ctx, 'global.imagePullPolicy')) c.imagePullPolicy = val(ctx, 'global.imagePullPolicy');
  Object.assign(c, {
    args,
    ports: [
      { containerPort: 8080, protocol: 'TCP', name: 'http-debug' },
      { containerPort: 15010, protocol: 'TCP', name: 'grpc-xds' },
      { containerPort: 15012, protocol: 'TCP', name: 'tls-xds' },
      { containerPort: 15017, protocol: 'TCP', name: 'https-webhooks' },
      { containerPort: 15014, protocol: 'TCP', name: 'http-monitoring' },
    ],
    readinessProbe: { httpGet: { path: '/ready', port: 8080 }, initialDelaySeconds: 1, periodSeconds: 3, timeoutSeconds: 5 },
    env,
    resources: resourcesOf(p(ctx, 'resources') ?? val(ctx, 'global.defaultResources')),
    securityContext,
    volumeMounts: [
      { name: 'istio-token', mountPath: '/var/run/secrets/tokens', readOnly: true },
      { name: 'local-certs', mountPath: '/var/run/secrets/istio-dns' },
      { name: 'cacerts', mountPath: '/etc/cacerts', readOnly: true },
      { name: 'istio-kubeconfig', mountPath: '/var/run/secrets/remote', readOnly: true },
      ...(p(ctx, 'jwksResolverExtraRootCA') ? [{ name: 'extracacerts', mountPath: '/cacerts' }] : []),
      { name: 'istio-csr-dns-cert', mountPath: '/var/run/secrets/istiod/tls', readOnly: true },
      { name: 'istio-csr-ca-configmap', mountPath: '/var/run/secrets/istiod/ca', readOnly: true },
      ...((p<JsonObject[]>(ctx, 'volumeMounts') ?? []) as JsonObject[]),
    ],
  });
  return c;
}

function volumes(ctx: RenderContext): JsonObject[] {
  const bundle = String(pick(val(ctx, 'global.trustBundleName'), 'istio-ca-root-cert'));
  return [
    { name: 'local-certs', emptyDir: { medium: 'Memory' } },
    {
      name: 'istio-token',
      projected: { sources: [{ serviceAccountToken: { audience: String(val(ctx, 'global.sds.token.aud')), expirationSeconds: 43200, path: 'istio-token' } }] },
    },
    { name: 'cacerts', secret: { secretName: 'cacerts', optional: true } },
    { name: 'istio-kubeconfig', secret: { secretName: 'istio-kubeconfig', optional: true } },
    { name: 'istio-csr-dns-cert', secret: { secretName: 'istiod-tls', optional: true } },
    { name: 'istio-csr-ca-configmap', configMap: { name: bundle, defaultMode: 420, optional: true } },
    ...(p(ctx, 'jwksResolverExtraRootCA') ? [{ name: 'extracacerts', configMap: { name: `pilot-jwks-extra-cacerts${ctx.revSuffix}` } }] : []),
    ...((p<JsonObject[]>(ctx, 'volumes') ?? []) as JsonObject[]),
  ];
}

/** Deployment, Service, PDB and HPA of istiod (none for a remote cluster). */
export function istiodWorkload(ctx: RenderContext): KubeObject[] {
  if (!runsIstiod(ctx)) return [];
  const name = `istiod${ctx.revSuffix}`;
  const own = ownerLabels(ctx, 'Pilot');
  const base = { app: 'istiod', release: 'istio', 'app.kubernetes.io/name': 'istiod', ...chartLabels('istiod'), ...own };
  const selector: Record<string, string> = ctx.revision ? { app: 'istiod', 'istio.io/rev': ctx.revision } : { istio: 'pilot' };
  const autoscale = Boolean(p(ctx, 'autoscaleEnabled'));
  const spec: JsonObject = {};
  if (!autoscale && p(ctx, 'replicaCount')) spec.replicas = p(ctx, 'replicaCount');
  // The chart's pod template has every Deployment label but `release`.
  const { release: _release, ...podBase } = base;
  const podLabels: Record<string, string> = {
    ...podBase,
    'sidecar.istio.io/inject': 'false',
    istio: ctx.revision ? 'istiod' : 'pilot',
    'istio.io/dataplane-mode': 'none',
  };
  for (const [k, v] of Object.entries(p<JsonObject>(ctx, 'podLabels') ?? {})) podLabels[k] = String(v);
  const podSpec: JsonObject = {};
  const nodeSelector = p<JsonObject>(ctx, 'nodeSelector');
  if (nodeSelector && Object.keys(nodeSelector).length) podSpec.nodeSelector = nodeSelector;
  const affinity = p<JsonObject>(ctx, 'affinity');
  if (affinity && Object.keys(affinity).length) podSpec.affinity = affinity;
  podSpec.tolerations = [{ key: 'cni.istio.io/not-ready', operator: 'Exists' }, ...((p<JsonObject[]>(ctx, 'tolerations') ?? []) as JsonObject[])];
  const spread = p<JsonObject[]>(ctx, 'topologySpreadConstraints') ?? [];
  if (spread.length) podSpec.topologySpreadConstraints = spread;
  podSpec.serviceAccountName = name;
  if (val(ctx, 'global.priorityClassName')) podSpec.priorityClassName = val(ctx, 'global.priorityClassName');
  const inits = p<JsonObject[]>(ctx, 'initContainers') ?? [];
  if (inits.length) podSpec.initContainers = inits;
  podSpec.containers = [container(ctx)];
  podSpec.volumes = volumes(ctx);
  const deploymentLabels = {
    ...base,
    istio: 'pilot',
    ...Object.fromEntries(Object.entries(p<JsonObject>(ctx, 'deploymentLabels') ?? {}).map(([k, v]) => [k, String(v)])),
  };
  Object.assign(spec, {
    strategy: { rollingUpdate: { maxSurge: p(ctx, 'rollingMaxSurge'), maxUnavailable: p(ctx, 'rollingMaxUnavailable') } },
    selector: { matchLabels: selector },
    template: {
      metadata: {
        labels: Object.fromEntries(Object.entries(podLabels).sort(byKey)),
        annotations: {
          'prometheus.io/port': '15014',
          'prometheus.io/scrape': 'true',
          'sidecar.istio.io/inject': 'false',
          ...(p<JsonObject>(ctx, 'podAnnotations') ?? {}),
        },
      },
      spec: podSpec,
    },
  });
  const out: KubeObject[] = [
    object('apps/v1', 'Deployment', name, ctx.releaseNamespace, deploymentLabels, { annotations: p(ctx, 'deploymentAnnotations'), spec }),
  ];
  const svcSpec: JsonObject = {
    ports: [
      { port: 15010, name: 'grpc-xds', protocol: 'TCP' },
      { port: 15012, name: 'https-dns', protocol: 'TCP' },
      { port: 443, name: 'https-webhook', targetPort: 15017, protocol: 'TCP' },
      { port: 15014, name: 'http-monitoring', protocol: 'TCP' },
    ],
    selector: { app: 'istiod', ...(ctx.revision ? { 'istio.io/rev': ctx.revision } : { istio: 'pilot' }) },
  };
  if (p(ctx, 'ipFamilyPolicy')) svcSpec.ipFamilyPolicy = p(ctx, 'ipFamilyPolicy');
  if ((p<string[]>(ctx, 'ipFamilies') ?? []).length) svcSpec.ipFamilies = p(ctx, 'ipFamilies');
  out.push(object('v1', 'Service', name, ctx.releaseNamespace, { ...base, istio: 'pilot' }, { annotations: p(ctx, 'serviceAnnotations'), spec: svcSpec }));
  const min = Number(p(ctx, 'autoscaleMin') ?? 0);
  const replicas = Number(p(ctx, 'replicaCount') ?? 0);
  if (val(ctx, 'global.defaultPodDisruptionBudget.enabled') && ((autoscale && min > 1) || (!autoscale && replicas > 1))) {
    const pdb = (val<JsonObject>(ctx, 'pdb') ?? {}) as JsonObject;
    const pdbSpec: JsonObject = {};
    if (pdb.minAvailable && !('maxUnavailable' in pdb)) pdbSpec.minAvailable = pdb.minAvailable;
    else if (pdb.maxUnavailable) pdbSpec.maxUnavailable = pdb.maxUnavailable;
    if (pdb.unhealthyPodEvictionPolicy) pdbSpec.unhealthyPodEvictionPolicy = pdb.unhealthyPodEvictionPolicy;
    pdbSpec.selector = { matchLabels: { app: 'istiod', ...(ctx.revision ? { 'istio.io/rev': ctx.revision } : { istio: 'pilot' }) } };
    out.push(object('policy/v1', 'PodDisruptionBudget', name, ctx.releaseNamespace, { ...base, istio: 'pilot' }, { spec: pdbSpec }));
  }
  if (autoscale && p(ctx, 'autoscaleMin') && p(ctx, 'autoscaleMax')) {
    out.push(
      object('autoscaling/v2', 'HorizontalPodAutoscaler', name, ctx.releaseNamespace, base, {
        spec: hpaSpec(name, p(ctx, 'autoscaleMin'), p(ctx, 'autoscaleMax'), p(ctx, 'cpu'), p(ctx, 'memory'), p(ctx, 'autoscaleBehavior')),
      }),
    );
  }
  return out;
}

/** An autoscaling/v2 spec on CPU (and memory when asked), as Istio's charts write it. */
export function hpaSpec(target: string, min: unknown, max: unknown, cpu: unknown, memory: unknown, behavior?: unknown): JsonObject {
  const metric = (name: string, util: unknown) => ({ type: 'Resource', resource: { name, target: { type: 'Utilization', averageUtilization: util } } });
  const metrics = [metric('cpu', (cpu as JsonObject | undefined)?.targetAverageUtilization ?? 80)];
  const mem = (memory as JsonObject | undefined)?.targetAverageUtilization;
  if (mem) metrics.push(metric('memory', mem));
  const spec: JsonObject = { maxReplicas: max, minReplicas: min, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, metrics };
  if (behavior && typeof behavior === 'object' && Object.keys(behavior).length) spec.behavior = behavior;
  return spec;
}

/**
 * The istio-cni node agent (istio-cni chart): ServiceAccount, ClusterRoles (node agent, repair, ambient) and
 * bindings, the `istio-cni-config` ConfigMap, and the `istio-cni-node` DaemonSet.
 */
import type { KubeObject } from '../yaml/load.js';
import { emitYaml } from '../yaml/emit.js';
import { chartLabels, imageRef, object, ownerLabels, pick, resourcesOf, val, type RenderContext } from './context.js';
import { cniNetworkPolicy } from './network-policy.js';
import { byKey, type JsonObject } from '../tree.js';

const c = <T = unknown>(ctx: RenderContext, path: string) => val<T>(ctx, `cni.${path}`);
const fieldEnv = (name: string, fieldPath: string): JsonObject => ({ name, valueFrom: { fieldRef: { fieldPath } } });
const hostPath = (name: string, path: string, type?: string): JsonObject => ({ name, hostPath: type ? { path, type } : { path } });

/**
 * The cni chart's view of `global.logging.level`. Each Istio chart fills in its own defaults: the istiod chart's
 * `default:info` is what mesh's resolved values carry, the cni chart's is `info` (install-cni takes a plain level).
 * So the istiod default means "not set" here; any other value is the user's and passes through.
 */
function cniGlobalLevel(level: unknown): unknown {
  return level === 'default:info' ? 'info' : level;
}

/** All istio-cni objects for namespace `ns`. */
export function cniObjects(ctx: RenderContext, ns: string): KubeObject[] {
  const labels = { app: 'istio-cni', release: 'istio', 'app.kubernetes.io/name': 'istio-cni', ...chartLabels('cni'), ...ownerLabels(ctx, 'Cni') };
  const ambient = Boolean(c(ctx, 'ambient.enabled'));
  const repair = (c<JsonObject>(ctx, 'repair') ?? {}) as JsonObject;
  const platform = String(pick(c(ctx, 'platform'), val(ctx, 'global.platform'), ''));
  const out: KubeObject[] = [object('v1', 'ServiceAccount', 'istio-cni', ns, labels)];
  const agentRules: JsonObject[] = [{ apiGroups: [''], resources: ['pods', 'nodes', 'namespaces'], verbs: ['get', 'list', 'watch'] }];
  if (platform === 'openshift')
    agentRules.push({ apiGroups: ['security.openshift.io'], resources: ['securitycontextconstraints'], resourceNames: ['privileged'], verbs: ['use'] });
  const roles: [string, JsonObject[]][] = [['istio-cni', agentRules]];
  if (repair.enabled) {
    const rules: JsonObject[] = [
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['watch', 'get', 'list'] },
    ];
    if (!repair.repairPods && repair.deletePods) rules.push({ apiGroups: [''], resources: ['pods'], verbs: ['delete'] });
    else if (!repair.repairPods && repair.labelPods) rules.push({ apiGroups: [''], resources: ['pods/status'], verbs: ['patch', 'update'] });
    roles.push(['istio-cni-repair-role', rules]);
  }
  if (ambient) {
    roles.push([
      'istio-cni-ambient',
      [
        { apiGroups: [''], resources: ['pods/status'], verbs: ['patch', 'update'] },
        { apiGroups: ['apps'], resources: ['daemonsets'], resourceNames: ['istio-cni-node'], verbs: ['get'] },
      ],
    ]);
  }
  for (const [name, rules] of roles) {
    out.push(object('rbac.authorization.k8s.io/v1', 'ClusterRole', name, undefined, labels, { rules }));
    const bindingName = name === 'istio-cni-repair-role' ? 'istio-cni-repair-rolebinding' : name;
    // The chart labels the repair and ambient bindings `k8s-app: istio-cni-repair` instead of `app: istio-cni`.
    const { app: _app, ...rest } = labels;
    const bindingLabels = name === 'istio-cni' ? labels : { 'k8s-app': 'istio-cni-repair', ...rest };
    out.push(
      object('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', bindingName, undefined, bindingLabels, {
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
        subjects: [{ kind: 'ServiceAccount', name: 'istio-cni', namespace: ns }],
      }),
    );
  }
  const tag = pick(c(ctx, 'tag'), val(ctx, 'global.tag'));
  const data: Record<string, string> = {
    CURRENT_AGENT_VERSION: String(tag),
    AMBIENT_ENABLED: String(ambient),
    // Helm's toYaml writes map keys sorted: the same text as the chart, not only the same data.
    AMBIENT_ENABLEMENT_SELECTOR: emitYaml(sortedKeys(c(ctx, 'ambient.enablementSelectors') ?? [])).trimEnd(),
    AMBIENT_DNS_CAPTURE: String(c(ctx, 'ambient.dnsCapture')),
    AMBIENT_IPV6: String(c(ctx, 'ambient.ipv6')),
    AMBIENT_RECONCILE_POD_RULES_ON_STARTUP: String(c(ctx, 'ambient.reconcileIptablesOnStartup')),
    ENABLE_AMBIENT_DETECTION_RETRY: String(c(ctx, 'ambient.enableAmbientDetectionRetry')),
  };
  if (c(ctx, 'cniConfFileName')) data.CNI_CONF_NAME = String(c(ctx, 'cniConfFileName'));
  data.ISTIO_OWNED_CNI_CONFIG = String(Boolean(c(ctx, 'istioOwnedCNIConfig')));
  if (c(ctx, 'istioOwnedCNIConfig')) data.ISTIO_OWNED_CNI_CONF_FILENAME = String(c(ctx, 'istioOwnedCNIConfigFileName'));
  Object.assign(data, {
    CHAINED_CNI_PLUGIN: String(c(ctx, 'chained')),
    EXCLUDE_NAMESPACES: ((c<string[]>(ctx, 'excludeNamespaces') ?? []) as string[]).join(','),
    REPAIR_ENABLED: String(repair.enabled),
    REPAIR_LABEL_PODS: String(repair.labelPods),
    REPAIR_DELETE_PODS: String(repair.deletePods),
    REPAIR_REPAIR_PODS: String(repair.repairPods),
    REPAIR_INIT_CONTAINER_NAME: String(repair.initContainerName),
    REPAIR_BROKEN_POD_LABEL_KEY: String(repair.brokenPodLabelKey),
    REPAIR_BROKEN_POD_LABEL_VALUE: String(repair.brokenPodLabelValue),
    NATIVE_NFTABLES: String(Boolean(val(ctx, 'global.nativeNftables'))),
  });
  for (const [k, v] of Object.entries(c<JsonObject>(ctx, 'env') ?? {})) data[k] = String(v);
  out.push(object('v1', 'ConfigMap', 'istio-cni-config', ns, labels, { data }));

  const shareHost = ambient && Boolean(c(ctx, 'ambient.shareHostNetworkNamespace'));
  const level = pick(c(ctx, 'logging.level'), cniGlobalLevel(val(ctx, 'global.logging.level')));
  const env: JsonObject[] = [
    fieldEnv('REPAIR_NODE_NAME', 'spec.nodeName'),
    { name: 'REPAIR_RUN_AS_DAEMON', value: 'true' },
    { name: 'REPAIR_SIDECAR_ANNOTATION', value: 'sidecar.istio.io/status' },
  ];
  if (!shareHost) env.push({ name: 'ALLOW_SWITCH_TO_HOST_NS', value: 'true' });
  env.push(
    { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
    { name: 'GOMEMLIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1' } } },
    { name: 'GOMAXPROCS', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1' } } },
    fieldEnv('POD_NAME', 'metadata.name'),
    fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
  );
  // `cni.env` goes both into the ConfigMap (above) and onto the container, as the chart writes it twice.
  for (const [k, v] of Object.entries(c<JsonObject>(ctx, 'env') ?? {}).sort(byKey)) env.push({ name: k, value: String(v) });
  const procfs = Boolean(repair.repairPods) || ambient;
  const mounts: JsonObject[] = [{ mountPath: '/host/opt/cni/bin', name: 'cni-bin-dir' }];
  if (procfs) mounts.push({ mountPath: '/host/proc', name: 'cni-host-procfs', readOnly: true });
  mounts.push({ mountPath: '/host/etc/cni/net.d', name: 'cni-net-dir' }, { mountPath: '/var/run/istio-cni', name: 'cni-socket-dir' });
  if (ambient)
    mounts.push(
      { mountPath: '/host/var/run/netns', mountPropagation: 'HostToContainer', name: 'cni-netns-dir' },
      { mountPath: '/var/run/ztunnel', name: 'cni-ztunnel-sock-dir' },
    );
  const volumes: JsonObject[] = [hostPath('cni-bin-dir', String(c(ctx, 'cniBinDir') || '/opt/cni/bin'))];
  if (procfs) volumes.push(hostPath('cni-host-procfs', '/proc', 'Directory'));
  if (ambient) volumes.push(hostPath('cni-ztunnel-sock-dir', '/var/run/ztunnel', 'DirectoryOrCreate'));
  volumes.push(hostPath('cni-net-dir', String(c(ctx, 'cniConfDir'))), hostPath('cni-socket-dir', '/var/run/istio-cni'));
  // The netns volume is always declared (only ambient mounts it), as the chart does.
  volumes.push(hostPath('cni-netns-dir', String(c(ctx, 'cniNetnsDir')), 'DirectoryOrCreate'));
  const securityContext: JsonObject = {
    privileged: false,
    runAsGroup: 0,
    runAsUser: 0,
    runAsNonRoot: false,
    capabilities: { drop: ['ALL'], add: ['NET_ADMIN', 'NET_RAW', 'SYS_PTRACE', 'SYS_ADMIN', 'DAC_OVERRIDE'] },
  };
  if (!c(ctx, 'useAppArmorAnnotation')) securityContext.appArmorProfile = { type: 'Unconfined' };
  const selinux = c<JsonObject>(ctx, 'seLinuxOptions');
  if (selinux && Object.keys(selinux).length) securityContext.seLinuxOptions = { type: 'spc_t', ...selinux };
  const seccomp = c<JsonObject>(ctx, 'seccompProfile');
  if (seccomp && Object.keys(seccomp).length) securityContext.seccompProfile = seccomp;
  const container: JsonObject = {
    name: 'install-cni',
    image: imageRef(
      pick(c(ctx, 'hub'), val(ctx, 'global.hub')),
      String(pick(c(ctx, 'image'), 'install-cni')),
      tag,
      String(pick(c(ctx, 'variant'), val(ctx, 'global.variant'), '')),
    ),
    ...(pick(c(ctx, 'pullPolicy'), val(ctx, 'global.imagePullPolicy'))
      ? { imagePullPolicy: pick(c(ctx, 'pullPolicy'), val(ctx, 'global.imagePullPolicy')) }
      : {}),
    ports: [{ containerPort: 15014, name: 'metrics', protocol: 'TCP' }],
    readinessProbe: { httpGet: { path: '/readyz', port: 8000 } },
    securityContext,
    command: ['install-cni'],
    args: [...(level ? [`--log_output_level=${String(level)}`] : []), ...(val(ctx, 'global.logAsJson') ? ['--log_as_json'] : [])],
    envFrom: [{ configMapRef: { name: 'istio-cni-config' } }],
    env,
    volumeMounts: mounts,
    resources: resourcesOf(c(ctx, 'resources') ?? val(ctx, 'global.defaultResources')),
  };
  const podSpec: JsonObject = {
    ...(shareHost ? { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' } : {}),
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: c(ctx, 'tolerations'),
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'istio-cni',
    terminationGracePeriodSeconds: c(ctx, 'terminationGracePeriodSeconds'),
    containers: [container],
    volumes,
  };
  const affinity = c<JsonObject>(ctx, 'affinity');
  if (affinity && Object.keys(affinity).length) podSpec.affinity = affinity;
  const annotations: JsonObject = {
    'sidecar.istio.io/inject': 'false',
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': '15014',
    'prometheus.io/path': '/metrics',
  };
  if (c(ctx, 'useAppArmorAnnotation')) annotations['container.apparmor.security.beta.kubernetes.io/install-cni'] = 'unconfined';
  Object.assign(annotations, c<JsonObject>(ctx, 'podAnnotations') ?? {});
  // The pod template carries only the chart's own labels: no app/release/ownership labels (those are on the DaemonSet).
  const podLabels = {
    'app.kubernetes.io/name': 'istio-cni',
    ...chartLabels('cni'),
    'k8s-app': 'istio-cni-node',
    'sidecar.istio.io/inject': 'false',
    'istio.io/dataplane-mode': 'none',
    ...((c<JsonObject>(ctx, 'podLabels') ?? {}) as Record<string, string>),
  };
  const { app: _app, ...daemonSetLabels } = labels;
  out.push(
    object(
      'apps/v1',
      'DaemonSet',
      'istio-cni-node',
      ns,
      { ...daemonSetLabels, 'k8s-app': 'istio-cni-node', ...((c<JsonObject>(ctx, 'daemonSetLabels') ?? {}) as Record<string, string>) },
      {
        spec: {
          selector: { matchLabels: { 'k8s-app': 'istio-cni-node' } },
          updateStrategy: c(ctx, 'updateStrategy'),
          template: { metadata: { labels: Object.fromEntries(Object.entries(podLabels).sort(byKey)), annotations }, spec: podSpec },
        },
      },
    ),
  );
  // With Multus (OpenShift), the chart declares the network the pods attach to, in the default namespace.
  if (c(ctx, 'provider') === 'multus') {
    out.push(
      object('k8s.cni.cncf.io/v1', 'NetworkAttachmentDefinition', 'istio-cni', 'default', {
        'app.kubernetes.io/name': 'istio-cni',
        ...chartLabels('cni'),
        ...ownerLabels(ctx, 'Cni'),
      }),
    );
  }
  out.push(...cniNetworkPolicy(ctx, ns));
  return out;
}

/** A copy of JSON-like data with every map's keys in sorted order. */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v as JsonObject)
        .sort(byKey)
        .map(([k, x]) => [k, sortedKeys(x)]),
    );
  return v;
}

/**
 * Per-component defaults of Istio 1.30's charts, under the keys IstioOperator uses for them: `values.pilot`
 * (istiod chart root), `values.gateways.istio-ingressgateway|istio-egressgateway`, `values.cni`, `values.ztunnel`.
 */
import type { JsonObject } from '../core/tree.js';

const requests = (cpu: string, memory: string): JsonObject => ({ requests: { cpu, memory } });
const gatewayResources = (): JsonObject => ({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } });
/** Tolerations the node agents (CNI, ztunnel) carry so that they run on every node. */
const nodeAgentTolerations = (): JsonObject[] => [
  { effect: 'NoSchedule', operator: 'Exists' },
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
  { effect: 'NoExecute', operator: 'Exists' },
];

/** `values.pilot`: istiod's Deployment, autoscaling and features. */
export function defaultPilot(): JsonObject {
  return {
    enabled: true,
    autoscaleEnabled: true,
    autoscaleMin: 1,
    autoscaleMax: 5,
    autoscaleBehavior: {},
    replicaCount: 1,
    rollingMaxSurge: '100%',
    rollingMaxUnavailable: '25%',
    hub: '',
    tag: '',
    variant: '',
    image: 'pilot',
    traceSampling: 1.0,
    resources: requests('500m', '2048Mi'),
    seccompProfile: {},
    cni: { enabled: false, provider: 'default' },
    extraContainerArgs: [],
    env: {},
    envVarFrom: [],
    taint: { enabled: false, namespace: '', name: 'cni.istio.io/not-ready' },
    affinity: {},
    tolerations: [],
    cpu: { targetAverageUtilization: 80 },
    memory: {},
    volumeMounts: [],
    volumes: [],
    initContainers: [],
    nodeSelector: {},
    podAnnotations: {},
    serviceAnnotations: {},
    serviceAccountAnnotations: {},
    sidecarInjectorWebhookAnnotations: {},
    topologySpreadConstraints: [],
    jwksResolverExtraRootCA: '',
    keepaliveMaxServerConnectionAge: '30m',
    deploymentLabels: {},
    deploymentAnnotations: {},
    configMap: true,
    podLabels: {},
    ipFamilyPolicy: '',
    ipFamilies: [],
    trustedZtunnelNamespace: '',
    trustedZtunnelName: '',
  };
}

function gateway(kind: 'ingress' | 'egress'): JsonObject {
  const name = `istio-${kind}gateway`;
  const ports: JsonObject[] =
    kind === 'ingress'
      ? [
          { port: 15021, targetPort: 15021, name: 'status-port', protocol: 'TCP' },
          { port: 80, targetPort: 8080, name: 'http2', protocol: 'TCP' },
          { port: 443, targetPort: 8443, name: 'https', protocol: 'TCP' },
        ]
      : [
          { port: 80, targetPort: 8080, name: 'http2', protocol: 'TCP' },
          { port: 443, targetPort: 8443, name: 'https', protocol: 'TCP' },
        ];
  return {
    name,
    labels: { app: name, istio: `${kind}gateway` },
    ports,
    rollingMaxSurge: '100%',
    rollingMaxUnavailable: '25%',
    autoscaleEnabled: true,
    autoscaleMin: 1,
    autoscaleMax: 5,
    cpu: { targetAverageUtilization: 80 },
    memory: {},
    resources: gatewayResources(),
    ...(kind === 'ingress' ? { loadBalancerIP: '', loadBalancerSourceRanges: [], externalTrafficPolicy: '', ingressPorts: [] } : {}),
    serviceAnnotations: {},
    ipFamilyPolicy: '',
    ipFamilies: [],
    podAnnotations: {},
    type: kind === 'ingress' ? 'LoadBalancer' : 'ClusterIP',
    secretVolumes: [
      { name: `${kind}gateway-certs`, secretName: `${name}-certs`, mountPath: `/etc/istio/${kind}gateway-certs` },
      { name: `${kind}gateway-ca-certs`, secretName: `${name}-ca-certs`, mountPath: `/etc/istio/${kind}gateway-ca-certs` },
    ],
    customService: false,
    additionalContainers: [],
    configVolumes: [],
    serviceAccount: { annotations: {} },
    env: {},
    nodeSelector: {},
    tolerations: [],
    podAntiAffinityLabelSelector: [],
    podAntiAffinityTermLabelSelector: [],
    runAsRoot: false,
    injectionTemplate: '',
  };
}

/** `values.gateways`: settings shared by gateways, then one entry per built-in gateway. */
export function defaultGateways(): JsonObject {
  return {
    securityContext: {},
    seccompProfile: {},
    'istio-ingressgateway': gateway('ingress'),
    'istio-egressgateway': gateway('egress'),
  };
}

/** `values.cni`: the istio-cni node agent (DaemonSet istio-cni-node). */
export function defaultCni(): JsonObject {
  return {
    hub: '',
    tag: '',
    variant: '',
    image: 'install-cni',
    pullPolicy: '',
    logging: { level: '' },
    cniBinDir: '/opt/cni/bin',
    cniConfDir: '/etc/cni/net.d',
    cniConfFileName: '',
    cniNetnsDir: '/var/run/netns',
    istioOwnedCNIConfigFileName: '',
    istioOwnedCNIConfig: false,
    excludeNamespaces: ['kube-system'],
    affinity: {},
    daemonSetLabels: {},
    podAnnotations: {},
    podLabels: {},
    chained: true,
    provider: 'default',
    ambient: {
      enabled: false,
      enablementSelectors: [
        { podSelector: { matchLabels: { 'istio.io/dataplane-mode': 'ambient' } } },
        {
          podSelector: { matchExpressions: [{ key: 'istio.io/dataplane-mode', operator: 'NotIn', values: ['none'] }] },
          namespaceSelector: { matchLabels: { 'istio.io/dataplane-mode': 'ambient' } },
        },
      ],
      configDir: '',
      dnsCapture: true,
      ipv6: true,
      reconcileIptablesOnStartup: true,
      shareHostNetworkNamespace: false,
      enableAmbientDetectionRetry: false,
    },
    repair: {
      enabled: true,
      hub: '',
      tag: '',
      labelPods: false,
      deletePods: false,
      repairPods: true,
      initContainerName: 'istio-validation',
      brokenPodLabelKey: 'cni.istio.io/uninitialized',
      brokenPodLabelValue: 'true',
    },
    seccompProfile: {},
    seLinuxOptions: {},
    useAppArmorAnnotation: true,
    resources: requests('100m', '100Mi'),
    resourceQuotas: { enabled: false, pods: 5000 },
    tolerations: nodeAgentTolerations(),
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
    terminationGracePeriodSeconds: 30,
    env: {},
  };
}

/** `values.ztunnel`: the ambient node proxy (DaemonSet ztunnel). */
export function defaultZtunnel(): JsonObject {
  return {
    hub: '',
    tag: '',
    variant: '',
    image: 'ztunnel',
    network: '',
    resourceName: 'ztunnel',
    labels: {},
    annotations: {},
    volumeMounts: [],
    volumes: [],
    tolerations: nodeAgentTolerations(),
    podAnnotations: { 'prometheus.io/port': '15020', 'prometheus.io/scrape': 'true' },
    podLabels: {},
    resources: requests('200m', '512Mi'),
    resourceQuotas: { enabled: false, pods: 5000 },
    peerCaCrl: { enabled: false },
    imagePullSecrets: [],
    env: {},
    imagePullPolicy: '',
    multiCluster: { clusterName: '' },
    terminationGracePeriodSeconds: 30,
    caAddress: '',
    xdsAddress: '',
    logLevel: 'info',
    logAsJson: false,
    seLinuxOptions: {},
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    dnsPolicy: '',
    dnsConfig: {},
  };
}

// The deploy area: istiod's Gateway API deployment controller, given the ConfigMaps `mesh manifest generate` renders,
// must deploy with mesh's `kube-gateway`, `waypoint` and `agentgateway` templates what it deploys with Istio's own.
// For each render below this writes the `istio` and `istio-sidecar-injector` ConfigMap data to a directory; the Go
// test (test/istio/deploy) renders every case of test/istio/deploy/cases (a Gateway plus its namespace and parameter
// ConfigMaps) through both templates with the same input and compares the objects.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConfigMaps } from './common.mjs';

/**
 * The control planes the cases are deployed by: the default and ambient profiles as they come, and both again with
 * values that every branch of the templates reads set away from their defaults (revision, images, resources,
 * scheduling, certificates, network, logging, proxy metadata), plus the agentgateway class turned on; and OpenShift.
 */
const RENDERS = {
  default: [],
  ambient: ['profile=ambient'],
  'ambient-custom': [
    'profile=ambient',
    'revision=canary',
    'hub=registry.example.com/istio',
    'tag=1.30.3-custom',
    'values.pilot.env.PILOT_ENABLE_AGENTGATEWAY=true',
    'values.pilot.env.AMBIENT_ENABLE_MULTI_NETWORK=true',
    'values.pilot.env.ENABLE_CLUSTER_TRUST_BUNDLE_API=true',
    'values.global.trustBundleName=corp-root',
    'values.global.imagePullPolicy=Always',
    'values.global.imagePullSecrets=[regcred,mirror]',
    'values.global.network=network-a',
    'values.global.meshID=mesh-a',
    'values.global.multiCluster.clusterName=cluster-a',
    'values.global.logAsJson=true',
    'values.global.logging.level=default:debug',
    'values.global.proxy.logLevel=info',
    'values.global.proxy.componentLogLevel=misc:warning',
    'values.global.proxy.outlierLogPath=/dev/stdout',
    'values.global.waypoint.resources.requests.cpu=250m',
    'values.global.waypoint.resources.limits.memory=2Gi',
    'values.global.waypoint.nodeSelector={"pool":"mesh"}',
    'values.global.waypoint.tolerations=[{"key":"mesh","operator":"Exists","effect":"NoSchedule"}]',
    'values.global.waypoint.affinity={"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"podAffinityTerm":{"topologyKey":"kubernetes.io/hostname"}}]}}',
    'values.global.waypoint.topologySpreadConstraints=[{"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"ScheduleAnyway"}]',
    'values.gateways.seccompProfile={"type":"RuntimeDefault"}',
    'meshConfig.trustDomain=corp.example',
    'meshConfig.defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE=true',
  ],
  'default-custom': [
    'values.pilot.env.PILOT_ENABLE_AGENTGATEWAY=true',
    'values.global.variant=distroless',
    'values.global.caAddress=ca.corp.example:9443',
    'values.global.pilotCertProvider=kubernetes',
    'values.global.caName=GkeWorkloadCertificate',
    'values.global.sts.servicePort=15463',
    'values.global.proxy.image=corp.example/proxy:v9',
    'values.global.proxy.clusterDomain=corp.local',
    'values.global.proxy.resources.requests.cpu=300m',
    'values.global.proxy.resources.limits.cpu=3',
    'values.global.proxy.lifecycle={"preStop":{"exec":{"command":["sleep","5"]}}}',
    'values.gateways.securityContext={"runAsNonRoot":true,"fsGroup":1337}',
    'values.global.sds.token.aud=corp-ca',
    'meshConfig.defaultConfig.interceptionMode=TPROXY',
  ],
  openshift: ['profile=openshift'],
  // Waypoints on OpenShift: the platform leaves the proxy's UID and GID to the namespace's range.
  'ambient-openshift': ['profile=ambient', 'values.global.platform=openshift'],
};

/** The deploy area, as scripts/istio.mjs runs it. */
export const deploy = {
  name: 'deploy',
  title: "mesh's vs Istio's kube-gateway/waypoint/agentgateway templates under istiod's deployment controller",
  pkg: './deploy',
  prepare({ work }) {
    for (const [name, sets] of Object.entries(RENDERS)) {
      const revision = sets.find((s) => s.startsWith('revision='))?.slice('revision='.length) ?? '';
      const cm = renderConfigMaps(sets, revision);
      const dir = join(work, name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'meshconfig.yaml'), cm.mesh);
      writeFileSync(join(dir, 'injector-config.yaml'), cm.config);
      writeFileSync(join(dir, 'values.json'), cm.values);
      writeFileSync(join(dir, 'render.json'), JSON.stringify({ revision, sets }));
    }
    return { env: { MESH_ISTIO_DEPLOY_DIR: work }, summary: `${Object.keys(RENDERS).length} control-plane renders` };
  },
};

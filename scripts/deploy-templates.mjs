#!/usr/bin/env node
// npm run test:deploy-templates: proves that istiod's Gateway API deployment controller, given the ConfigMaps
// `mesh manifest generate` renders, deploys with mesh's `kube-gateway`, `waypoint` and `agentgateway` templates what
// it deploys with Istio's own. For each render below it writes the `istio` and `istio-sidecar-injector` ConfigMap
// data to a directory, then runs the Go test in test/deploy-templates, which renders every case (a Gateway plus its
// namespace and parameter ConfigMaps) through both templates with the same input and compares the objects.
// Needs Go (>= 1.25) on PATH and dist/ (the npm script builds it first).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const goDir = join(root, 'test/deploy-templates');
const mesh = join(root, 'bin/mesh.js');

function fail(message) {
  console.error(`test:deploy-templates: ${message}`);
  process.exit(1);
}

/**
 * The control planes the cases are deployed by: the default and ambient profiles as they come, and both again with
 * values that every branch of the templates reads set away from their defaults (revision, images, resources,
 * scheduling, certificates, network, logging, proxy metadata), plus the agentgateway class turned on; and OpenShift.
 */
const RENDERS = {
  default: [],
  ambient: ['profile=ambient'],
  'ambient-custom': [
    'profile=ambient', 'revision=canary', 'hub=registry.example.com/istio', 'tag=1.30.3-custom',
    'values.pilot.env.PILOT_ENABLE_AGENTGATEWAY=true', 'values.pilot.env.AMBIENT_ENABLE_MULTI_NETWORK=true',
    'values.pilot.env.ENABLE_CLUSTER_TRUST_BUNDLE_API=true', 'values.global.trustBundleName=corp-root',
    'values.global.imagePullPolicy=Always', 'values.global.imagePullSecrets=[regcred,mirror]',
    'values.global.network=network-a', 'values.global.meshID=mesh-a', 'values.global.multiCluster.clusterName=cluster-a',
    'values.global.logAsJson=true', 'values.global.logging.level=default:debug', 'values.global.proxy.logLevel=info',
    'values.global.proxy.componentLogLevel=misc:warning', 'values.global.proxy.outlierLogPath=/dev/stdout',
    'values.global.waypoint.resources.requests.cpu=250m', 'values.global.waypoint.resources.limits.memory=2Gi',
    'values.global.waypoint.nodeSelector={"pool":"mesh"}',
    'values.global.waypoint.tolerations=[{"key":"mesh","operator":"Exists","effect":"NoSchedule"}]',
    'values.global.waypoint.affinity={"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"podAffinityTerm":{"topologyKey":"kubernetes.io/hostname"}}]}}',
    'values.global.waypoint.topologySpreadConstraints=[{"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"ScheduleAnyway"}]',
    'values.gateways.seccompProfile={"type":"RuntimeDefault"}',
    'meshConfig.trustDomain=corp.example', 'meshConfig.defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE=true',
  ],
  'default-custom': [
    'values.pilot.env.PILOT_ENABLE_AGENTGATEWAY=true', 'values.global.variant=distroless',
    'values.global.caAddress=ca.corp.example:9443', 'values.global.pilotCertProvider=kubernetes',
    'values.global.caName=GkeWorkloadCertificate', 'values.global.sts.servicePort=15463',
    'values.global.proxy.image=corp.example/proxy:v9', 'values.global.proxy.clusterDomain=corp.local',
    'values.global.proxy.resources.requests.cpu=300m', 'values.global.proxy.resources.limits.cpu=3',
    'values.global.proxy.lifecycle={"preStop":{"exec":{"command":["sleep","5"]}}}',
    'values.gateways.securityContext={"runAsNonRoot":true,"fsGroup":1337}',
    'values.global.sds.token.aud=corp-ca', 'meshConfig.defaultConfig.interceptionMode=TPROXY',
  ],
  openshift: ['profile=openshift'],
  // Waypoints on OpenShift: the platform leaves the proxy's UID and GID to the namespace's range.
  'ambient-openshift': ['profile=ambient', 'values.global.platform=openshift'],
};

const go = spawnSync('go', ['version'], { encoding: 'utf8' });
if (go.error || go.status !== 0) {
  fail('Go is not installed (or not on PATH): this suite runs Istio\'s template functions, which needs Go >= 1.25. Install Go and run again.');
}
if (!existsSync(join(root, 'dist/cli.js'))) fail('dist/ is missing: run `npm run build` first');

const work = mkdtempSync(join(tmpdir(), 'mesh-deploy-templates-'));
for (const [name, sets] of Object.entries(RENDERS)) {
  const out = execFileSync(process.execPath, [mesh, 'manifest', 'generate', ...sets.flatMap((s) => ['--set', s])], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const revision = sets.find((s) => s.startsWith('revision='))?.slice('revision='.length) ?? '';
  const suffix = revision ? `-${revision}` : '';
  const objects = jsyaml.loadAll(out).filter(Boolean);
  const find = (cm) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.name === cm)?.data ?? fail(`render ${name} has no ConfigMap ${cm}`);
  const injector = find(`istio-sidecar-injector${suffix}`);
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'meshconfig.yaml'), find(`istio${suffix}`).mesh);
  writeFileSync(join(dir, 'injector-config.yaml'), injector.config);
  writeFileSync(join(dir, 'values.json'), injector.values);
  writeFileSync(join(dir, 'render.json'), JSON.stringify({ revision, sets }));
}

const mod = spawnSync('go', ['list', '-m', '-f', '{{.Dir}}', 'istio.io/istio'], { cwd: goDir, encoding: 'utf8' });
if (mod.status !== 0) fail(`cannot locate the Istio module: ${mod.stderr.trim()}`);
const env = {
  ...process.env,
  MESH_DEPLOY_DIR: work,
  ISTIO_TEMPLATE_DIR: join(mod.stdout.trim(), 'manifests/charts/istio-control/istio-discovery/files'),
};
console.error(`test:deploy-templates: ${Object.keys(RENDERS).length} control-plane renders in ${work}; running go test...`);
const started = Date.now();
const child = spawn('go', ['test', '-count=1', '-v', '-run', 'TestDeployTemplates', '.'], { cwd: goDir, env, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
const code = await new Promise((resolve) => child.on('close', resolve));
const results = [...output.matchAll(/^\s*--- (PASS|FAIL|SKIP): TestDeployTemplates\/(\S+)/gm)].map((m) => ({ status: m[1], name: m[2] }));
const count = (s) => results.filter((r) => r.status === s).length;
console.log(`\ndeploy templates (mesh's vs Istio's kube-gateway/waypoint/agentgateway, same input), go test took ${((Date.now() - started) / 1000).toFixed(1)}s:`);
for (const r of results.filter((x) => x.status === 'FAIL')) console.log(`  FAIL ${r.name}`);
console.log(`${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped (class not served by that control plane)`);
if (code === 0 && results.length === 0) fail('go test ran no case');
if (code === 0) rmSync(work, { recursive: true, force: true });
else console.error(`test:deploy-templates: renders kept in ${work} for inspection`);
process.exit(code === 0 ? 0 : 1);

// The manifest area: `mesh manifest generate` and, in the Go test (test/istio/manifest), Istio's own renderer
// (operator/pkg/render, what `istioctl manifest generate` calls) render the same IstioOperator files and --set
// flags; both must give the same objects with the same content. Inputs: every file of Istio's manifest-generate test
// inputs (operator/cmd/mesh/testdata/manifest-generate/input, read from the module), every profile of the module's
// manifests/profiles, and generated combinations of a profile with a few --set settings (a fixed seed; more with
// MESH_ISTIO_RUNS=<n>).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, mesh, pool, root } from './common.mjs';

// mesh's default image hub and tag and the Istio version it labels objects with: the Go side compiles them into
// Istio's renderer (as a release istioctl has them) so the images and version labels are comparable.
const versions = readFileSync(join(root, 'src/version.ts'), 'utf8');
const constant = (name) => new RegExp(`${name} = '([^']+)'`).exec(versions)?.[1] ?? fail(`src/version.ts has no ${name}`);
const ISTIO_HUB = constant('ISTIO_HUB');
const ISTIO_VERSION = constant('ISTIO_VERSION');

// The flags Istio's manifest-generate test passes with an input (operator/cmd/mesh/manifest-generate_test.go).
const INPUT_FLAGS = { flag_force: { force: true } };

/**
 * Settings the generated cases draw from: each is a list of alternatives for one path (component toggles, values of
 * the charts, mesh config, k8s settings), so a draw never sets one path twice.
 */
const SETTINGS = [
  ['profile=default', 'profile=demo', 'profile=minimal', 'profile=ambient', 'profile=remote', 'profile=preview', 'profile=stable', 'profile=empty'],
  ['components.cni.enabled=true', 'components.cni.enabled=false'],
  ['components.ingressGateways[0].enabled=true', 'components.ingressGateways[0].enabled=false'],
  ['components.egressGateways[0].enabled=true'],
  ['components.ztunnel.enabled=true'],
  ['revision=canary', 'revision=1-30'],
  ['values.pilot.autoscaleEnabled=false', 'values.pilot.autoscaleMax=7'],
  ['values.pilot.replicaCount=2', 'components.pilot.k8s.replicaCount=3'],
  ['values.pilot.traceSampling=5', 'values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=true'],
  ['meshConfig.accessLogFile=/dev/stdout', 'meshConfig.enableTracing=true', 'meshConfig.defaultConfig.holdApplicationUntilProxyStarts=true'],
  ['values.global.logging.level=default:debug', 'values.global.proxy.logLevel=debug'],
  ['values.global.proxy.resources.requests.cpu=50m', 'components.pilot.k8s.resources.requests.memory=1Gi'],
  ['values.global.meshID=mesh1', 'values.global.network=net1', 'values.global.multiCluster.clusterName=c1'],
  ['values.sidecarInjectorWebhook.rewriteAppHTTPProbe=false', 'values.global.imagePullPolicy=Always'],
  ['hub=example.com/istio', 'tag=1.30.2', 'values.global.variant=distroless'],
  ['values.pilot.cni.enabled=true', 'values.global.istioNamespace=istio-control'],
  ['components.pilot.k8s.nodeSelector.disk=ssd', 'components.pilot.k8s.env[0].name=EXTRA', 'values.pilot.podAnnotations.team=a'],
];

/** A small deterministic generator (mulberry32), so CI always runs the same draws. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `runs` combinations of two to four settings, each from another group; the profile group is drawn most often. */
function generated(runs) {
  const next = random(1030);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const groups = SETTINGS.map((_, g) => g).sort(() => next() - 0.5);
    const count = 2 + Math.floor(next() * 3);
    const chosen = (next() < 0.7 ? [0, ...groups.filter((g) => g !== 0)] : groups).slice(0, count).sort((a, b) => a - b);
    out.push(chosen.map((g) => SETTINGS[g][Math.floor(next() * SETTINGS[g].length)]));
  }
  return out;
}

/** Runs `mesh manifest generate` for one case; resolves to { out, error }. */
function render(files, sets, force) {
  const args = [mesh, 'manifest', 'generate', ...files.flatMap((f) => ['-f', f]), ...sets.flatMap((s) => ['--set', s]), ...(force ? ['--force'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  child.stdout.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  return new Promise((resolve) => {
    child.on('close', (code) =>
      resolve({ out: Buffer.concat(out).toString('utf8'), error: code === 0 ? '' : Buffer.concat(err).toString('utf8').trim() || `exit ${code}` }),
    );
  });
}

/** The manifest area, as scripts/istio.mjs runs it. */
export const manifest = {
  name: 'manifest',
  title: "Istio's renderer (operator/pkg/render) vs mesh manifest generate, object by object",
  pkg: './manifest',
  async prepare({ work, istioDir }) {
    const inputDir = join(istioDir, 'operator/cmd/mesh/testdata/manifest-generate/input');
    const cases = [];
    let inputs;
    try {
      inputs = readdirSync(inputDir).filter((f) => f.endsWith('.yaml'));
    } catch {
      fail(`Istio's manifest-generate inputs are missing: ${inputDir}`);
    }
    for (const f of inputs.sort()) {
      const name = f.replace(/\.yaml$/, '');
      cases.push({ name: `istio/${name}`, files: [join(inputDir, f)], sets: [], force: INPUT_FLAGS[name]?.force ?? false });
    }
    for (const p of readdirSync(join(istioDir, 'manifests/profiles')).sort()) {
      if (p.endsWith('.yaml'))
        cases.push({ name: `profile/${p.replace(/\.yaml$/, '')}`, files: [], sets: [`profile=${p.replace(/\.yaml$/, '')}`], force: false });
    }
    const runs = Number(process.env.MESH_ISTIO_RUNS ?? 40);
    // One `/` per case name, so the allowlist's `*/*` matches every case (path.Match's `*` stops at a slash).
    const label = (sets) => sets.join(',').replaceAll('/', '%2F');
    generated(runs).forEach((sets, i) => cases.push({ name: `set/${String(i).padStart(3, '0')}:${label(sets)}`, files: [], sets, force: false }));
    let index = 0;
    for (const c of cases) c.dir = join(work, String(index++).padStart(4, '0'));
    await pool(cases, 3, async (c) => {
      const { out, error } = await render(c.files, c.sets, c.force);
      mkdirSync(c.dir);
      writeFileSync(join(c.dir, 'mesh.yaml'), out);
      const record = { name: c.name, files: c.files, sets: c.sets, force: c.force, error, hub: ISTIO_HUB, tag: ISTIO_VERSION, version: ISTIO_VERSION };
      writeFileSync(join(c.dir, 'case.json'), JSON.stringify(record));
    });
    return { env: { MESH_ISTIO_MANIFEST_DIR: work }, summary: `${cases.length} renders (${inputs.length} Istio inputs, ${runs} generated)` };
  },
};

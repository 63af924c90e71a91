#!/usr/bin/env node
// npm run test:equivalence: proves that istiod, given the ConfigMaps `mesh manifest generate` renders, injects what
// `mesh kube-inject` injects. For every kube-inject golden input (test/golden/inject/<case>.in.yaml + .args) and every
// extra case of test/inject-equivalence/cases/ (values and annotations the goldens leave out), and again for mesh's
// injected output (re-injection), it:
//   1. renders the control plane with the case's settings (node bin/mesh.js manifest generate --set ...),
//   2. takes the `istio` and `istio-sidecar-injector` ConfigMaps from the render,
//   3. runs mesh kube-inject with --valuesFile/--meshConfigFile/--injectConfigFile taken from them,
// then runs the Go test in test/inject-equivalence, which injects the same inputs with Istio's own injector package
// and compares. Needs Go (>= 1.25) on PATH; fails loudly without it. Run `npm run build` first (the npm script does).
// `--vs-istio-template` also logs, for information, how each case differs from Istio's own built-in template.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const goldenDir = join(root, 'test/golden/inject');
const goDir = join(root, 'test/inject-equivalence');
const mesh = join(root, 'bin/mesh.js');

function fail(message) {
  console.error(`test:equivalence: ${message}`);
  process.exit(1);
}

const go = spawnSync('go', ['version'], { encoding: 'utf8' });
if (go.error || go.status !== 0) {
  fail('Go is not installed (or not on PATH): this suite runs Istio\'s own injector, which needs Go >= 1.25. Install Go and run again.');
}
if (!existsSync(join(root, 'dist/cli.js'))) fail('dist/ is missing: run `npm run build` first');

/** Splits a case's .args into manifest settings, kube-inject flags, and what the Go side needs to know. */
function caseSettings(args) {
  const sets = [];
  const injectFlags = [];
  let revision = '';
  let nativeSidecars = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => {
      if (i + 1 >= args.length) fail(`${a} needs a value`);
      return args[++i];
    };
    if (a === '--set') {
      const s = next();
      if (!s.startsWith('values.') && !s.startsWith('meshConfig.')) fail(`--set ${s}: only values.* and meshConfig.* settings are carried by the ConfigMaps`);
      sets.push(s);
    } else if (a === '--revision' || a === '-r') {
      revision = next();
      sets.push(`revision=${revision}`);
      injectFlags.push('--revision', revision);
    } else if (a === '--hub') sets.push(`hub=${next()}`);
    else if (a === '--tag') sets.push(`tag=${next()}`);
    else if (a === '--no-native-sidecar') {
      nativeSidecars = false;
      injectFlags.push(a);
    } else fail(`unsupported kube-inject flag in a case's .args: ${a}`);
  }
  return { sets, injectFlags, revision, nativeSidecars };
}

const renders = new Map();
/** The ConfigMap data istiod would read, rendered by `mesh manifest generate` with these settings (cached). */
function renderConfigMaps(sets, revision) {
  const key = sets.join(' ');
  if (renders.has(key)) return renders.get(key);
  const out = execFileSync(process.execPath, [mesh, 'manifest', 'generate', ...sets.flatMap((s) => ['--set', s])], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const suffix = revision ? `-${revision}` : '';
  const objects = jsyaml.loadAll(out).filter(Boolean);
  const find = (name) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.name === name)?.data ?? fail(`the render has no ConfigMap ${name}`);
  const injector = find(`istio-sidecar-injector${suffix}`);
  const result = { mesh: find(`istio${suffix}`).mesh, config: injector.config, values: injector.values };
  renders.set(key, result);
  return result;
}

const work = mkdtempSync(join(tmpdir(), 'mesh-equivalence-'));
// golden inputs are `<case>.in.yaml` (test/helpers/golden.ts); the extra cases here are plain `<case>.yaml`
const caseDirs = [{ dir: goldenDir, suffix: '.in.yaml' }, { dir: join(goDir, 'cases'), suffix: '.yaml' }];
const inputs = caseDirs.flatMap(({ dir, suffix }) =>
  readdirSync(dir).filter((f) => f.endsWith(suffix)).sort().map((f) => ({ dir, suffix, name: f.slice(0, -suffix.length) })));
if (!inputs.length) fail(`no cases in ${caseDirs.map((c) => c.dir).join(' or ')}`);
let prepared = 0;

/** Writes one case for the Go side: the input, the ConfigMap data, and mesh kube-inject's result with that data. */
function prepareCase(caseName, input, cm, settings) {
  const dir = join(work, caseName);
  if (existsSync(dir)) fail(`two cases are named ${caseName}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'input.yaml'), input);
  writeFileSync(join(dir, 'meshconfig.yaml'), cm.mesh);
  writeFileSync(join(dir, 'injector-config.yaml'), cm.config);
  writeFileSync(join(dir, 'values.json'), cm.values);
  const r = spawnSync(process.execPath, [
    mesh, 'kube-inject', '-f', join(dir, 'input.yaml'), '--ignore-cluster',
    '--meshConfigFile', join(dir, 'meshconfig.yaml'), '--valuesFile', join(dir, 'values.json'),
    '--injectConfigFile', join(dir, 'injector-config.yaml'), ...settings.injectFlags,
  ], { encoding: 'utf8', maxBuffer: 64 << 20 });
  writeFileSync(join(dir, 'mesh.yaml'), r.stdout);
  writeFileSync(join(dir, 'case.json'), JSON.stringify({
    revision: settings.revision, nativeSidecars: settings.nativeSidecars, meshExitCode: r.status ?? 1, meshStderr: r.stderr,
  }));
  prepared++;
  return r;
}

for (const { dir, suffix, name } of inputs) {
  const argsFile = join(dir, `${name}.args`);
  const args = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split(/\s+/).filter(Boolean) : [];
  const settings = caseSettings(args);
  const cm = renderConfigMaps(settings.sets, settings.revision);
  const first = prepareCase(name, readFileSync(join(dir, `${name}${suffix}`)), cm, settings);
  // Re-injection: mesh's injected output goes in again (Istio strips and re-adds its containers; mesh must agree).
  if (first.status === 0) prepareCase(`${name}.reinject`, first.stdout, cm, settings);
}
console.error(`test:equivalence: ${prepared} cases prepared in ${work} (${renders.size} renders); running Istio's injector (go test)...`);

const env = { ...process.env, MESH_EQUIV_DIR: work };
if (process.argv.includes('--vs-istio-template')) {
  const mod = spawnSync('go', ['list', '-m', '-f', '{{.Dir}}', 'istio.io/istio'], { cwd: goDir, encoding: 'utf8' });
  if (mod.status !== 0) fail(`cannot locate the Istio module: ${mod.stderr.trim()}`);
  env.ISTIO_BUILTIN_TEMPLATE = join(mod.stdout.trim(), 'manifests/charts/istio-control/istio-discovery/files/injection-template.yaml');
}
const started = Date.now();
const child = spawn('go', ['test', '-count=1', '-v', '-run', 'TestInjectEquivalence', '.'], {
  cwd: goDir,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
const code = await new Promise((resolve) => child.on('close', resolve));
const results = [...output.matchAll(/^\s*--- (PASS|FAIL): TestInjectEquivalence\/(\S+)/gm)].map((m) => ({ status: m[1], name: m[2] }));
const failed = results.filter((r) => r.status === 'FAIL');
console.log(`\ninjection equivalence (Istio's injector with mesh's ConfigMaps vs mesh kube-inject), go test took ${((Date.now() - started) / 1000).toFixed(1)}s:`);
for (const r of results) console.log(`  ${r.status === 'PASS' ? 'ok  ' : 'FAIL'} ${r.name}`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
if (code === 0 && results.length === 0) fail('go test ran no case');
if (code === 0) rmSync(work, { recursive: true, force: true });
else console.error(`test:equivalence: cases kept in ${work} for inspection`);
process.exit(code === 0 ? 0 : 1);

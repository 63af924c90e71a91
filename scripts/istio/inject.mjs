// The inject area: for every input it renders the control plane with the case's settings (mesh manifest generate),
// takes the `istio` and `istio-sidecar-injector` ConfigMaps from the render, and runs mesh kube-inject with
// --valuesFile/--meshConfigFile/--injectConfigFile taken from them; the Go test (test/istio/inject) then injects the
// same input with Istio's own injector package and the same ConfigMaps, and compares. Every case that mesh injects
// goes in again as `<case>.reinject` (Istio strips and re-adds its containers; mesh must agree).
// Inputs: mesh's kube-inject goldens (test/golden/inject/<case>.in.yaml + .args), the extra cases of
// test/istio/inject/cases (values and annotations the goldens leave out), and Istio's own injector test inputs
// (pkg/kube/inject/testdata/inject/*.yaml in the Istio module, read in place): each as `istio.<name>` with the
// default control plane, and as `istio-table.<golden>` with the settings of each case of Istio's TestInjection table
// that are data (setFlags, an IstioOperator file; read by test/istio/cmd/inject-table from Istio's source). Cases
// needing Go code (mesh-config functions, platform setup) run only with defaults. A case checks mesh against
// Istio's injector on that input with the same ConfigMaps, not against Istio's golden.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fail, goDir, mesh, pool, renderConfigMaps, renderCount, root } from './common.mjs';

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

/**
 * The cases of Istio's TestInjection table whose settings are data, as inputs with their control-plane settings.
 * Istio's own helper renders them on the `empty` profile plus istiod; mesh's default profile gives the same
 * injector ConfigMaps, and both sides get the very same ones anyway.
 */
function tableInputs(istioInputs) {
  const r = spawnSync('go', ['run', './cmd/inject-table', join(istioInputs, '../../inject_test.go')], { cwd: goDir, encoding: 'utf8' });
  if (r.status !== 0) fail(`reading Istio's TestInjection table: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout)
    .filter((c) => (c.setFlags || c.inFilePath) && (c.goOnly ?? []).every((f) => f === 'skipWebhook'))
    .map((c) => ({
      dir: istioInputs,
      file: c.in,
      name: `istio-table.${c.want.replace(/\.injected$/, '')}`,
      settings: {
        sets: c.setFlags ?? [],
        files: c.inFilePath ? [join(istioInputs, c.inFilePath)] : [],
        injectFlags: [],
        revision: '',
        nativeSidecars: true,
      },
    }));
}

/**
 * Lists a directory's inputs: `<name><suffix>` files that are neither injected outputs nor IstioOperator settings.
 * mesh's goldens are `<case>.in.yaml` (test/helpers/golden.ts); the extra cases and Istio's inputs are `<name>.yaml`.
 */
function listInputs(dir, prefix, suffix = '.yaml') {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && !f.endsWith('.injected.yaml') && !f.endsWith('.iop.yaml') && !f.endsWith('.out.yaml'))
    .sort()
    .map((f) => ({ dir, file: f, name: prefix + f.slice(0, -suffix.length) }));
}

/** Runs mesh with these arguments; resolves to { status, stdout, stderr }. */
function runMesh(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mesh, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c) => {
      stderr += c;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Writes one case for the Go side: the input, the ConfigMap data, and mesh kube-inject's result with that data. */
async function prepareCase(work, caseName, input, cm, settings) {
  const dir = join(work, caseName);
  if (existsSync(dir)) fail(`two inject cases are named ${caseName}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'input.yaml'), input);
  writeFileSync(join(dir, 'meshconfig.yaml'), cm.mesh);
  writeFileSync(join(dir, 'injector-config.yaml'), cm.config);
  writeFileSync(join(dir, 'values.json'), cm.values);
  const r = await runMesh([
    'kube-inject',
    '-f',
    join(dir, 'input.yaml'),
    '--ignore-cluster',
    '--meshConfigFile',
    join(dir, 'meshconfig.yaml'),
    '--valuesFile',
    join(dir, 'values.json'),
    '--injectConfigFile',
    join(dir, 'injector-config.yaml'),
    ...settings.injectFlags,
  ]);
  writeFileSync(join(dir, 'mesh.yaml'), r.stdout);
  writeFileSync(
    join(dir, 'case.json'),
    JSON.stringify({
      revision: settings.revision,
      nativeSidecars: settings.nativeSidecars,
      meshExitCode: r.status ?? 1,
      meshStderr: r.stderr,
    }),
  );
  return r;
}

/** Writes a case mesh could not render the control plane for; the Go side reports it as a difference. */
function recordRenderError(work, caseName, message) {
  const dir = join(work, caseName);
  mkdirSync(dir);
  writeFileSync(join(dir, 'case.json'), JSON.stringify({ renderError: message }));
}

/** The inject area, as scripts/istio.mjs runs it. */
export const inject = {
  name: 'inject',
  title: "Istio's injector with mesh's ConfigMaps vs mesh kube-inject",
  pkg: './inject',
  async prepare({ work, istioDir, options }) {
    const istioInputs = join(istioDir, 'pkg/kube/inject/testdata/inject');
    if (!existsSync(istioInputs)) fail(`Istio's injector test inputs are missing: ${istioInputs}`);
    const inputs = [
      ...listInputs(join(root, 'test/golden/inject'), '', '.in.yaml'),
      ...listInputs(join(goDir, 'inject/cases'), ''),
      ...listInputs(istioInputs, 'istio.'),
    ];
    // Renders first (cached, one per distinct setting), then mesh kube-inject on every input, a few at a time.
    const jobs = [
      ...inputs.map((input) => {
        const argsFile = join(input.dir, `${input.name}.args`);
        const args = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split(/\s+/).filter(Boolean) : [];
        return { ...input, settings: { ...caseSettings(args), files: [] } };
      }),
      ...tableInputs(istioInputs),
    ].map((job) => {
      try {
        return { ...job, cm: renderConfigMaps(job.settings.sets, job.settings.revision, job.settings.files) };
      } catch (err) {
        // mesh refuses the case's control-plane settings: a difference of its own (Istio renders them).
        return { ...job, renderError: String(err.stderr || err.message).trim() };
      }
    });
    let prepared = 0;
    await pool(jobs, availableParallelism() + 1, async ({ dir, file, name, settings, cm, renderError }) => {
      if (renderError) {
        recordRenderError(work, name, renderError);
        prepared++;
        return;
      }
      const first = await prepareCase(work, name, readFileSync(join(dir, file)), cm, settings);
      prepared++;
      if (first.status === 0) {
        await prepareCase(work, `${name}.reinject`, first.stdout, cm, settings);
        prepared++;
      }
    });
    const env = { MESH_ISTIO_INJECT_DIR: work };
    // For information only: how each case differs from what Istio's own built-in templates inject.
    if (options.vsIstioTemplate) {
      env.ISTIO_BUILTIN_TEMPLATE = join(istioDir, 'manifests/charts/istio-control/istio-discovery/files/injection-template.yaml');
    }
    return { env, summary: `${prepared} cases (${renderCount()} renders)` };
  },
};

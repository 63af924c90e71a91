#!/usr/bin/env node
// npm run test:istio: Istio's own code as the oracle for mesh (see docs/istio-suite.md). Every area runs Istio's Go
// packages (one module, test/istio) on the same input as mesh and compares: for each area this prepares the inputs
// (scripts/istio/<area>.mjs runs mesh on them), builds the area's Go test binary, runs it, and prints how many cases
// are identical, allowlisted (a documented difference, test/istio/<area>/allowlist.yaml) or different. It fails on
// any unlisted difference, on an allowlist entry that allows nothing, and on a case that cannot run.
// Usage: node scripts/istio.mjs [--area <name>,... (see AREAS)] [--verbose] [--vs-istio-template]
// Needs Go (>= 1.25) on PATH and dist/ (the npm scripts build it first).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fail, goDir, root } from './istio/common.mjs';
import { deploy } from './istio/deploy.mjs';
import { inject } from './istio/inject.mjs';
import { analyzeArea } from './istio/analyze.mjs';
import { manifest } from './istio/manifest.mjs';
import { proxyconfig } from './istio/proxyconfig.mjs';
import { remotesecret } from './istio/remotesecret.mjs';
import { translate } from './istio/translate.mjs';
import { validate } from './istio/validate.mjs';
import { waypoint } from './istio/waypoint.mjs';
import { ztunnel } from './istio/ztunnel.mjs';

/** Every area, in the order they run. */
const AREAS = [inject, deploy, validate, manifest, analyzeArea, proxyconfig, remotesecret, waypoint, translate, ztunnel];

const { values: opts } = parseArgs({
  options: {
    area: { type: 'string', multiple: true },
    verbose: { type: 'boolean', default: false },
    'vs-istio-template': { type: 'boolean', default: false },
  },
});
const selected = opts.area ? opts.area.flatMap((a) => a.split(',')) : AREAS.map((a) => a.name);
for (const name of selected) {
  if (!AREAS.some((a) => a.name === name)) fail(`unknown area ${name}: choose from ${AREAS.map((a) => a.name).join(', ')}`);
}
const areas = AREAS.filter((a) => selected.includes(a.name));

const go = spawnSync('go', ['version'], { encoding: 'utf8' });
if (go.error || go.status !== 0) {
  fail("Go is not installed (or not on PATH): this suite runs Istio's own Go packages, which needs Go >= 1.25. Install Go and run again.");
}
if (!existsSync(join(root, 'dist/cli.js'))) fail('dist/ is missing: run `npm run build` first');
const mod = spawnSync('go', ['list', '-m', '-f', '{{.Dir}}', 'istio.io/istio'], { cwd: goDir, encoding: 'utf8' });
if (mod.status !== 0) fail(`cannot locate the Istio module: ${mod.stderr.trim()}`);
const istioDir = mod.stdout.trim();

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/** Runs a command with its stdout and stderr passed through; resolves to its exit code. */
function run(cmd, args, options) {
  const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const work = mkdtempSync(join(tmpdir(), 'mesh-istio-'));
const reportDir = join(work, 'report');
mkdirSync(reportDir);

/**
 * Builds in the background, one after the other, while the inputs are prepared: first the shared packages' own tests
 * run (internal/objects, internal/verdict), then each area's test binary is built. Resolves per step to
 * { code, time }.
 */
function startBuilds() {
  const steps = new Map();
  let chain = Promise.resolve();
  const step = (name, args) => {
    const result = chain.then(async () => {
      const started = Date.now();
      return { code: await run('go', args, { cwd: goDir }), time: seconds(started) };
    });
    steps.set(name, result);
    chain = result;
  };
  step('internal', ['test', '-count=1', './internal/...']);
  for (const area of areas) step(area.name, ['test', '-c', '-o', join(work, `${area.name}.test`), area.pkg]);
  return steps;
}

const builds = startBuilds();
const summaries = [];
let failed = false;
for (const area of areas) {
  let started = Date.now();
  const areaWork = join(work, area.name);
  mkdirSync(areaWork);
  const prepared = await area.prepare({ work: areaWork, istioDir, options: { vsIstioTemplate: opts['vs-istio-template'] } });
  const prepareTime = seconds(started);
  console.error(`test:istio: ${area.name}: ${prepared.summary} prepared in ${prepareTime}`);
  const built = await builds.get(area.name);
  if (built.code !== 0) {
    failed = true;
    summaries.push(`${area.name}: the Go test does not build`);
    continue;
  }
  started = Date.now();
  const env = { ...process.env, ...prepared.env, ISTIO_MODULE_DIR: istioDir, MESH_ISTIO_REPORT: reportDir };
  const args = ['-test.count=1', ...(opts.verbose ? ['-test.v'] : [])];
  const code = await run(join(work, `${area.name}.test`), args, { cwd: join(goDir, area.pkg), env });
  const runTime = seconds(started);
  const reportFile = join(reportDir, `${area.name}.json`);
  const results = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : [];
  const count = (v) => results.filter((r) => r.verdict === v).length;
  const skipped = count('skipped') ? `, ${count('skipped')} skipped` : '';
  const errors = count('error') ? `, ${count('error')} errors` : '';
  const lines = [
    `${area.name} (${area.title}): ${results.length} cases: ${count('identical')} identical, ${count('allowlisted')} allowlisted, ` +
      `${count('different')} different${skipped}${errors}  [prepare ${prepareTime}, go build ${built.time}, run ${runTime}]`,
  ];
  for (const r of results.filter((x) => x.verdict === 'different' || x.verdict === 'error')) lines.push(`  ${r.verdict.toUpperCase()} ${r.case}`);
  if (code !== 0 && !results.some((r) => r.verdict === 'different' || r.verdict === 'error')) lines.push('  FAIL (see the go test output above)');
  if (code !== 0 || results.length === 0) failed = true;
  summaries.push(lines.join('\n'));
}
const internal = await builds.get('internal');
if (internal.code !== 0) {
  failed = true;
  summaries.push("the shared packages' own tests (test/istio/internal) fail");
}
console.log(`\nIstio oracle suite (istio.io/istio from ${istioDir}):\n${summaries.join('\n')}`);
if (failed) console.error(`test:istio: inputs kept in ${work} for inspection`);
else rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);

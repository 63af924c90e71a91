// The analyze area: Istio's analyzers (pkg/config/analysis: every analyzer, run by the local analyzer `istioctl
// analyze` uses on files) and `mesh analyze --use-kube=false` read the same files and must report the same messages
// (code, level, resource, text). Inputs: every case of Istio's analyzer test table (the testGrid of
// pkg/config/analysis/analyzers/analyzers_test.go, read by test/istio/cmd/analyze-table from Istio's source), with
// its input files and mesh config file, read in place from the module. Both sides analyze the default namespace, and
// read every kind from the files, as Istio's analyzer tests do.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, goDir, mesh, pool } from './common.mjs';

/** The cases of Istio's analyzer table, one per distinct set of inputs (several analyzers share input files). */
function tableCases(analyzersDir) {
  const r = spawnSync('go', ['run', './cmd/analyze-table', join(analyzersDir, 'analyzers_test.go')], { cwd: goDir, encoding: 'utf8' });
  if (r.status !== 0) fail(`reading Istio's analyzer test table: ${r.stderr.trim()}`);
  const byInputs = new Map();
  for (const c of JSON.parse(r.stdout)) {
    const key = JSON.stringify([c.inputFiles, c.meshConfigFile ?? '', c.meshNetworksFile ?? '']);
    const seen = byInputs.get(key);
    if (seen) seen.names.push(c.name);
    else byInputs.set(key, { names: [c.name], ...c });
  }
  return [...byInputs.values()].map((c) => ({
    // One `/` per name so the allowlist's `*/*` matches every case.
    name: `istio/${c.names.join('+').replaceAll('/', '%2F')}`,
    files: c.inputFiles.map((f) => join(analyzersDir, f)),
    meshConfigFile: c.meshConfigFile ? join(analyzersDir, c.meshConfigFile) : '',
    meshNetworksFile: c.meshNetworksFile ? join(analyzersDir, c.meshNetworksFile) : '',
  }));
}

/** Runs `mesh analyze` on a case's files; resolves to { messages, error }. */
function analyze(c) {
  const args = [
    mesh,
    'analyze',
    '--use-kube=false',
    '-o',
    'json',
    ...(c.meshConfigFile ? ['--meshConfigFile', c.meshConfigFile] : []),
    ...(c.meshNetworksFile ? ['--meshNetworksFile', c.meshNetworksFile] : []),
    ...c.files,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  child.stdout.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8');
      if (code !== 0 && code !== 79) return resolve({ messages: [], error: Buffer.concat(err).toString('utf8').trim() || `exit ${code}` });
      try {
        // mesh's own MESH codes answer questions Istio's analyzers do not ask: there is nothing to compare them with.
        const messages = JSON.parse(text)
          .filter((m) => !String(m.code).startsWith('MESH'))
          .map((m) => ({ code: m.code, level: m.level, origin: m.origin ?? '', message: m.message }));
        resolve({ messages, error: '' });
      } catch (e) {
        resolve({ messages: [], error: `mesh analyze printed no JSON: ${e.message}` });
      }
    });
  });
}

/** The analyze area, as scripts/istio.mjs runs it. */
export const analyzeArea = {
  name: 'analyze',
  title: "Istio's analyzers (pkg/config/analysis, local analyzer) vs mesh analyze on files, message by message",
  pkg: './analyze',
  async prepare({ work, istioDir }) {
    const cases = tableCases(join(istioDir, 'pkg/config/analysis/analyzers'));
    let index = 0;
    for (const c of cases) c.dir = join(work, String(index++).padStart(4, '0'));
    await pool(cases, 3, async (c) => {
      const { messages, error } = await analyze(c);
      mkdirSync(c.dir);
      writeFileSync(join(c.dir, 'case.json'), JSON.stringify({ ...c, dir: undefined, messages, error }));
    });
    return { env: { MESH_ISTIO_ANALYZE_DIR: work }, summary: `${cases.length} analyzer cases` };
  },
};

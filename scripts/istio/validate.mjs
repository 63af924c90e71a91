// The validate area: every Istio document (an `*.istio.io` apiVersion) of Istio's own corpora in the Istio module and
// of the repository's samples/ goes to `mesh validate -o json` and, in the Go test (test/istio/validate), to Istio's
// CRD schemas and validating webhook; both verdicts (valid or invalid) must agree. Each document is written to a
// file of its own, as written (without the `_err` expectation key of Istio's CRD corpus), so one mesh run validates
// them all and every diagnostic maps to its document.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fail, mesh, root } from './common.mjs';

/**
 * The corpora: Istio's CRD-vs-webhook cases (valid and invalid, pkg/config/validation), the validation dataset of
 * its integration tests (one valid document per kind and version), the integration tests' inputs (istioctl
 * validate's among them), pilot's test configs (security, service registry, xds), Istio's analyzer inputs and
 * samples, and the repository's own samples.
 */
function corpora(istioDir) {
  return [
    { name: 'crds', dir: join(istioDir, 'pkg/config/validation/testdata/crds') },
    { name: 'datasets', dir: join(istioDir, 'pkg/test/datasets/validation/dataset') },
    { name: 'tests-testdata', dir: join(istioDir, 'tests/testdata') },
    { name: 'pilot-security', dir: join(istioDir, 'pilot/pkg/security') },
    { name: 'pilot-serviceregistry', dir: join(istioDir, 'pilot/pkg/serviceregistry') },
    { name: 'pilot-xds', dir: join(istioDir, 'pilot/pkg/xds') },
    { name: 'integration', dir: join(istioDir, 'tests/integration') },
    { name: 'analyzers', dir: join(istioDir, 'pkg/config/analysis/analyzers/testdata') },
    { name: 'istio-samples', dir: join(istioDir, 'samples') },
    { name: 'samples', dir: join(root, 'samples') },
  ];
}

/** The YAML files of a corpus, its subdirectories included, sorted. */
function yamlFiles(corpus) {
  if (!existsSync(corpus.dir)) fail(`corpus ${corpus.name} is missing: ${corpus.dir}`);
  return readdirSync(corpus.dir, { recursive: true })
    .filter((f) => /\.ya?ml$/.test(f) && statSync(join(corpus.dir, f)).isFile())
    .sort();
}

/**
 * Splits a YAML stream at its `---` lines, as Istio's yml.SplitString does, and drops the `_err:` line (the expected
 * error Istio's CRD corpus records in each document; neither validator may see it).
 */
function documents(text) {
  return text
    .split(/^---[^\n]*$/m)
    .map((doc) => doc.replace(/^_err:.*\n?/m, ''))
    .filter((doc) => doc.split('\n').some((line) => line.trim() && !line.trim().startsWith('#')));
}

/** The validate area, as scripts/istio.mjs runs it. */
export const validate = {
  name: 'validate',
  title: "Istio's CRD schemas and validating webhook vs mesh validate, same verdict per document",
  pkg: './validate',
  async prepare({ work, istioDir }) {
    const cases = [];
    let templates = 0;
    for (const corpus of corpora(istioDir)) {
      for (const file of yamlFiles(corpus)) {
        // Documents are split and kept as text, not re-serialized: YAML parsers disagree on some plain scalars
        // (`[1.2.3.4, 001:db8::]`), and each side must read what the file says.
        documents(readFileSync(join(corpus.dir, file), 'utf8')).forEach((text, i) => {
          if (text.includes('{{')) {
            templates++; // Helm templates: not documents either side could read
            return;
          }
          // IstioOperator (install.istio.io) is istioctl's install input, not an object the API server serves.
          const apiVersion = /^apiVersion:\s*["']?([^\s"']+)/m.exec(text)?.[1] ?? '';
          if (!/\.istio\.io\//.test(apiVersion) || apiVersion.startsWith('install.istio.io/')) return;
          const dir = join(work, String(cases.length).padStart(5, '0'));
          mkdirSync(dir);
          writeFileSync(join(dir, 'doc.yaml'), text);
          cases.push({ dir, name: `${corpus.name}/${file.replace(/\.ya?ml$/, '')}#${i}` });
        });
      }
    }
    if (!cases.length) fail('the validate corpora hold no Istio document');
    const r = spawnSync(process.execPath, [mesh, 'validate', '-f', work, '-R', '-o', 'json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.status !== 0 && r.status !== 79) fail(`mesh validate failed (exit ${r.status}): ${r.stderr}`);
    const report = JSON.parse(r.stdout);
    const errors = new Map();
    for (const d of report.diagnostics) {
      if (d.severity !== 'error') continue;
      const key = relative(work, d.file).split('/')[0];
      errors.set(key, [...(errors.get(key) ?? []), `${d.path ?? ''}: ${d.message} (${d.rule})`]);
    }
    for (const c of cases) {
      const own = errors.get(relative(work, c.dir)) ?? [];
      writeFileSync(join(c.dir, 'case.json'), JSON.stringify({ name: c.name, valid: own.length === 0, errors: own }));
    }
    return { env: { MESH_ISTIO_VALIDATE_DIR: work }, summary: `${cases.length} Istio documents (${templates} Helm-template documents skipped)` };
  },
};

// The translate area: for each case (an IstioOperator input of Istio's manifest-generate tests, read in place from
// the Istio module, and a few --set combinations: profiles, revision, meshConfig, namespaces), `mesh manifest
// translate -o <case>/mesh` runs here, and the Go test (test/istio/translate) runs Istio's own ManifestTranslate on the
// same input into <case>/istio and compares the two directories. Both get the release's hub and tag as --set flags:
// the pinned Istio module is a development build, whose compiled-in hub and tag are not a release's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, mesh } from './common.mjs';

/** Hub and tag of the release mesh targets (src/version.ts), for both sides. */
const RELEASE = ['hub=docker.io/istio', 'tag=1.30.3'];

/** --set-only cases. */
const SET_CASES = {
  default: [],
  demo: ['profile=demo'],
  minimal: ['profile=minimal'],
  ambient: ['profile=ambient'],
  empty: ['profile=empty'],
  preview: ['profile=preview'],
  remote: ['profile=remote', 'values.global.remotePilotAddress=10.0.0.1'],
  openshift: ['profile=openshift'],
  'minimal-revision': ['profile=minimal', 'revision=canary'],
  tracing: ['meshConfig.enableTracing=true', 'meshConfig.defaultConfig.tracing.sampling=10'],
  'istio-namespace': ['values.global.istioNamespace=mesh-system'],
  'cni-on': ['components.cni.enabled=true'],
  'pilot-k8s': ['components.pilot.k8s.replicaCount=3'],
  'egress-on': ['components.egressGateways[0].enabled=true'],
};

/** The translate area, as scripts/istio.mjs runs it. */
export const translate = {
  name: 'translate',
  title: "Istio's manifest translate vs mesh manifest translate: the same values files, README and handed-over objects",
  pkg: './translate',
  async prepare({ work, istioDir }) {
    const inputs = join(istioDir, 'operator/cmd/mesh/testdata/manifest-generate/input');
    if (!existsSync(inputs)) fail(`Istio's manifest-generate inputs are missing: ${inputs}`);
    const cases = [
      ...Object.entries(SET_CASES).map(([name, set]) => ({ name: `set.${name}`, files: [], set })),
      ...readdirSync(inputs)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => ({ name: `input.${f.replace(/\.yaml$/, '')}`, files: [join(inputs, f)], set: [] })),
    ];
    let refused = 0;
    cases.forEach((c, i) => {
      const dir = join(work, String(i).padStart(4, '0'));
      mkdirSync(dir);
      const set = [...c.set, ...RELEASE];
      const args = [mesh, 'manifest', 'translate', '-o', join(dir, 'mesh'), ...c.files.flatMap((f) => ['-f', f]), ...set.flatMap((s) => ['--set', s])];
      const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
      const error = r.status === 0 ? '' : (r.stderr.split('\n')[0] ?? `exit ${r.status}`);
      if (error) refused++;
      writeFileSync(join(dir, 'case.json'), JSON.stringify({ name: c.name, files: c.files, set, error }));
    });
    return { env: { MESH_ISTIO_TRANSLATE_DIR: work }, summary: `${cases.length} cases (${refused} refused by mesh)` };
  },
};

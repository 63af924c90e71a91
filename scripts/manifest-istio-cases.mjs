#!/usr/bin/env node
// Measures how close `mesh manifest generate` comes to Istio's own renderer on Istio's manifest-generate test cases.
// The inputs and goldens are read from the istio.io/istio module in the Go module cache (never copied into this
// repo). Each case is run through the built CLI (dist/, so `node scripts/build.mjs` first); the object identities
// (kind:namespace:name) are compared with the golden after the same selection Istio's test applies (diffSelect /
// diffIgnore, regexps over `Kind:namespace:name` as operator/pkg/test FilterManifest builds them).
// Usage: node scripts/manifest-istio-cases.mjs [--verbose] [--module <istio module dir>]
// Not part of CI: it spawns mesh once per case and only reports numbers.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const moduleArg = argv.indexOf('--module');
const istio =
  moduleArg >= 0
    ? argv[moduleArg + 1]
    : join(process.env.GOMODCACHE ?? join(homedir(), 'go', 'pkg', 'mod'), 'istio.io', 'istio@v0.0.0-20260423205519-b01690e6db7d');
const data = join(istio, 'operator', 'cmd', 'mesh', 'testdata', 'manifest-generate');

// The cases of operator/cmd/mesh/manifest-generate_test.go that have an input file and a golden (desc → selection
// and flags as that test passes them). install_package_path's `--set installPackagePath=<charts>` is left out:
// mesh has no chart directory to point at, and the case only checks that the istiod Deployment is rendered.
// gateways.golden.yaml (empty) and flag_output.golden.yaml are in that directory but no golden test reads them.
const cases = {
  all_off: {},
  all_on: { golden: 'all_on.golden-show-in-gh-pull-request.yaml', ignore: 'ConfigMap:*:istio' },
  autoscaling_ingress_v2: { select: 'HorizontalPodAutoscaler:*:istiod,HorizontalPodAutoscaler:*:istio-ingressgateway' },
  autoscaling_v2: { select: 'HorizontalPodAutoscaler:*:istiod,HorizontalPodAutoscaler:*:istio-ingressgateway' },
  flag_force: { select: 'no:resources:selected', flags: ['--force'] },
  helm_values_enablement: { select: 'Deployment:*:istio-egressgateway, Service:*:istio-egressgateway' },
  ingressgateway_k8s_settings: { select: 'Deployment:*:istio-ingressgateway, Service:*:istio-ingressgateway' },
  install_package_path: { select: 'Deployment:*:istiod' },
  'istio-cni': { select: 'DaemonSet:*:istio-cni' },
  'istio-cni_tolerations': { select: 'DaemonSet:*:istio-cni' },
  networkpolicy_enabled: { select: 'NetworkPolicy:*:istiod' },
  pilot_default: { ignore: 'CustomResourceDefinition:*:*,ConfigMap:*:istio' },
  pilot_disable_tracing: { select: 'ConfigMap:*:istio$' },
  pilot_env_var_from: { select: 'Deployment:*:istiod' },
  pilot_k8s_settings: { select: 'Deployment:*:istiod,HorizontalPodAutoscaler:*:istiod' },
  pilot_merge_meshconfig: { select: 'ConfigMap:*:istio$' },
  pilot_override_kubernetes: {
    select:
      'Deployment:*:istiod, Service:*:istiod,PodDisruptionBudget:*:istiod,MutatingWebhookConfiguration:*:istio-sidecar-injector,ServiceAccount:*:istio-reader-service-account',
  },
  pilot_override_values: { select: 'Deployment:*:istiod,HorizontalPodAutoscaler:*:istiod' },
  sidecar_template: { select: 'ConfigMap:*:istio-sidecar-injector' },
  ztunnel: { select: 'DaemonSet:*:ztunnel' },
  ztunnel_tolerations: { select: 'DaemonSet:*:ztunnel' },
};

/** The regexps of a FilterManifest selection: `*` or empty parts match anything, the match is unanchored. */
function selection(spec) {
  if (!spec) return [];
  return spec.split(',').map(
    (part) =>
      new RegExp(
        part
          .trim()
          .split(':')
          .map((p) => (p === '' || p === '*' ? '.*' : p))
          .join(':'),
      ),
  );
}

/** The objects of a multi-document YAML text by Kind:namespace:name. */
function objectsById(text) {
  const out = new Map();
  for (const doc of parseAllDocuments(text)) {
    const o = doc.toJS();
    if (o && typeof o === 'object' && o.kind) out.set(`${o.kind}:${o.metadata?.namespace ?? ''}:${o.metadata?.name ?? ''}`, o);
  }
  return out;
}

// What legitimately differs between mesh and Istio's test renders: the version and manager labels (Istio's test
// charts say Helm and 1.0.0), and the image registry and tag (the module's default profile points at a test hub).
const VERSION_LABELS = ['app.kubernetes.io/managed-by', 'app.kubernetes.io/version', 'helm.sh/chart'];

/** A copy of `v` with keys sorted, version labels dropped and images reduced to their name. */
function normalise(v, key) {
  if (Array.isArray(v)) return v.map((x) => normalise(x));
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) {
      if (key === 'labels' && VERSION_LABELS.includes(k)) continue;
      out[k] = normalise(v[k], k);
    }
    return out;
  }
  if (key === 'image' && typeof v === 'string') return v.replace(/^.*\//, '').replace(/:.*$/, '');
  return v;
}

function filter(ids, c) {
  const sel = selection(c.select);
  const ign = selection(c.ignore);
  return ids.filter((id) => (sel.length === 0 || sel.some((r) => r.test(id))) && !ign.some((r) => r.test(id)));
}

let identical = 0;
let matched = 0;
let present = 0;
let expected = 0;
let extra = 0;
const rows = [];
for (const [name, c] of Object.entries(cases)) {
  const input = join(data, 'input', `${name}.yaml`);
  const golden = join(data, 'output', c.golden ?? `${name}.golden.yaml`);
  if (!existsSync(input) || !existsSync(golden)) throw new Error(`missing Istio test data for ${name} under ${data}`);
  const wantObjects = objectsById(readFileSync(golden, 'utf8'));
  const want = filter([...wantObjects.keys()], c);
  const run = spawnSync(process.execPath, [join(root, 'bin', 'mesh.js'), 'manifest', 'generate', '-f', input, ...(c.flags ?? [])], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const gotObjects = run.status === 0 ? objectsById(run.stdout) : new Map();
  const got = filter([...gotObjects.keys()], c);
  const gotSet = new Set(got);
  const wantSet = new Set(want);
  const missing = want.filter((id) => !gotSet.has(id));
  const surplus = got.filter((id) => !wantSet.has(id));
  const ok = run.status === 0 && missing.length === 0 && surplus.length === 0;
  const differing = want.filter((id) => gotSet.has(id) && JSON.stringify(normalise(wantObjects.get(id))) !== JSON.stringify(normalise(gotObjects.get(id))));
  identical += want.length - missing.length - differing.length;
  matched += ok ? 1 : 0;
  expected += want.length;
  present += want.length - missing.length;
  extra += surplus.length;
  rows.push(
    `${ok ? 'same' : 'DIFF'}  ${name}: ${want.length - missing.length}/${want.length} present, ${differing.length} with other fields, ${surplus.length} extra${run.status === 0 ? '' : ` (exit ${run.status}: ${run.stderr.trim().split('\n')[0]})`}`,
  );
  if (verbose) for (const id of missing) rows.push(`        missing ${id}`);
  if (verbose) for (const id of surplus) rows.push(`        extra   ${id}`);
  if (verbose) for (const id of differing) rows.push(`        fields  ${id}`);
}
process.stdout.write(`${rows.join('\n')}\n`);
const total = Object.keys(cases).length;
process.stdout.write(
  `cases with the same objects: ${matched} of ${total}; objects present: ${present} of ${expected} (${((100 * present) / expected).toFixed(1)}%); extra objects: ${extra}; objects identical field for field (versions and image registries aside): ${identical} of ${expected}\n`,
);

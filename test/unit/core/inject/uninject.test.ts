/**
 * kube-uninject as the inverse of injection, over every injection input there is:
 *  - mesh's kube-inject goldens: uninject(<case>.out.yaml) is <case>.in.yaml byte for byte;
 *  - Istio's injector test inputs (pkg/kube/inject/testdata/inject in the Istio module, read in place), injected by
 *    mesh with the default settings: uninject(inject(x)) is x byte for byte;
 *  - Istio's own injected goldens (*.yaml.injected, written by Istio's webhook code): uninject(golden) equals the
 *    input as data, once Go's empty values (`creationTimestamp: null`, `resources: {}`, a zero `status`) are dropped.
 * Each list of exceptions names the cases that miss, and why; a listed case that passes fails too, so lists stay exact.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { loadDocuments } from '../../../../src/core/yaml/load.js';
import { emitYaml } from '../../../../src/core/yaml/emit.js';
import { injectStream } from '../../../../src/core/inject/documents.js';
import { resolveInjectConfig } from '../../../../src/core/inject/config.js';
import { uninjectStream } from '../../../../src/core/inject/uninject.js';
import { istioModuleAvailable, istioPath } from '../../../helpers/istio-module.js';

const uninject = (text: string) => uninjectStream(loadDocuments(text, 'in.yaml'), { verify: true });
const goldens = join(import.meta.dirname, '../../../golden/inject');

/** mesh goldens that come back equal as data but not byte for byte. */
const MESH_BYTE_EXCEPTIONS: Record<string, string> = {
  'gateway-ingress': "the comment on the user's istio-proxy `image: auto` line: the gateway template replaced that container, the record keeps no comments",
  'grpc-agent-custom-proxy': "the user's istio-proxy sat between two app containers; the record does not say where, so it comes back last",
  'json-document': 'kube-inject writes a JSON document back indented (it cannot splice JSON flow text), so the compact original is not recoverable',
  probes:
    'a probe on port 8080 of a container whose port 8080 is named http comes back as `port: http` (the record holds resolved numbers; uninject names them, as most manifests do)',
  list: 'flow-style maps (`labels: {app: a}`) that injection grew were written in block style; uninject keeps the block style',
};

/** mesh goldens whose uninjected form differs even as data. */
const MESH_STRUCT_EXCEPTIONS: Record<string, string> = {
  'grpc-agent-custom-proxy': MESH_BYTE_EXCEPTIONS['grpc-agent-custom-proxy']!,
  probes: MESH_BYTE_EXCEPTIONS.probes!,
};

/** Istio inputs injected by mesh that come back equal as data but not byte for byte. */
const ISTIO_BYTE_EXCEPTIONS: Record<string, string> = {
  'hello-openshift-custom-injection.yaml': 'the user\'s istio-proxy is rebuilt from its record: `image: "auto"` loses its quotes',
  'list-frontend.yaml': 'kube-inject re-emits a kind: List whole (quotes and flow sequences are not kept); uninject keeps that form',
  'deploymentconfig-multi.yaml': 'as list-frontend.yaml: the List was re-emitted whole by kube-inject (quotes are not kept)',
  'list.yaml': 'as list-frontend.yaml: the List was re-emitted whole by kube-inject (trailing spaces, quotes, blank lines)',
  'proxy-override-args.yaml': "the user's istio-proxy is rebuilt from its record: its comment and flow-style args are not kept",
  'proxy-override-runas.yaml': "the user's istio-proxy is rebuilt from its record: the comment inside it is not kept",
  'proxy-override.yaml': "the user's istio-proxy is rebuilt from its record: comment, quotes and sequence indentation are not kept",
  'merge-probers.yaml': 'the input is itself an injected pod: uninject takes it back to the pod before that injection',
};

/** Istio's injected goldens whose uninjected form differs from Istio's input even as data. */
const ISTIO_STRUCT_EXCEPTIONS: Record<string, string> = {
  'merge-probers.yaml': 'the input is itself an injected pod: uninject takes it back to the pod before that injection',
  'proxy-override.yaml': "Istio records the user's istio-proxy after Kubernetes' quantity canonicalisation (cpu 3000m comes back as 3)",
  'custom-template.yaml': "a template from the values (custom-template.iop.yaml) added annotations that no record tells apart from the user's",
  'deploymentconfig.yaml': "Go's DeploymentConfig type writes `test: false` and leaves out a zero minReadySeconds and `paused: false`",
  'deploymentconfig-multi.yaml': "as deploymentconfig.yaml (Go's DeploymentConfig serialisation)",
  'deploymentconfig-with-canonical-service-label.yaml': "as deploymentconfig.yaml (Go's DeploymentConfig serialisation)",
  'hello-openshift-custom-injection.yaml':
    "Istio's record of the user's istio-proxy leaves out its securityContext.runAsUser (OpenShift's injector sets it from the namespace range)",
};

describe('kube-uninject of mesh kube-inject goldens', () => {
  const cases = readdirSync(goldens)
    .filter((f) => f.endsWith('.out.yaml'))
    .map((f) => f.slice(0, -'.out.yaml'.length));
  it.each(cases)('%s', (name) => {
    const original = readFileSync(join(goldens, `${name}.in.yaml`), 'utf8');
    const result = uninject(readFileSync(join(goldens, `${name}.out.yaml`), 'utf8'));
    expect(result.messages).toEqual([]);
    if (MESH_BYTE_EXCEPTIONS[name]) {
      expect(result.text, 'listed as an exception, but now byte-identical: remove it from the list').not.toBe(original);
      if (MESH_STRUCT_EXCEPTIONS[name]) expect(asData(result.text)).not.toEqual(asData(original));
      else expect(asData(result.text)).toEqual(asData(original));
    } else expect(result.text).toBe(original);
  });
  it('lists only existing cases as exceptions', () => expect(Object.keys(MESH_BYTE_EXCEPTIONS).filter((c) => !cases.includes(c))).toEqual([]));
});

const istioDir = istioPath('pkg', 'kube', 'inject', 'testdata', 'inject');
/** Istio's inputs mesh kube-inject accepts with the default settings (the others are refused by both, or need a template). */
const istioInputs = istioModuleAvailable
  ? readdirSync(istioDir).filter((f) => f.endsWith('.yaml') && !/\.(iop|mesh|values|config)\./.test(`.${f}`) && !f.endsWith('.iop.yaml'))
  : [];
const config = resolveInjectConfig();

describe.skipIf(!istioModuleAvailable)("kube-uninject of Istio's injector inputs, injected by mesh", () => {
  const injectable = istioInputs.filter((f) => {
    const r = injectStream(loadDocuments(readFileSync(join(istioDir, f), 'utf8'), f), config);
    return !r.messages.some((m) => m.level === 'error');
  });
  it('covers most of them', () => expect(injectable.length).toBeGreaterThan(80));
  it.each(injectable)('%s', (file) => {
    const original = readFileSync(join(istioDir, file), 'utf8');
    const injected = injectStream(loadDocuments(original, file), config).text;
    const result = uninject(injected);
    expect(result.messages).toEqual([]);
    if (ISTIO_BYTE_EXCEPTIONS[file]) {
      expect(result.text, 'listed as an exception, but now byte-identical: remove it from the list').not.toBe(original);
      if (!ISTIO_STRUCT_EXCEPTIONS[file]) expect(asData(result.text)).toEqual(asData(original));
    } else expect(result.text).toBe(original);
  });
});

describe.skipIf(!istioModuleAvailable)("kube-uninject of Istio's own injected goldens (webhook output)", () => {
  const withGolden = istioInputs.filter((f) => existsSync(join(istioDir, `${f}.injected`)));
  it('covers most of them', () => expect(withGolden.length).toBeGreaterThan(80));
  it.each(withGolden)('%s', (file) => {
    const result = uninject(readFileSync(join(istioDir, `${file}.injected`), 'utf8'));
    expect(result.messages).toEqual([]);
    const [got, want] = [goData(result.text), goData(readFileSync(join(istioDir, file), 'utf8'))];
    if (ISTIO_STRUCT_EXCEPTIONS[file]) expect(got, 'listed as an exception, but now equal: remove it from the list').not.toEqual(want);
    else expect(got).toEqual(want);
  });
});

describe('kube-uninject properties', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
  const probe = fc.option(fc.record({ httpGet: fc.record({ path: fc.constantFrom('/healthz', '/ready'), port: fc.constantFrom(9090, 'http') }) }), {
    nil: undefined,
  });
  const container = fc.record(
    { name, image: fc.constantFrom('nginx:1.27', 'busybox'), ports: fc.constant([{ name: 'http', containerPort: 8080 }]), readinessProbe: probe },
    // A probe naming a port the container does not declare is rewritten without a record (as by Istio): not invertible.
    { requiredKeys: ['name', 'image', 'ports'] },
  );
  const workload = fc
    .record({
      kind: fc.constantFrom('Deployment', 'StatefulSet', 'Job'),
      name,
      containers: fc.uniqueArray(container, { minLength: 1, maxLength: 3, selector: (c) => c.name }),
    })
    .map((w) => ({
      apiVersion: w.kind === 'Job' ? 'batch/v1' : 'apps/v1',
      kind: w.kind,
      metadata: { name: w.name },
      spec: { template: { metadata: { labels: { app: w.name } }, spec: { containers: w.containers.map((c) => JSON.parse(JSON.stringify(c)) as object) } } },
    }));
  it('uninject(inject(x)) is x, byte for byte, for random workloads among other documents', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(workload, fc.boolean()), { minLength: 1, maxLength: 4 }), (docs) => {
        const input = docs.map(([v, comment]) => `${comment ? '# kept\n' : ''}${emitYaml(v)}`).join('---\n');
        const injected = injectStream(loadDocuments(input, 'p.yaml'), config).text;
        expect(injected).not.toBe(input);
        expect(uninject(injected).text).toBe(input);
      }),
      { numRuns: 60 },
    );
  });
  it('leaves documents that are not injected workloads alone', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n# only a comment\n';
    expect(uninject(text).text).toBe(text);
  });
  it('reports an unreadable status annotation at the annotation', () => {
    const r = uninject("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    sidecar.istio.io/status: '{broken'\nspec:\n  containers: []\n");
    expect(r.messages.map((m) => [m.level, m.path.join('.')])).toEqual([['error', 'metadata.annotations.sidecar.istio.io/status']]);
  });
});

function asData(text: string): unknown[] {
  return jsyaml.loadAll(text).filter((d) => d !== null && d !== undefined);
}

/** The documents with Go's empty values dropped and keys sorted (Istio's goldens are written by Go's marshaller). */
function goData(text: string): unknown[] {
  return asData(text).map((d) => {
    const doc = dropEmpty(d) as Record<string, unknown>;
    // A zero status (replicas: 0 ...) is Go's rendering of an unset status.
    if (doc && typeof doc.status === 'object' && Object.values(doc.status as object).every((v) => v === 0)) delete doc.status;
    return doc;
  });
}

function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropEmpty);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = dropEmpty((v as Record<string, unknown>)[k]);
    if (x === null || (typeof x === 'object' && !Array.isArray(x) && !Object.keys(x as object).length)) continue;
    out[k] = x;
  }
  return out;
}

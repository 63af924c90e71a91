/**
 * Property tests: random valid workloads, mixed with other documents and comments, never lose a field or a
 * document, keep everything outside the pod template byte for byte, and inject idempotently.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { emitYaml } from '../../../../src/core/yaml/emit.js';
import { loadDocuments } from '../../../../src/core/yaml/load.js';
import { injectStream } from '../../../../src/core/inject/documents.js';
import { resolveInjectConfig } from '../../../../src/core/inject/config.js';
import { YAML11_SCHEMA } from '../../../../src/core/yaml/schema11.js';

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('yes', 'on', 'off', '0644', '1e3', 'null', '~', '12:30', 'true', ''));
const container = fc.record(
  {
    name,
    image: fc.constantFrom('nginx:1.27', 'example.com/app:1.0', 'busybox'),
    env: fc.array(fc.record({ name: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), value: text }), { maxLength: 3 }),
    ports: fc.array(fc.record({ name: fc.stringMatching(/^http-[a-z]{1,5}$/), containerPort: fc.integer({ min: 1, max: 65000 }) }), { maxLength: 2 }),
  },
  { requiredKeys: ['name', 'image'] },
);
const workload = fc
  .record({
    kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet', 'Job'),
    name,
    labels: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxKeys: 3 }),
    containers: fc.uniqueArray(container, { minLength: 1, maxLength: 3, selector: (c) => c.name }),
    replicas: fc.integer({ min: 0, max: 5 }),
  })
  .map((w) => ({
    apiVersion: w.kind === 'Job' ? 'batch/v1' : 'apps/v1',
    kind: w.kind,
    metadata: { name: w.name },
    spec: { replicas: w.replicas, template: { metadata: { labels: { ...w.labels, app: w.name } }, spec: { containers: w.containers } } },
  }));
const other = fc
  .record({ name, data: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), text, { maxKeys: 3 }) })
  .map((c) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: c.name }, data: c.data }));
const stream = fc
  .array(fc.tuple(fc.oneof(workload, other), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 5 })
  .map((docs) =>
    docs.map(([v, comment, indentSeq]) => `${comment ? '# a comment that must survive\n' : ''}${emitYaml(v, { indentSequences: indentSeq })}`).join('---\n'),
  );

const config = resolveInjectConfig();
const inject = (t: string) => injectStream(loadDocuments(t, 'p.yaml'), config, { verify: true });
const parseAll = (t: string) => jsyaml.loadAll(t, undefined, { schema: YAML11_SCHEMA });

describe('kube-inject properties', () => {
  it('never loses a document or a field; non-workloads stay byte-identical; injecting twice changes nothing', () => {
    fc.assert(
      fc.property(stream, (input) => {
        const once = inject(input);
        expect(once.messages.filter((m) => m.level === 'error')).toEqual([]);
        expect(once.reemitted, 'every splice must read back as the injected object').toEqual([]);
        const before = parseAll(input) as Record<string, any>[];
        const after = parseAll(once.text) as Record<string, any>[];
        expect(after).toHaveLength(before.length);
        const inDocs = loadDocuments(input, 'p');
        const outDocs = loadDocuments(once.text, 'p');
        before.forEach((b, i) => {
          const a = after[i]!;
          if (b.kind === 'ConfigMap') expect(outDocs[i]!.text).toBe(inDocs[i]!.text);
          else {
            expect(a.metadata).toEqual(b.metadata);
            expect(a.spec.replicas).toEqual(b.spec.replicas);
            for (const [k, v] of Object.entries(b.spec.template.metadata.labels)) expect(a.spec.template.metadata.labels[k]).toEqual(v);
            for (const c of b.spec.template.spec.containers) {
              const out = a.spec.template.spec.containers.find((x: { name: string }) => x.name === c.name);
              expect(out).toEqual(c); // no probes here, so app containers come out unchanged
            }
          }
        });
        expect(inject(once.text).text).toBe(once.text);
      }),
      { numRuns: 150 },
    );
  });
});

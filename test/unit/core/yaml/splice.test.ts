import { describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { spliceDocument } from '../../../../src/core/yaml/splice.js';
import { YAML11_SCHEMA } from '../../../../src/core/yaml/schema11.js';

const load = (t: string) => jsyaml.load(t, { schema: YAML11_SCHEMA }) as Record<string, any>;

function splice(text: string, change: (v: any) => void): string | undefined {
  const before = load(text);
  const after = structuredClone(before);
  change(after);
  const out = spliceDocument(text, before, after, { verify: true });
  if (out !== undefined) expect(load(out)).toEqual(after);
  return out;
}

describe('spliceDocument', () => {
  it('adds keys at the end of a mapping and keeps every other byte, comments included', () => {
    const text = '# head\nmetadata:\n  name: x   # trailing comment\n  labels:\n    app: "x"\nspec: {}\n';
    expect(splice(text, (v) => (v.metadata.labels.tier = 'web'))).toBe(
      '# head\nmetadata:\n  name: x   # trailing comment\n  labels:\n    app: "x"\n    tier: web\nspec: {}\n',
    );
  });

  it("follows the document's sequence indentation style when inserting items", () => {
    const text = 'items:\n  - name: a\n    v: 1\n';
    expect(splice(text, (v) => v.items.push({ name: 'b', v: 2 }))).toBe('items:\n  - name: a\n    v: 1\n  - name: b\n    v: 2\n');
  });

  it('inserts new items before kept ones when they come first', () => {
    const text = 'list:\n- name: app\n';
    expect(splice(text, (v) => v.list.unshift({ name: 'init' }))).toBe('list:\n- name: init\n- name: app\n');
  });

  it('changes one scalar inside a list item without touching its siblings', () => {
    const text = 'c:\n- name: web\n  probe:\n    port: http   # named\n    path: /ready\n';
    expect(splice(text, (v) => (v.c[0].probe.path = '/app-health/web/readyz'))).toBe(
      'c:\n- name: web\n  probe:\n    port: http   # named\n    path: /app-health/web/readyz\n',
    );
  });

  it('removes a key', () => {
    expect(splice('a: 1\nb: 2\nc: 3\n', (v) => delete v.b)).toBe('a: 1\nc: 3\n');
  });

  it('re-emits a flow-style value it cannot edit in place', () => {
    expect(splice('labels: {app: x}\nother: 1\n', (v) => (v.labels.tier = 'web'))).toBe('labels:\n  app: x\n  tier: web\nother: 1\n');
  });

  it('quotes what it writes so YAML 1.1 readers keep the meaning', () => {
    expect(splice('env: []\n', (v) => (v.env = ['on', '0644', 'plain']))).toBe('env:\n- "on"\n- "0644"\n- plain\n');
  });

  it('splices CRLF documents and keeps their line endings', () => {
    expect(splice('a: 1\r\nb:\r\n  c: 2\r\n', (v) => (v.b.d = 3))).toBe('a: 1\r\nb:\r\n  c: 2\r\n  d: 3\r\n');
  });

  it.each([
    ['anchors and aliases', 'base: &b {cpu: 1}\nx: *b\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a document marker carrying content', '--- {a: 1}\n'],
  ])('gives up (undefined) on %s so the caller re-emits', (_name, text) => {
    expect(splice(text, (v) => (v.added = true))).toBeUndefined();
  });
});

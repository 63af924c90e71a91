import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emitYaml, isPlainSafe } from '../../../../src/core/yaml/emit.js';
import { loadDocuments } from '../../../../src/core/yaml/load.js';
import jsyaml from 'js-yaml';

describe('emitYaml', () => {
  it('quotes every string a YAML 1.1 or 1.2 reader would read as another type', () => {
    for (const s of [
      'yes',
      'no',
      'on',
      'off',
      'y',
      'N',
      'true',
      'null',
      '~',
      '0644',
      '1e3',
      '0x1F',
      '1:20',
      '.inf',
      '15020',
      '',
      ' x',
      'a: b',
      '#c',
      '2024-01-01',
      '<<',
    ]) {
      expect(isPlainSafe(s), s).toBe(false);
    }
    for (const s of ['hello', 'docker.io/istio/proxyv2:1.30.3', '--log_output_level=default:info', '/etc/istio/proxy', 'istio-proxy']) {
      expect(isPlainSafe(s), s).toBe(true);
    }
  });

  it('writes block style with items at the key column', () => {
    expect(emitYaml({ a: [{ b: 1, c: ['x'] }], d: {}, e: 'multi\nline\n' })).toBe('a:\n- b: 1\n  c:\n  - x\nd: {}\ne: |\n  multi\n  line\n');
  });

  it('round-trips arbitrary JSON data through the 1.1 reader and the 1.2 reader', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalized = JSON.parse(JSON.stringify(value)) as unknown;
        const text = emitYaml(normalized);
        expect(loadDocuments(text, 't')[0]!.value ?? null).toEqual(normalized === undefined ? null : normalized);
        expect(jsyaml.load(text) ?? null).toEqual(normalized);
      }),
      { numRuns: 300 },
    );
  });
});

/** Go's json.MarshalIndent and sigs.k8s.io/yaml's output, as mesh zc writes them (the oracle suite checks them whole). */
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/core/ztunnel/spec.js';
import { goJson } from '../../../src/render/go-json.js';
import { formatG, goYaml, yamlKeyLess } from '../../../src/render/go-yaml.js';
import { resolvesToNonString } from '../../../src/render/go-yaml-scalar.js';

describe('goJson', () => {
  it('indents by four spaces, keeps struct order, sorts map keys by bytes and escapes as Go does', () => {
    const spec: Spec = {
      slice: {
        struct: 'T',
        fields: [
          ['z', 'int'],
          ['a', { map: 'int' }],
          ['e', { slice: 'string' }],
          ['m', { map: 'int' }],
          ['s', 'string'],
          ['n', 'any'],
        ],
      },
    };
    const v = [{ z: 1, a: { b: 1, '80': 80, '15008': 15008 }, e: [], m: {}, s: '<a&b>\u2028', n: { y: 1, x: 2 } }];
    expect(goJson(v, spec)).toBe(
      '[\n    {\n        "z": 1,\n        "a": {\n            "15008": 15008,\n            "80": 80,\n            "b": 1\n        },\n' +
        '        "e": [],\n        "m": {},\n        "s": "\\u003ca\\u0026b\\u003e\\u2028",\n        "n": {\n            "x": 2,\n            "y": 1\n        }\n    }\n]',
    );
  });
});

describe('goYaml', () => {
  it('orders keys as yaml.v2 does: runs of digits as numbers, letters after other characters', () => {
    const sorted = ['a10', 'a2', 'b', 'B', '_x', '80', '15008'].sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
    // What sigs.k8s.io/yaml v1.6.0 prints for these keys.
    expect(sorted).toEqual(['_x', '80', '15008', 'B', 'a2', 'a10', 'b']);
  });

  it.each(['yes', 'on', 'NO', '~', '', '0123', '1e3', '0x1F', '.5', '2026-12-01', '2026-12-01T00:00:00Z', '-1', '+.inf', '<<'])(
    'quotes %j, which would read back as another type',
    (s) => {
      expect(resolvesToNonString(s) || s === '').toBe(true);
      expect(goYaml({ k: s })).toMatch(/^k: "/);
    },
  );

  it.each([
    ['10.244.1.1', 'k: 10.244.1.1\n'],
    ['a: b', "k: 'a: b'\n"],
    ['-dash', 'k: -dash\n'],
    ['- item', "k: '- item'\n"],
    ['tab\there', 'k: "tab\\there"\n'],
    ["it's", "k: it's\n"],
    ['héllo', 'k: héllo\n'],
    ['a\nb\n', 'k: |\n  a\n  b\n'],
    ['a\nb', 'k: |-\n  a\n  b\n'],
  ])('writes %j as yaml.v2 does', (s, want) => {
    expect(goYaml({ k: s })).toBe(want);
  });

  it('folds long plain and quoted scalars at a space past column 80, and indents sequences as yaml.v2 does', () => {
    const long = 'word '.repeat(20).trim();
    expect(goYaml({ list: [{ key: long }] })).toBe(`list:\n- key: ${'word '.repeat(14)}word\n    ${'word '.repeat(4)}word\n`);
    expect(goYaml([[1, 2], []])).toBe('- - 1\n  - 2\n- []\n');
  });

  it("formats floats with Go's %g", () => {
    expect([1.5, 1234567.5, 0.0001, 0.00001, 1e21, -2.5e-7].map(formatG)).toEqual(['1.5', '1.2345675e+06', '0.0001', '1e-05', '1e+21', '-2.5e-07']);
  });
});

import { describe, expect, it } from 'vitest';
import { goJsonMap, goYamlLess, shellQuote, sortedForGoYaml } from '../../../../src/core/workload/go-order.js';

describe("istioctl's Go orderings and quoting", () => {
  it("sorts keys as go-yaml does: '_' before letters, digit runs by value", () => {
    const keys = ['ISTIO_METAJSON_LABELS', 'ISTIO_META_WORKLOAD_NAME', 'b10', 'b9', 'a', 'B'];
    expect(keys.sort((a, b) => (goYamlLess(a, b) ? -1 : goYamlLess(b, a) ? 1 : 0))).toEqual([
      'B',
      'ISTIO_META_WORKLOAD_NAME',
      'ISTIO_METAJSON_LABELS',
      'a',
      'b9',
      'b10',
    ]);
    expect(Object.keys(sortedForGoYaml({ z: 1, a: { y: 1, b: 2 } }) as object)).toEqual(['a', 'z']);
  });

  it.each([
    ['', "''"],
    ['latest', "'latest'"],
    ['w', 'w'],
    ['a.b', "'a.b'"],
    ['-.,:/', '-.,:/'],
    ["it's", `'it'"'"'s'`],
  ])('shellQuote(%j) = %s', (input, output) => {
    expect(shellQuote(input)).toBe(output);
  });

  it('writes JSON maps as Go does: byte-ordered keys, <>& escaped', () => {
    expect(goJsonMap({ b: '<x>', a: '&' })).toBe('{"a":"\\u0026","b":"\\u003cx\\u003e"}');
  });
});

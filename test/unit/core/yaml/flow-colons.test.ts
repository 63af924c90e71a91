/**
 * Flow scalars ending in ':' read as kubectl reads them (go-yaml v2 via sigs.k8s.io/yaml, checked with its
 * YAMLToJSON): `[2001:db8::]` is ["2001:db8::"], `[x:, y]` is ["x:", true], `{b: c:}` is {b: "c:"}.
 */
import { describe, expect, it } from 'vitest';
import { loadDocuments } from '../../../../src/core/yaml/load.js';
import { quoteFlowColonScalars } from '../../../../src/core/yaml/flow-colons.js';

const read = (text: string) => loadDocuments(text, 'in.yaml')[0]!.value;

describe('flow scalars ending in a colon', () => {
  it.each([
    ['a: [2001:db8::]', { a: ['2001:db8::'] }],
    ['a: [x:, y]', { a: ['x:', true] }],
    ['a: {b: c:}', { a: { b: 'c:' } }],
    ['addresses: [10.0.0.1, "fd00::", 2001:db8::]\n', { addresses: ['10.0.0.1', 'fd00::', '2001:db8::'] }],
    ['a:\n- [2001:db8::, 2001:db8::1]\n', { a: [['2001:db8::', '2001:db8::1']] }],
  ])('%j', (text, value) => {
    expect(read(text)).toEqual(value);
  });

  it('leaves what both readers agree on alone', () => {
    for (const text of ['a: [x: 1]', 'a: {x:1}', 'a: [http://foo]', 'a: [a:b]', 'a: b:]', 'a: "[x:]"', "a: 'x:,'", 'a: [x] # [y:]']) {
      expect(quoteFlowColonScalars(text), text).toBe(text);
    }
    expect(read('a: [x: 1]')).toEqual({ a: [{ x: 1 }] });
    expect(read('a: b:]')).toEqual({ a: 'b:]' });
  });

  it('never touches block scalars, whatever brackets their lines hold', () => {
    const text = 'data:\n  script: |\n    [x:]\n    {y: z:}\n  other: [v:]\n';
    expect(read(text)).toEqual({ data: { script: '[x:]\n{y: z:}\n', other: ['v:'] } });
  });

  it('skips quoted scalars, including ones holding brackets and quotes', () => {
    expect(read(`a: ["it''s [x:]", 'b:', c:]`)).toEqual({ a: ["it''s [x:]", 'b:', 'c:'] });
  });
});

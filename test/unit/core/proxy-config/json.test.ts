import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import { findJsonError, lineCol, parseJson } from '../../../../src/core/proxy-config/json.js';

describe('parseJson', () => {
  it('parses valid JSON with one JSON.parse', () => {
    expect(parseJson('{"configs": [1, "a", null, true, -1.5e3]}', 'f.json')).toEqual({ configs: [1, 'a', null, true, -1500] });
  });

  it.each([
    ['{"a":}', 1, 6, 'expected a value but found character "}"'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' but found character \"\\\"\""],
    ['{\n  "a" 1}', 2, 7, "expected ':' after the property name"],
    ['[1, 2,]', 1, 7, 'expected a value but found character "]"'],
    ['{"configs": [', 1, 14, 'expected a value but found end of input'],
    ['', 1, 1, 'the input is empty'],
    ['{"a": "x\ty"}', 1, 9, 'control character in string'],
    ['{"a": 1} x', 1, 10, 'after the end of the document'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": "unterminated', 1, 7, 'unterminated string'],
  ])('reports %j at its line and column', (text, line, col, reason) => {
    let error: unknown;
    try {
      parseJson(text, 'dump.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(new RegExp(`^dump\\.json:${line}:${col}: not valid JSON: `));
    expect((error as Error).message).toContain(reason);
  });

  it('scans deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}1${']'.repeat(199_999)}`;
    expect(findJsonError(deep)).toEqual({ offset: deep.length, reason: "expected ',' or ']' but found end of input" });
  });

  it('counts lines and columns from 1', () => {
    expect(lineCol('ab\ncd\nef', 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol('ab\ncd\nef', 4)).toEqual({ line: 2, col: 2 });
    expect(lineCol('ab\ncd\nef', 6)).toEqual({ line: 3, col: 1 });
  });
});

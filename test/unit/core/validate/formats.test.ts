/** Go durations, RE2 compatibility and base64. */
import { describe, expect, it } from 'vitest';
import { isBase64, parseDuration, re2Error } from '../../../../src/core/validate/formats.js';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['1ms', 1e6],
    ['1.5s', 1.5e9],
    ['1h30m', 5400e9],
    ['250us', 250e3],
    ['2µs', 2e3],
    ['-1s', -1e9],
    ['.5s', 0.5e9],
  ])('%s = %d ns', (text, ns) => {
    expect(parseDuration(text)).toBe(ns);
  });
  it.each(['', '1', '10 s', 's', '1d', '1s2', 'abc', '1.s.'])('rejects %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('re2Error', () => {
  it.each(['^/api/v[0-9]+/.*$', '(?i)^foo', '(?P<name>x+)', '[[:alpha:]]+', 'a\\.b', '\\Afoo\\z'])('accepts %s', (p) => expect(re2Error(p)).toBeUndefined());
  it.each([
    ['foo(?=bar)', 'lookahead'],
    ['(?<!a)b', 'lookbehind'],
    ['(a)\\1', 'backreferences'],
    ['a++', 'possessive'],
    ['(?>a)', 'atomic'],
    ['[a-', 'invalid regular expression'],
    ['(', 'invalid regular expression'],
  ])('rejects %s', (p, reason) => expect(re2Error(p)).toContain(reason));
});

describe('isBase64', () => {
  it.each(['', 'aGVsbG8=', 'aGk='])('accepts %j', (t) => expect(isBase64(t)).toBe(true));
  it.each(['hello!', 'aGVsbG8', 'a=b='])('rejects %j', (t) => expect(isBase64(t)).toBe(false));
});

describe('null fields', () => {
  it('are rejected as the API server does (it does not prune them for Istio CRDs)', async () => {
    const { validateSpec } = await import('./helpers.js');
    const found = await validateSpec('WasmPlugin', { url: null });
    expect(found.map((d) => `${d.path}: ${d.message}`)).toEqual(['spec.url: must be a string, got null']);
  });
  it('spec is required for the kinds whose CRD requires it', async () => {
    const { validateSpec } = await import('./helpers.js');
    const found = await validateSpec('ServiceEntry', undefined);
    expect(found.map((d) => d.message)).toContain('missing required field "spec"');
  });
});

// The pure parts of the real-istiod harness (test/integration): the structural comparison of injected pods
// and the reading of istiod's log, which decide whether an integration test passes.
import { describe, expect, it } from 'vitest';
import { failureLine, listenerFlags, refusedConfigLine } from '../../integration/helpers/istiod-process.js';
import { structuralDiff } from '../../integration/istiod/structure.js';

describe('structuralDiff', () => {
  it('accepts fields only the API server added, and its random ServiceAccount token volume on either side', () => {
    const expected = { containers: [{ name: 'app', image: 'a' }], volumes: [{ name: 'data' }, { name: 'kube-api-access-abcde' }] };
    const actual = {
      containers: [{ name: 'app', image: 'a', imagePullPolicy: 'IfNotPresent' }],
      volumes: [{ name: 'data' }, { name: 'kube-api-access-xyz12' }],
      tolerations: [{ key: 'x' }],
    };
    expect(structuralDiff(expected, actual)).toEqual([]);
  });

  it('names a changed value, a missing or unexpected named entry, and another order', () => {
    expect(structuralDiff({ env: [{ name: 'A', value: '1' }] }, { env: [{ name: 'A', value: '2' }] })).toEqual(['env[A].value: expected "1", got "2"']);
    expect(structuralDiff({ c: [{ name: 'a' }, { name: 'b' }] }, { c: [{ name: 'a' }, { name: 'x' }] })).toEqual(['c: b is missing', 'c: unexpected x']);
    expect(structuralDiff({ c: [{ name: 'a' }, { name: 'b' }] }, { c: [{ name: 'b' }, { name: 'a' }] })).toEqual(['c: order b,a, expected a,b']);
    expect(structuralDiff({ args: ['x', 'y'] }, { args: ['x'] })).toEqual(['args: expected ["x","y"], got ["x"]']);
  });

  it('compares JSON annotation values as JSON, whatever the key order', () => {
    expect(structuralDiff({ a: '{"x":1,"y":[2]}' }, { a: '{"y":[2],"x":1}' })).toEqual([]);
    expect(structuralDiff({ a: '{"x":1}' }, { a: '{"x":2}' })).toEqual(['a(json).x: expected 1, got 2']);
  });
});

describe("istiod's log", () => {
  const log = [
    '2026-12-04T21:45:40Z\tinfo\tstarting',
    '2026-12-04T21:45:40Z\terror\tcontrollers\twebhook is not ready',
    'Error: failed to create discovery service: x',
    '',
  ].join('\n');

  it('the failure line is its last error', () => {
    expect(failureLine(log)).toBe('Error: failed to create discovery service: x');
    expect(failureLine('a\nb\n')).toBe('b');
  });

  it('a refused configuration is found by what istiod says about it', () => {
    expect(refusedConfigLine(log)).toBeUndefined();
    const refused = '2026-12-04T21:45:40Z\twarn\tinvalid mesh config, using last known state: failed to convert to proto';
    expect(refusedConfigLine(`${log}\n${refused}`)).toBe(refused);
  });

  it('every listener is moved to loopback', () => {
    const flags = listenerFlags({ http: 1, https: 2, grpc: 3, secureGrpc: 4, monitoring: 5, ctrlz: 6 });
    expect(flags.filter((f) => /Addr=/.test(f)).every((f) => f.includes('=127.0.0.1:'))).toBe(true);
    expect(flags).toContain('--ctrlz_port=6');
  });
});

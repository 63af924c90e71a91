/** The Go library behaviour the ztunnel views depend on: net.SplitHostPort, big.Int's %x, time.Parse(RFC3339). */
import { describe, expect, it } from 'vitest';
import { joinHostPort, splitHostPort } from '../../../../src/core/ztunnel/connections.js';
import { certValid, parseRfc3339, serialHex } from '../../../../src/core/ztunnel/policies.js';
import { sortByParts } from '../../../../src/core/ztunnel/workloads.js';

describe('splitHostPort and joinHostPort', () => {
  it.each([
    ['10.0.0.1:80', ['10.0.0.1', '80']],
    ['[fd00::1]:15008', ['fd00::1', '15008']],
    ['host:', ['host', '']],
    ['10.0.0.1', undefined],
    ['fd00::1:80', undefined],
    ['[fd00::1]', undefined],
    ['[a]b:80', undefined],
  ])('splits %s as Go does', (input, want) => {
    expect(splitHostPort(input)).toEqual(want);
  });

  it('brackets IPv6 hosts', () => {
    expect(joinHostPort('fd00::1', '80')).toBe('[fd00::1]:80');
    expect(joinHostPort('reviews.bookinfo.svc.cluster.local', '9080')).toBe('reviews.bookinfo.svc.cluster.local:9080');
  });
});

describe('certificates', () => {
  it('prints decimal serial numbers in hex, and <nil> for anything else', () => {
    // A 128-bit serial as ztunnel writes it (decimal) and as openssl prints it (hex).
    expect(serialHex('119936272416997304910922693538270864666')).toBe('5a3ae2c6d7e2a0b3f7a2f0c8d1a6e51a');
    expect(serialHex('255')).toBe('ff');
    expect(serialHex('-255')).toBe('-ff');
    expect(serialHex('+16')).toBe('10');
    expect(serialHex('0xff')).toBe('<nil>');
    expect(serialHex('')).toBe('<nil>');
  });

  it('reads RFC 3339 times as time.Parse does', () => {
    expect(parseRfc3339('2026-11-01T00:00:00Z')).toBe(Date.UTC(2026, 10, 1));
    expect(parseRfc3339('2026-11-01T02:00:00.5+02:00')).toBe(Date.UTC(2026, 10, 1, 0, 0, 0, 500));
    for (const bad of ['2026-11-01', '2026-02-30T00:00:00Z', '2026-11-01T24:00:00Z', '2026-11-01 00:00:00Z', '']) expect(parseRfc3339(bad)).toBeUndefined();
  });

  it('is valid strictly between its times', () => {
    const cert = { pem: '', serialNumber: '1', validFrom: '2026-11-01T00:00:00Z', expirationTime: '2036-11-01T00:00:00Z' };
    expect(certValid(cert, Date.UTC(2026, 11, 1))).toBe(true);
    expect(certValid(cert, Date.UTC(2026, 10, 1))).toBe(false);
    expect(certValid({ ...cert, validFrom: 'soon' }, Date.UTC(2026, 11, 1))).toBe(false);
  });
});

describe('sortByParts', () => {
  it('sorts by each part in turn, a shorter part first, ties in their order', () => {
    const rows = [
      ['ab', 'z', 1],
      ['a', 'y', 2],
      ['ab', 'a', 3],
      ['a', 'y', 4],
      ['a.b', '', 5],
    ] as const;
    expect(sortByParts(rows, (r) => [r[0], r[1]]).map((r) => r[2])).toEqual([2, 4, 5, 3, 1]);
  });
});

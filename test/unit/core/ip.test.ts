import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipFamily } from '../../../src/core/ip.js';

// node:net's isIP is the oracle: core/ip.ts replaces it and must agree with it everywhere.
const CASES = [
  '',
  '1.2.3.4',
  '0.0.0.0',
  '255.255.255.255',
  '256.1.1.1',
  '01.2.3.4',
  '1.2.3',
  '1.2.3.4.5',
  '1.2.3.4 ',
  ' 1.2.3.4',
  '1..2.3',
  '1.2.3.-4',
  '::',
  '::1',
  '1::',
  '1::2',
  ':1',
  '1:',
  ':::',
  '1:::2',
  '::1::2',
  'fe80::1%eth0',
  'fe80::1%',
  'fe80::1%a b',
  '1.2.3.4%eth0',
  '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4:5:6:7',
  '1:2:3:4:5:6:7::',
  '::1:2:3:4:5:6:7',
  '::1:2:3:4:5:6:7:8',
  '1:2:3:4::5:6:7:8',
  '::ffff:1.2.3.4',
  '::1.2.3.4',
  '1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4',
  '1:2:3:4:5::1.2.3.4',
  '1.2.3.4::',
  '1.2.3.4::1',
  '::1.2.3.4:1',
  '::ffff:01.2.3.4',
  '12345::',
  'g::1',
  'ABCD:EF01::',
  '2001:db8::/32',
  '[::1]',
  'localhost',
  '1:2:3:4:5:6:7:8%z',
  '::%1',
  'fe80::1%eth0%1',
];

describe('ipFamily', () => {
  it.each(CASES)('agrees with net.isIP on %j', (text) => {
    expect(ipFamily(text)).toBe(isIP(text));
  });

  it('agrees with net.isIP on generated addresses and near-misses', () => {
    const group = fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{1,5}$/), fc.constantFrom('', '1.2.3.4', '300.1.1.1', 'x'));
    const v6 = fc.array(group, { minLength: 1, maxLength: 10 }).map((g) => g.join(':'));
    const v4 = fc
      .array(fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('01', '', '00')), { minLength: 3, maxLength: 5 })
      .map((p) => p.join('.'));
    const zone = fc.option(fc.constantFrom('%eth0', '%', '%1', '%a/b'), { nil: '' });
    fc.assert(
      fc.property(fc.oneof(v6, v4), zone, (address, z) => {
        expect(ipFamily(address + z)).toBe(isIP(address + z));
      }),
      { numRuns: 3000 },
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/errors.js';
import { parseLoggers, planLogChanges } from '../../../../src/core/proxy-config/logging.js';
import { asConfigDump } from '../../../../src/core/proxy-config/dump.js';
import { describeCertificate, rootCertificates, secretTable, shareRootCertificate } from '../../../../src/core/proxy-config/secrets.js';
import { renderProxyTable } from '../../../../src/render/proxy-config.js';

const cert = (name: string) => readFileSync(new URL(`../../../fixtures/proxy-config/certs/${name}`, import.meta.url), 'utf8');

describe('certificates', () => {
  it('reads type, serial, dates and the SPIFFE trust domain of the first certificate of a chain', () => {
    expect(describeCertificate(cert('workload-chain.pem'), new Date('2026-12-01T00:00:00Z'))).toEqual({
      type: 'Cert Chain',
      valid: true,
      serialNumber: '3a7c91e2d4b5f60718293a4b5c6d7e90',
      notBefore: '2026-11-21T08:00:00Z',
      notAfter: '2036-11-22T08:00:00Z',
      trustDomain: 'cluster.local',
    });
    expect(describeCertificate(cert('root-ca.pem'), new Date('2026-12-01T00:00:00Z'))).toMatchObject({ type: 'CA', valid: true, trustDomain: '' });
  });

  it('is not valid before notBefore or after notAfter', () => {
    expect(describeCertificate(cert('gateway-expired.pem'), new Date('2026-11-21T00:00:00Z')).valid).toBe(false);
    expect(describeCertificate(cert('gateway-expired.pem'), new Date('2025-06-01T00:00:00Z')).valid).toBe(true);
    expect(describeCertificate(cert('gateway-expired.pem'), new Date('2025-01-01T00:00:00Z')).valid).toBe(false);
  });

  it('gives an invalid, empty item for data that is not a certificate', () => {
    expect(describeCertificate('not a certificate', new Date())).toEqual({
      type: '',
      valid: false,
      serialNumber: '',
      notAfter: '',
      notBefore: '',
      trustDomain: '',
    });
  });

  it('adds a TRUST DOMAIN column only when every secret has one', () => {
    const base = { type: 'CA', state: 'ACTIVE', valid: true, serialNumber: '01', notAfter: 'a', notBefore: 'b' };
    expect(
      renderProxyTable(
        secretTable([
          { ...base, name: 'x', trustDomain: 'td1' },
          { ...base, name: 'y', trustDomain: 'td2' },
        ]),
      ),
    ).toMatch(/TRUST DOMAIN\n.*td1\n.*td2\n$/);
    expect(
      renderProxyTable(
        secretTable([
          { ...base, name: 'x', trustDomain: 'td1' },
          { ...base, name: 'y', trustDomain: '' },
        ]),
      ),
    ).not.toContain('TRUST DOMAIN');
  });
});

describe('log levels', () => {
  const answer = 'active loggers:\n  admin: warning\n  http: warning\n  rbac: info\n  config: warning\n';

  it('parses the loggers Envoy lists', () => {
    expect(parseLoggers(answer)).toEqual({ admin: 'warning', http: 'warning', rbac: 'info', config: 'warning' });
  });

  it.each([
    [undefined, false, []],
    ['debug', false, ['level=debug']],
    ['http:debug,rbac=trace', false, ['http=debug', 'rbac=trace']],
    ['warn,http:debug,envoy::admin:error', false, ['level=warning', 'http=debug', 'admin=error']],
    ['level:error', false, ['level=error']],
    [undefined, true, ['level=warning']],
  ])('plans --level %s --reset %s', (spec, reset, plan) => {
    expect(planLogChanges(spec, reset, Object.keys(parseLoggers(answer)))).toEqual(plan);
  });

  it('uses the injector level for --reset', () => {
    expect(planLogChanges(undefined, true, [], 'info')).toEqual(['level=info']);
  });

  it.each([
    ['xxx', 'unrecognized logging level "xxx"'],
    ['http:yyy', 'unrecognized logging level "yyy"'],
    ['nope:debug', 'unrecognized logger name "nope"'],
  ])('rejects --level %s before changing anything', (spec, message) => {
    expect(() => planLogChanges(spec, false, ['http'])).toThrow(UsageError);
    expect(() => planLogChanges(spec, false, ['http'])).toThrow(message);
  });

  it('rejects --level with --reset', () => {
    expect(() => planLogChanges('debug', true, [])).toThrow('--level cannot be combined with --reset');
  });
});

describe('root CA comparison', () => {
  const dumpWith = (...pems: string[]) =>
    asConfigDump(
      {
        configs: [
          {
            '@type': 'type.googleapis.com/envoy.admin.v3.SecretsConfigDump',
            dynamic_active_secrets: [
              {
                name: 'default',
                secret: { tls_certificate: { certificate_chain: { inline_bytes: Buffer.from(cert('workload-chain.pem')).toString('base64') } } },
              },
              { name: 'ROOTCA', secret: { validation_context: { trusted_ca: { inline_bytes: Buffer.from(pems.join('')).toString('base64') } } } },
            ],
          },
        ],
      },
      'x',
    );

  it('reads every certificate of the ROOTCA bundle, not the workload chain', () => {
    expect(rootCertificates(dumpWith(cert('root-ca.pem'), cert('gateway-expired.pem')))).toHaveLength(2);
    expect(rootCertificates(asConfigDump({ configs: [] }, 'x'))).toEqual([]);
  });

  it('matches bundles that share one certificate', () => {
    const a = rootCertificates(dumpWith(cert('root-ca.pem')));
    const both = rootCertificates(dumpWith(cert('gateway-expired.pem'), cert('root-ca.pem')));
    const other = rootCertificates(dumpWith(cert('gateway-expired.pem')));
    expect(shareRootCertificate(a, both)).toBe(true);
    expect(shareRootCertificate(a, other)).toBe(false);
  });
});

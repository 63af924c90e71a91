/**
 * `proxy-config secret`: the SDS secrets Envoy holds (the workload certificate `default`, the trust bundle `ROOTCA`,
 * gateway credentials), with what their certificates say. Certificates are parsed with node:crypto; the clock is a
 * parameter so the validity column is testable.
 */
import { X509Certificate } from 'node:crypto';
import { sections, type ConfigDump } from './dump.js';
import { field, list, obj, str, typeName } from './fields.js';
import type { TableModel } from './table.js';

/** One secret (or one trust domain's bundle of a SPIFFE validator), summarised. */
export interface SecretSummary {
  /** The SDS resource name (`default`, `ROOTCA`, `kubernetes://credential`). */
  name: string;
  /** `CA` or `Cert Chain`; '' when there is no certificate to read. */
  type: string;
  /** ACTIVE, WARMING, or UNINITIALIZED (an active secret Envoy is still waiting for). */
  state: string;
  /** The first certificate parses and `now` lies within its validity. */
  valid: boolean;
  /** Lower-case hex, 32 digits at least (istioctl's format). */
  serialNumber: string;
  /** RFC 3339, UTC. */
  notAfter: string;
  notBefore: string;
  /** From the SPIFFE validator, or the certificate's spiffe:// URI SAN. */
  trustDomain: string;
}

function dataSource(source: unknown): string {
  const bytes = str(source, 'inlineBytes');
  if (bytes) return Buffer.from(bytes, 'base64').toString('utf8');
  return str(source, 'inlineString');
}

function rfc3339(date: string): string {
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Reads the first PEM certificate of `pem`; an unreadable one gives an invalid item without details. */
export function describeCertificate(pem: string, now: Date, trustDomain = ''): Omit<SecretSummary, 'name' | 'state'> {
  const empty = { type: '', valid: false, serialNumber: '', notAfter: '', notBefore: '', trustDomain };
  if (!pem.trim()) return empty;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    return empty;
  }
  const notBefore = rfc3339(cert.validFrom);
  const notAfter = rfc3339(cert.validTo);
  const spiffe = /(?:^|, )URI:spiffe:\/\/([^/,\s]+)/.exec(cert.subjectAltName ?? '');
  return {
    type: cert.ca ? 'CA' : 'Cert Chain',
    valid: now.getTime() > new Date(cert.validFrom).getTime() && now.getTime() < new Date(cert.validTo).getTime(),
    serialNumber: BigInt(`0x${cert.serialNumber || '0'}`)
      .toString(16)
      .padStart(32, '0'),
    notAfter,
    notBefore,
    trustDomain: trustDomain || spiffe?.[1] || '',
  };
}

function summarise(entry: unknown, state: string, now: Date): SecretSummary[] {
  const name = str(entry, 'name');
  const secret = field(entry, 'secret');
  const chain = dataSource(field(field(secret, 'tlsCertificate'), 'certificateChain'));
  const ca = dataSource(field(field(secret, 'validationContext'), 'trustedCa'));
  if (!chain && !ca) {
    const validator = obj(secret, 'validationContext', 'customValidatorConfig', 'typedConfig');
    if (validator && typeName(validator).endsWith('SPIFFECertValidatorConfig')) {
      return list(validator, 'trustDomains').map((td) => ({ name, state, ...describeCertificate(dataSource(field(td, 'trustBundle')), now, str(td, 'name')) }));
    }
  }
  return [{ name, state, ...describeCertificate(chain || ca, now) }];
}

/** Warming then active secrets of the dump, in dump order. */
export function readSecrets(dump: ConfigDump, now: Date): SecretSummary[] {
  const out: SecretSummary[] = [];
  for (const section of sections(dump, 'SecretsConfigDump')) {
    for (const s of list(section, 'dynamicWarmingSecrets')) out.push(...summarise(s, 'WARMING', now));
    for (const s of list(section, 'dynamicActiveSecrets')) {
      // Envoy lists a secret it has asked for but not yet received with version "uninitialized".
      const state = str(s, 'versionInfo') === 'uninitialized' ? 'UNINITIALIZED' : 'ACTIVE';
      out.push(...summarise(s, state, now));
    }
  }
  return out;
}

/** The secret table; a TRUST DOMAIN column when every secret has one (trust domain federation). */
export function secretTable(secrets: readonly SecretSummary[], typed = false): TableModel {
  const withDomain = secrets.every((s) => s.trustDomain !== '');
  const header = ['RESOURCE NAME', 'TYPE', 'STATUS', 'VALID CERT', 'SERIAL NUMBER', 'NOT AFTER', 'NOT BEFORE', ...(withDomain ? ['TRUST DOMAIN'] : [])];
  const rows = secrets.map((s) => [
    `${typed ? 'secret/' : ''}${s.name}`,
    s.type,
    s.state,
    String(s.valid),
    s.serialNumber,
    s.notAfter,
    s.notBefore,
    ...(withDomain ? [s.trustDomain] : []),
  ]);
  return { header, rows, empty: 'No active or warming secrets found.' };
}

/** The certificates of the ROOTCA secret (trust bundle) of a dump, DER-encoded; [] when there is none. */
export function rootCertificates(dump: ConfigDump): Buffer[] {
  const out: Buffer[] = [];
  for (const section of sections(dump, 'SecretsConfigDump')) {
    for (const s of list(section, 'dynamicActiveSecrets')) {
      if (str(s, 'name') !== 'ROOTCA') continue;
      const pem = dataSource(field(field(field(s, 'secret'), 'validationContext'), 'trustedCa'));
      for (const block of pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []) {
        try {
          out.push(new X509Certificate(block).raw);
        } catch {
          // A block that does not parse cannot match anything; the others still count.
        }
      }
    }
  }
  return out;
}

/** Whether two trust bundles share a certificate (then the two proxies can verify each other's chains). */
export function shareRootCertificate(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  return a.some((x) => b.some((y) => x.equals(y)));
}

/** The `policy` and `certificate` views, as istioctl's policies.go and certificates.go print them. */
import { compareStrings } from '../tree.js';
import type { Cert, Policy } from './types.js';
import type { ZtunnelDump } from './dump.js';
import type { ZtunnelTable } from './workloads.js';

/** The policies of `--policy-namespace` (all when empty, case-insensitive), by namespace then name. */
export function filterPolicies(dump: ZtunnelDump, namespace = ''): Policy[] {
  const ns = namespace.toLowerCase();
  const pols = (dump.policies ?? []).filter((p) => !namespace || p.namespace === namespace || p.namespace.toLowerCase() === ns);
  return pols.sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name));
}

/** `policy` in short form: NAMESPACE POLICY NAME ACTION SCOPE. */
export function policyTable(dump: ZtunnelDump, namespace = ''): ZtunnelTable {
  return {
    header: ['NAMESPACE', 'POLICY NAME', 'ACTION', 'SCOPE'],
    rows: filterPolicies(dump, namespace).map((p) => [p.namespace, p.name, p.action, p.scope]),
    padding: 1,
  };
}

/**
 * A serial number as istioctl prints it: the decimal text ztunnel writes, in lower-case hex (`big.Int.SetString`
 * base 10, then `%x`); `<nil>` when it is not a decimal number.
 */
export function serialHex(serial: string): string {
  if (!/^[+-]?\d+$/.test(serial)) return '<nil>';
  const n = BigInt(serial);
  return n < 0n ? `-${(-n).toString(16)}` : n.toString(16);
}

// time.Parse(time.RFC3339, ...): fractional seconds are accepted, the offset is Z or ±hh:mm.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch of an RFC 3339 time, or undefined when Go's time.Parse would refuse it. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || s > 59) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  const offset = m[9] === undefined ? 0 : (m[8]!.startsWith('-') ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000;
  // Sub-millisecond digits only matter at the exact instant: keep the milliseconds.
  const frac = m[7] ? Number(m[7].slice(1, 4).padEnd(3, '0')) : 0;
  return Date.UTC(y, mo - 1, d, h, mi, s, frac) - offset;
}

/** istioctl's certNotExpired: both times parse and `now` lies strictly between them. */
export function certValid(cert: Cert, now: number): boolean {
  if (cert.expirationTime === '' && cert.validFrom === '') return false;
  const exp = parseRfc3339(cert.expirationTime);
  const from = parseRfc3339(cert.validFrom);
  return exp !== undefined && from !== undefined && now > from && now < exp;
}

const orNA = (s: string): string => s || 'NA';

/**
 * `certificate` in short form: one row per certificate of each identity's chain (Leaf, then Intermediate, and
 * Root for the last one of a chain without separate root certificates, as older ztunnels wrote them), then the
 * roots; an identity without certificates gets one row of NA. `now` decides VALID CERT.
 */
export function certificateTable(dump: ZtunnelDump, now: number): ZtunnelTable {
  const rows: string[][] = [];
  for (const secret of dump.certificates ?? []) {
    const state = secret.state.includes('Unavailable') ? 'Unavailable' : secret.state;
    const chain = secret.certChain ?? [];
    const roots = secret.rootCerts ?? [];
    if (chain.length === 0) {
      rows.push([secret.identity, 'NA', state, 'false', 'NA', 'NA', 'NA']);
      continue;
    }
    const row = (type: string, ca: Cert | null): string[] => {
      const c = ca ?? { pem: '', serialNumber: '', validFrom: '', expirationTime: '' };
      return [secret.identity, type, state, String(certValid(c, now)), serialHex(c.serialNumber), orNA(c.expirationTime), orNA(c.validFrom)];
    };
    chain.forEach((ca, i) => rows.push(row(i === 0 ? 'Leaf' : i === chain.length - 1 && roots.length === 0 ? 'Root' : 'Intermediate', ca)));
    for (const ca of roots) rows.push(row('Root', ca));
  }
  return { header: ['CERTIFICATE NAME', 'TYPE', 'STATUS', 'VALID CERT', 'SERIAL NUMBER', 'NOT AFTER', 'NOT BEFORE'], rows, padding: 5 };
}

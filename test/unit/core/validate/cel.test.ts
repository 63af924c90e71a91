/** Each CEL rule equivalent, with values the API server accepts and rejects. */
import { describe, expect, it } from 'vitest';
import { celCheck } from '../../../../src/core/validate/cel.js';

const cases: [rule: string, valid: unknown[], invalid: unknown[]][] = [
  ["duration(self) >= duration('1ms')", ['1ms', '10s', '1h30m', '1.5s'], ['0.5ms', '0s', 'ten', '10', '']],
  ['0 < self && self <= 65535', [1, 80, 65535], [0, 65536, -1]],
  ['!self.contains("*")', ['app', ''], ['a*', '*']],
  ['self.size() == 0', [''], ['other']],
  ['self != "*"', ['*.example.com'], ['*']],
  ['self.all(key, key.size() != 0)', [{ a: '1' }], [{ '': '1' }]],
  ['self.all(key, !key.contains("*"))', [{ app: 'x' }], [{ 'ap*': 'x' }]],
  [
    'self.all(key, size(key) < 63 && key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"))',
    [{ http: 1, 'grpc-web': 2 }],
    [{ '-x': 1 }, { ['a'.repeat(63)]: 1 }],
  ],
  ['self.all(key, 0 < int(key) && int(key) <= 65535)', [{ '8080': {} }], [{ '0': {} }, { http: {} }, { '70000': {} }]],
  ['self.all(l1, self.exists_one(l2, l1.number == l2.number))', [[{ number: 80 }, { number: 443 }]], [[{ number: 80 }, { number: 80 }]]],
  ['self in ["", "HTTP", "HTTPS"]', ['HTTP', ''], ['http', 'TCP']],
  ['has(self.address) || has(self.network)', [{ address: '1.1.1.1' }, { network: 'n1' }], [{}, { ports: {} }]],
  [
    '(has(self.address) ? self.address : "").startsWith("unix://") ? !has(self.ports) : true',
    [{ address: 'unix:///s' }, { address: '1.1.1.1', ports: { a: 1 } }],
    [{ address: 'unix:///s', ports: { a: 1 } }],
  ],
  ['self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true', ['unix:///a', 'unix://@a', '1.2.3.4'], ['unix://a']],
  ['self.startsWith("unix://") ? !self.endsWith("/") : true', ['unix:///a'], ['unix:///a/']],
  [
    '(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1',
    [{}, { selector: {} }],
    [{ selector: {}, targetRefs: [] }],
  ],
  ['(has(self.selector) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1', [{ targetRefs: [] }], [{ selector: {}, targetRefs: [] }]],
  ['(has(self.workloadSelector) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1', [{ workloadSelector: {} }], [{ workloadSelector: {}, targetRefs: [] }]],
  ['(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1', [{ endpoints: [] }], [{ workloadSelector: {}, endpoints: [] }]],
  [
    '(has(self.credentialName) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1',
    [{ credentialName: 'a' }],
    [{ credentialName: 'a', credentialNames: ['b'] }],
  ],
  ['(has(self.tlsCertificates) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1', [{ tlsCertificates: [] }], [{ tlsCertificates: [], credentialNames: [] }]],
  ['(has(self.jwksUri) ? 1 : 0) + (has(self.jwks_uri) ? 1 : 0) + (has(self.jwks) ? 1 : 0) <= 1', [{ jwks: '{}' }], [{ jwks: '{}', jwksUri: 'https://x' }]],
  ['has(self.wasm) != has(self.lua)', [{ wasm: {} }, { lua: {} }], [{}, { wasm: {}, lua: {} }]],
  [
    '!((has(self.addresses) ? self.addresses : []).exists(k, k.contains("/")) && !((has(self.resolution) ? self.resolution : "NONE") in ["STATIC", "NONE"]))',
    [{ addresses: ['10.0.0.0/8'] }, { addresses: ['10.0.0.1'], resolution: 'DNS' }],
    [{ addresses: ['10.0.0.0/8'], resolution: 'DNS' }],
  ],
  [
    '((has(self.resolution) ? self.resolution : "NONE") == "NONE") ? !has(self.endpoints) : true',
    [{ resolution: 'STATIC', endpoints: [] }],
    [{ endpoints: [] }],
  ],
  [
    '((has(self.resolution) ? self.resolution : "") == "DNS_ROUND_ROBIN") ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true',
    [{ resolution: 'DNS_ROUND_ROBIN', endpoints: [{}] }],
    [{ resolution: 'DNS_ROUND_ROBIN', endpoints: [{}, {}] }],
  ],
  [
    'has(self.context) ? ((self.context == "WAYPOINT") ? has(self.waypoint) : !has(self.waypoint)) : !has(self.waypoint)',
    [{}, { context: 'WAYPOINT', waypoint: {} }, { context: 'GATEWAY' }],
    [{ waypoint: {} }, { context: 'WAYPOINT' }, { context: 'ANY', waypoint: {} }],
  ],
  ['(has(self.valueFrom) ? self.valueFrom : "") != "HOST" || !has(self.value)', [{ valueFrom: 'HOST' }, { value: 'x' }], [{ valueFrom: 'HOST', value: 'x' }]],
  [
    '(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) && !has(self.notPrincipals) && !has(self.namespaces) && !has(self.notNamespaces)) : true',
    [{ serviceAccounts: ['a'] }, { principals: ['p'] }],
    [{ serviceAccounts: ['a'], namespaces: ['n'] }],
  ],
  [
    'has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true',
    [{ portLevelMtls: {}, selector: { matchLabels: { app: 'a' } } }],
    [{ portLevelMtls: {} }, { portLevelMtls: {}, selector: { matchLabels: {} } }],
  ],
  ['url(self).getScheme() in ["http", "https"]', ['https://example.com/jwks'], ['ftp://x', 'example.com/jwks']],
  [
    'isURL(self) ? (url(self).getScheme() in ["", "http", "https", "oci", "file"]) : (isURL("http://" + self) && url("http://" + self).getScheme() in ["", "http", "https", "oci", "file"])',
    ['oci://ghcr.io/a/b:1', 'ghcr.io/a/b:1', 'file:///opt/p.wasm', 'https://x/p.wasm'],
    ['ftp://x/p.wasm'],
  ],
  [
    '((has(self.operation) ? self.operation : "") == "UPSERT") ? (self.value != "") : true',
    [{ operation: 'UPSERT', value: 'x' }, {}],
    [{ operation: 'UPSERT' }, { operation: 'UPSERT', value: '' }],
  ],
  ['((has(self.operation) ? self.operation : "") == "REMOVE") ? !has(self.value) : true', [{ operation: 'REMOVE' }], [{ operation: 'REMOVE', value: 'x' }]],
];

describe.each(cases)('CEL %s', (rule, valid, invalid) => {
  const check = celCheck(rule)!;
  it('is implemented', () => expect(check).toBeTypeOf('function'));
  it.each(valid.map((v) => [JSON.stringify(v), v]))('accepts %s', (_, v) => expect(check(v)).toBe(true));
  it.each(invalid.map((v) => [JSON.stringify(v), v]))('rejects %s', (_, v) => expect(check(v)).toBe(false));
});

/** Case tables for the security, telemetry, extension, selector, exportTo and ProxyConfig rules. */
import { describe, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const tables: [rule: string, kind: string, cases: RuleCase[]][] = [
  [
    'authorizationpolicy.action',
    'AuthorizationPolicy',
    [
      { name: 'allow nothing (no rules)', spec: {}, expect: [] },
      { name: 'custom', spec: { action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{}] }, expect: [] },
      { name: 'custom without provider', spec: { action: 'CUSTOM', rules: [{}] }, expect: ['needs provider.name'] },
      { name: 'custom without rules', spec: { action: 'CUSTOM', provider: { name: 'x' } }, expect: ['never triggers'] },
      { name: 'provider with allow', spec: { action: 'ALLOW', provider: { name: 'x' }, rules: [{}] }, expect: ['only with action CUSTOM'] },
      { name: 'deny without rules', spec: { action: 'DENY' }, expect: ['never triggers'] },
    ],
  ],
  [
    'authorizationpolicy.rules',
    'AuthorizationPolicy',
    [
      {
        name: 'typical allow',
        spec: { rules: [{ from: [{ source: { principals: ['cluster.local/ns/a/sa/b'] } }], to: [{ operation: { methods: ['GET'], paths: ['/api/*'] } }] }] },
        expect: [],
      },
      { name: 'empty from', spec: { rules: [{ from: [] }] }, expect: ['`from` must not be empty'] },
      { name: 'empty source', spec: { rules: [{ from: [{ source: {} }] }] }, expect: ['source must set at least one field'] },
      { name: 'bad ip block', spec: { rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/40'] } }] }] }, expect: ['not a valid CIDR'] },
      { name: 'bad port', spec: { rules: [{ to: [{ operation: { ports: ['http'] } }] }] }, expect: ['not a valid port'] },
      { name: 'path templates', spec: { rules: [{ to: [{ operation: { paths: ['/a/{*}/b', '/{**}/path/x', '/a/{**}'] } }] }] }, expect: [] },
      {
        name: 'operator after {**}',
        spec: { rules: [{ to: [{ operation: { paths: ['/a/{**}/{*}'] } }] }] },
        expect: ['{**} must be the last template operator'],
      },
      { name: 'other braces', spec: { rules: [{ to: [{ operation: { paths: ['/a/{id}'] } }] }] }, expect: ['no other braces'] },
      {
        name: 'nested claims and trust domain',
        spec: {
          rules: [
            {
              when: [
                { key: 'request.auth.claims[a][b]', values: ['x'] },
                { key: 'source.trustDomain', values: ['td'] },
              ],
            },
          ],
        },
        expect: [],
      },
      { name: 'unknown condition key', spec: { rules: [{ when: [{ key: 'request.header[x]', values: ['a'] }] }] }, expect: ['unknown condition key'] },
      { name: 'condition without values', spec: { rules: [{ when: [{ key: 'source.ip' }] }] }, expect: ['needs values or notValues'] },
      {
        name: 'service account format',
        spec: { rules: [{ from: [{ source: { serviceAccounts: ['a/b/c'] } }] }] },
        expect: ['serviceAccount or namespace/serviceAccount'],
      },
      {
        name: 'deny on HTTP attributes warns',
        spec: { action: 'DENY', rules: [{ to: [{ operation: { methods: ['POST'] } }] }] },
        expect: ['denies all traffic to TCP ports'],
        severity: 'warning',
      },
    ],
  ],
  [
    'requestauthentication.jwt-rules',
    'RequestAuthentication',
    [
      {
        name: 'issuer and jwksUri',
        spec: { jwtRules: [{ issuer: 'https://accounts.example.com', jwksUri: 'https://accounts.example.com/jwks' }] },
        expect: [],
      },
      { name: 'neither issuer nor uri', spec: { jwtRules: [{ audiences: ['a'] }] }, expect: ['needs an issuer or a jwksUri'] },
      { name: 'jwks not JSON', spec: { jwtRules: [{ issuer: 'i', jwks: '{not json' }] }, expect: ['not valid JSON'] },
      { name: 'jwks without keys', spec: { jwtRules: [{ issuer: 'i', jwks: '{"k": 1}' }] }, expect: ['"keys" list'] },
      {
        name: 'private key material',
        spec: { jwtRules: [{ issuer: 'i', jwks: '{"keys":[{"kty":"RSA","n":"x","e":"AQAB","d":"secret"}]}' }] },
        expect: ['private key material'],
        severity: 'warning',
      },
      {
        name: 'duplicate issuer',
        spec: {
          jwtRules: [
            { issuer: 'i', jwksUri: 'https://a/j' },
            { issuer: 'i', jwksUri: 'https://b/j' },
          ],
        },
        expect: ['already used'],
        severity: 'warning',
      },
      {
        name: 'header set twice',
        spec: {
          jwtRules: [
            {
              issuer: 'i',
              outputClaimToHeaders: [
                { header: 'x-sub', claim: 'sub' },
                { header: 'X-Sub', claim: 'email' },
              ],
            },
          ],
        },
        expect: ['set twice'],
      },
    ],
  ],
  [
    'peerauthentication.ports',
    'PeerAuthentication',
    [
      { name: 'strict', spec: { mtls: { mode: 'STRICT' } }, expect: [] },
      { name: 'empty port map', spec: { selector: { matchLabels: { app: 'a' } }, portLevelMtls: {} }, expect: ['at least one port'] },
      { name: 'unset namespace-wide', spec: { mtls: { mode: 'UNSET' } }, expect: ['has no effect'], severity: 'warning' },
    ],
  ],
  [
    'telemetry.settings',
    'Telemetry',
    [
      { name: 'one tracing provider', spec: { tracing: [{ providers: [{ name: 'zipkin' }], randomSamplingPercentage: 10 }] }, expect: [] },
      {
        name: 'two tracing entries',
        spec: { tracing: [{ randomSamplingPercentage: 1 }, { randomSamplingPercentage: 2 }] },
        expect: ['only one tracing entry'],
        severity: 'warning',
      },
      { name: 'provider twice', spec: { accessLogging: [{ providers: [{ name: 'envoy' }, { name: 'envoy' }] }] }, expect: ['listed twice'] },
    ],
  ],
  [
    'extensions.plugin-settings',
    'WasmPlugin',
    [
      { name: 'oci url', spec: { url: 'oci://ghcr.io/acme/filter:1.0', vmConfig: { env: [{ name: 'A', value: '1' }] } }, expect: [] },
      { name: 'plain http warns', spec: { url: 'http://example.com/filter.wasm' }, expect: ['plain http'], severity: 'warning' },
      { name: 'duplicate env', spec: { url: 'oci://x/y', vmConfig: { env: [{ name: 'A' }, { name: 'A' }] } }, expect: ['duplicate environment variable'] },
    ],
  ],
  [
    'extensions.plugin-settings',
    'TrafficExtension',
    [
      { name: 'lua', spec: { lua: { inlineCode: 'function envoy_on_request(h) end' } }, expect: [] },
      {
        name: 'duplicate env',
        spec: { wasm: { url: 'oci://x/y', vmConfig: { env: [{ name: 'B' }, { name: 'B' }] } } },
        expect: ['duplicate environment variable'],
      },
    ],
  ],
  [
    'common.selector-labels',
    'AuthorizationPolicy',
    [
      { name: 'valid labels', spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } }, expect: [] },
      { name: 'bad key', spec: { selector: { matchLabels: { 'bad key': 'web' } } }, expect: ['invalid label key'] },
      { name: 'bad value', spec: { selector: { matchLabels: { app: 'web app' } } }, expect: ['invalid label value'] },
    ],
  ],
  [
    'common.export-to',
    'VirtualService',
    [
      { name: 'dot and namespace', spec: { hosts: ['a'], exportTo: ['.', 'other'], http: [{ route: [{ destination: { host: 'a' } }] }] }, expect: [] },
      { name: 'star mixed', spec: { hosts: ['a'], exportTo: ['*', 'other'], http: [{ route: [{ destination: { host: 'a' } }] }] }, expect: ['cannot mix *'] },
      {
        name: 'dot equals own namespace',
        spec: { hosts: ['a'], exportTo: ['.', 'ns'], http: [{ route: [{ destination: { host: 'a' } }] }] },
        expect: ['duplicate exportTo entry "ns"'],
      },
      {
        name: 'tilde only for service entries',
        spec: { hosts: ['a'], exportTo: ['~'], http: [{ route: [{ destination: { host: 'a' } }] }] },
        expect: ['only for ServiceEntries'],
      },
    ],
  ],
  [
    'proxyconfig.settings',
    'ProxyConfig',
    [
      { name: 'concurrency', spec: { concurrency: 2, image: { imageType: 'distroless' } }, expect: [] },
      { name: 'unknown image type', spec: { image: { imageType: 'slim' } }, expect: ['unknown image type'], severity: 'warning' },
    ],
  ],
];

describe.each(tables)('%s (%s)', (rule, kind, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => runRuleCase(rule, kind, c));
});

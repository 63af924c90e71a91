/** Case tables for the VirtualService semantic rules. */
import { describe, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const dest = (host: string, extra: Record<string, unknown> = {}) => ({ destination: { host }, ...extra });
const http = (...routes: unknown[]) => ({ hosts: ['reviews'], http: routes });

const tables: Record<string, RuleCase[]> = {
  'virtualservice.hosts': [
    { name: 'short name', spec: http({ route: [dest('reviews')] }), expect: [] },
    { name: 'wildcard suffix', spec: { hosts: ['*.example.com'], gateways: ['gw'], http: [{ route: [dest('r')] }] }, expect: [] },
    { name: 'IP host', spec: { hosts: ['10.0.0.1'], http: [{ route: [dest('r')] }] }, expect: [] },
    { name: 'bad label', spec: { hosts: ['bad_host'], http: [{ route: [dest('r')] }] }, expect: ['invalid host "bad_host"'] },
    { name: '* bound to mesh', spec: { hosts: ['*'], http: [{ route: [dest('r')] }] }, expect: ['wildcard host * is not allowed'] },
    { name: '* bound to a gateway', spec: { hosts: ['*'], gateways: ['gw'], http: [{ route: [dest('r')] }] }, expect: [] },
    { name: 'duplicate', spec: { hosts: ['a', 'A'], http: [{ route: [dest('r')] }] }, expect: ['duplicate host "A"'] },
    { name: 'no routes', spec: { hosts: ['a'] }, expect: ['needs at least one http, tcp or tls route'] },
    { name: 'delegate with gateways', spec: { gateways: ['gw'], http: [{ route: [dest('r')] }] }, expect: ['must not set gateways'] },
  ],
  'virtualservice.gateway-names': [
    { name: 'mesh and namespaced', spec: { hosts: ['a'], gateways: ['mesh', 'istio-system/gw', 'gw'], http: [{ route: [dest('a')] }] }, expect: [] },
    { name: 'too many slashes', spec: { hosts: ['a'], gateways: ['a/b/c'], http: [{ route: [dest('a')] }] }, expect: ['must be name or namespace/name'] },
    { name: 'bad namespace', spec: { hosts: ['a'], gateways: ['Bad_NS/gw'], http: [{ route: [dest('a')] }] }, expect: ['namespace'] },
    { name: 'in a match', spec: { hosts: ['a'], http: [{ match: [{ gateways: ['UPPER'] }], route: [dest('a')] }] }, expect: ['gateway "UPPER"'] },
  ],
  'virtualservice.http-actions': [
    { name: 'route', spec: http({ route: [dest('a')] }), expect: [] },
    { name: 'redirect', spec: http({ redirect: { uri: '/new' } }), expect: [] },
    { name: 'nothing', spec: http({ timeout: '1s' }), expect: ['needs one of route, redirect, directResponse or delegate'] },
    { name: 'route and redirect', spec: http({ route: [dest('a')], redirect: { uri: '/x' } }), expect: ['only one of route, redirect'] },
    {
      name: 'fault with directResponse',
      spec: http({ directResponse: { status: 503 }, fault: { abort: { httpStatus: 500 } } }),
      expect: ['fault injection has no effect'],
    },
    {
      name: 'mirror and mirrors',
      spec: http({ route: [dest('a')], mirror: { host: 'b' }, mirrors: [{ destination: { host: 'c' } }] }),
      expect: ['mirror or mirrors'],
    },
    { name: 'empty rewrite', spec: http({ route: [dest('a')], rewrite: {} }), expect: ['rewrite must set'] },
    { name: 'empty redirect', spec: http({ redirect: { redirectCode: 302 } }), expect: ['redirect must set at least one'] },
  ],
  'virtualservice.route-weights': [
    { name: 'one destination, no weight', spec: http({ route: [dest('a')] }), expect: [] },
    { name: 'weights sum to 100', spec: http({ route: [dest('a', { weight: 80 }), dest('b', { weight: 20 })] }), expect: [] },
    { name: 'no weights on two destinations', spec: http({ route: [dest('a'), dest('b')] }), expect: ['add up to 0'] },
    { name: 'negative', spec: http({ route: [dest('a', { weight: -10 }), dest('b', { weight: 110 })] }), expect: ['must not be negative'] },
    {
      name: 'sum 90 warns',
      spec: http({ route: [dest('a', { weight: 60 }), dest('b', { weight: 30 })] }),
      expect: ['add up to 90, not 100'],
      severity: 'warning',
    },
    { name: 'tcp', spec: { hosts: ['a'], tcp: [{ route: [dest('a', { weight: 0 }), dest('b', { weight: 0 })] }] }, expect: ['add up to 0'] },
  ],
  'virtualservice.http-policies': [
    { name: 'sane retries', spec: http({ route: [dest('a')], retries: { attempts: 3, retryOn: '5xx,connect-failure,503' } }), expect: [] },
    { name: 'negative attempts', spec: http({ route: [dest('a')], retries: { attempts: -1 } }), expect: ['attempts must not be negative'] },
    {
      name: 'unknown retryOn',
      spec: http({ route: [dest('a')], retries: { attempts: 1, retryOn: '5xx,sometimes' } }),
      expect: ['unknown retry condition "sometimes"'],
    },
    { name: 'abort status', spec: http({ route: [dest('a')], fault: { abort: { httpStatus: 700, percentage: { value: 10 } } } }), expect: ['HTTP status 700'] },
    {
      name: 'abort percentage',
      spec: http({ route: [dest('a')], fault: { abort: { httpStatus: 503, percentage: { value: 150 } } } }),
      expect: ['percentage 150'],
    },
    { name: 'redirect code', spec: http({ redirect: { uri: '/x', redirectCode: 200 } }), expect: ['not a 3xx'] },
    { name: 'cors method case', spec: http({ route: [dest('a')], corsPolicy: { allowMethods: ['GET', 'post'] } }), expect: ['"post" is not an HTTP method'] },
    { name: 'grpc status', spec: http({ route: [dest('a')], fault: { abort: { grpcStatus: 'BROKEN' } } }), expect: ['unknown gRPC status'] },
    {
      name: 'abort without status',
      spec: http({ route: [dest('a')], fault: { abort: { percentage: { value: 1 } } } }),
      expect: ['does nothing'],
      severity: 'warning',
    },
    { name: 'exponential delay', spec: http({ route: [dest('a')], fault: { delay: { exponentialDelay: '1s' } } }), expect: ['not supported yet'] },
    {
      name: 'mirror percent deprecated',
      spec: http({ route: [dest('a')], mirror: { host: 'b' }, mirrorPercent: 50 }),
      expect: ['deprecated'],
      severity: 'warning',
    },
  ],
  'virtualservice.matches': [
    { name: 'lower-case headers', spec: http({ match: [{ headers: { 'x-user': { exact: 'a' } } }], route: [dest('a')] }), expect: [] },
    { name: 'upper-case header', spec: http({ match: [{ headers: { 'X-User': { exact: 'a' } } }], route: [dest('a')] }), expect: ['must be lower case'] },
    {
      name: 'JWT claim routes are not headers',
      spec: http({
        match: [{ headers: { '@request.auth.claims.group': { exact: 'a' }, '@request.auth.claims[nested][key]': { exact: 'b' } } }],
        route: [dest('a')],
      }),
      expect: [],
    },
    {
      name: 'an empty claim name is still a bad header',
      spec: http({ match: [{ headers: { '@request.auth.claims.': { exact: 'a' } } }], route: [dest('a')] }),
      expect: ['must be lower case'],
    },
    { name: 'query prefix', spec: http({ match: [{ queryParams: { a: { prefix: 'x' } } }], route: [dest('a')] }), expect: ['only exact or regex'] },
    { name: 'empty prefix', spec: http({ match: [{ uri: { prefix: '' } }], route: [dest('a')] }), expect: ['prefix must not be empty'] },
    { name: 'bad sourceNamespace', spec: http({ match: [{ sourceNamespace: 'Bad' }], route: [dest('a')] }), expect: ['sourceNamespace "Bad"'] },
  ],
  'virtualservice.destinations': [
    {
      name: 'fqdn and subset',
      spec: http({
        route: [dest('reviews.prod.svc.cluster.local', {}), { destination: { host: 'r', subset: 'v1', port: { number: 9080 } } }].map((r, i) => ({
          ...r,
          weight: i ? 50 : 50,
        })),
      }),
      expect: [],
    },
    { name: 'wildcard destination', spec: http({ route: [dest('*')] }), expect: ['cannot be *'] },
    { name: 'subset with dots', spec: http({ route: [{ destination: { host: 'r', subset: 'v1.2' } }] }), expect: ['subset name "v1.2"'] },
    { name: 'port 0', spec: http({ route: [{ destination: { host: 'r', port: { number: 0 } } }] }), expect: ['port 0'] },
    { name: 'mirror host', spec: http({ route: [dest('a')], mirrors: [{ destination: { host: 'bad_host' } }] }), expect: ['invalid destination host'] },
  ],
  'virtualservice.header-operations': [
    {
      name: 'set, add, remove',
      spec: http({
        route: [dest('a', { headers: { response: { remove: ['x-debug'] } } })],
        headers: { request: { set: { 'x-env': 'prod', host: 'a.example.com' }, add: { 'x-pod': '%HOSTNAME%', 'x-pct': '100%%' } } },
      }),
      expect: [],
    },
    { name: 'pseudo header', spec: http({ route: [dest('a')], headers: { request: { set: { ':path': '/x' } } } }), expect: ['pseudo-header ":path"'] },
    { name: 'remove host', spec: http({ route: [dest('a')], headers: { request: { remove: ['Host'] } } }), expect: ['Host header cannot be changed'] },
    { name: 'response host', spec: http({ route: [dest('a', { headers: { response: { set: { host: 'x' } } } })] }), expect: ['Host header cannot be changed'] },
    {
      name: 'unterminated variable',
      spec: http({ route: [dest('a')], headers: { response: { add: { 'x-t': '%START_TIME%%' } } } }),
      expect: ['unterminated variable'],
    },
  ],
  'virtualservice.l4-routes': [
    {
      name: 'sni within hosts',
      spec: { hosts: ['*.example.com'], gateways: ['gw'], tls: [{ match: [{ sniHosts: ['a.example.com'] }], route: [dest('a')] }] },
      expect: [],
    },
    {
      name: 'sni outside hosts',
      spec: { hosts: ['a.example.com'], tls: [{ match: [{ sniHosts: ['b.example.com'] }], route: [dest('a')] }] },
      expect: ['SNI host "b.example.com"'],
    },
    {
      name: 'bad subnet',
      spec: { hosts: ['a'], tcp: [{ match: [{ destinationSubnets: ['10.0.0.0/33'] }], route: [dest('a')] }] },
      expect: ['not a valid CIDR'],
    },
  ],
};

describe.each(Object.entries(tables))('%s', (rule, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => runRuleCase(rule, 'VirtualService', c));
});

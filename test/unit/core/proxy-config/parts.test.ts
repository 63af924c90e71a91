import { describe, expect, it } from 'vitest';
import { matchesCluster, parseClusterName, type ClusterSummary } from '../../../../src/core/proxy-config/clusters.js';
import { healthName, matchesEndpoint } from '../../../../src/core/proxy-config/endpoints.js';
import { field, istioConfigName } from '../../../../src/core/proxy-config/fields.js';
import { matcherMatches } from '../../../../src/core/proxy-config/listener-matcher.js';
import { describeChainMatch } from '../../../../src/core/proxy-config/listeners.js';
import { describeDomains } from '../../../../src/core/proxy-config/routes.js';
import { describeMatch, describeRouteConfig } from '../../../../src/core/proxy-config/routes-describe.js';
import { renderProxyTable } from '../../../../src/render/proxy-config.js';

describe('cluster names', () => {
  it.each([
    ['outbound|9080|v1|reviews.bookinfo.svc.cluster.local', { direction: 'outbound', port: 9080, subset: 'v1', fqdn: 'reviews.bookinfo.svc.cluster.local' }],
    ['inbound|9080||', { direction: 'inbound', port: 9080, subset: '', fqdn: '' }],
    [
      'inbound-vip|8000|http|httpbin.default.svc.cluster.local',
      { direction: 'inbound-vip', port: 8000, subset: 'http', fqdn: 'httpbin.default.svc.cluster.local' },
    ],
    ['a|x|b|c|d', { direction: 'a', port: 0, subset: 'b', fqdn: '' }],
    ['PassthroughCluster', undefined],
    ['outbound|53|', undefined],
  ])('parses %s', (name, key) => {
    expect(parseClusterName(name)).toEqual(key);
  });

  it('filters on substrings of the name, and |port|', () => {
    const c = { name: 'outbound|9080|v2|reviews.bookinfo.svc.cluster.local' } as ClusterSummary;
    expect(matchesCluster(c, {})).toBe(true);
    expect(matchesCluster(c, { fqdn: 'reviews', direction: 'outbound', subset: 'v2', port: 9080 })).toBe(true);
    expect(matchesCluster(c, { port: 908 })).toBe(false);
    expect(matchesCluster(c, { direction: 'inbound' })).toBe(false);
  });
});

describe('listener chain matches', () => {
  it.each([
    [undefined, 'ALL'],
    [{}, 'ALL'],
    [{ server_names: ['a.com', 'b.com'] }, 'SNI: a.com,b.com'],
    [{ transport_protocol: 'tls', application_protocols: ['istio-peer-exchange', 'istio'] }, 'Trans: tls; App: TCP TLS'],
    [{ applicationProtocols: ['http/1.0', 'http/1.1', 'h2c'] }, 'App: HTTP'],
    [{ application_protocols: ['h2c', 'http/1.1'] }, 'App: h2c,http/1.1'],
    [{ destination_port: 9080 }, 'Addr: *:9080'],
    [{ destinationPort: { value: 15006 } }, 'Addr: *:15006'],
    [{ prefix_ranges: [{ address_prefix: '10.0.0.0', prefix_len: 8 }, { address_prefix: '::' }], destination_port: 80 }, 'Addr: 10.0.0.0/8,::/0:80'],
  ])('describes %j as %s', (match, text) => {
    expect(describeChainMatch(match)).toBe(text);
  });
});

describe('routes', () => {
  it.each([
    [[], ''],
    [['*'], '*'],
    [
      ['reviews.bookinfo.svc.cluster.local', 'reviews', 'reviews.bookinfo.svc', 'reviews.bookinfo', '10.96.0.7', 'reviews:9080'],
      'reviews, reviews.bookinfo + 1 more...',
    ],
    [['a.com', 'a.com:80'], 'a.com'],
    [['[fd00:10:96::7fc7]', '[fd00:10:96::7fc7]:8090', 'x'], '[fd00:10:96::7fc7], x'],
  ])('folds domains %j', (domains, text) => {
    expect(describeDomains(domains)).toBe(text);
  });

  it('describes matches and inline routes', () => {
    expect(describeMatch({ prefix: '/api', headers: [{ name: 'x' }] })).toBe('/api*');
    expect(describeMatch({ path_separated_prefix: '/v1' })).toBe('PathPrefix:/v1');
    expect(describeMatch({ safeRegex: { regex: '^/r' } })).toBe('regex ^/r');
    const one = { virtual_hosts: [{ domains: ['*'], routes: [{ match: { prefix: '/' }, route: { cluster: 'inbound|80||' } }] }] };
    expect(describeRouteConfig(one)).toBe('Cluster: inbound|80||');
    const two = {
      virtual_hosts: [
        { domains: ['a', 'b'], routes: [{ match: { path: '/x' } }, { match: { prefix: '/y' } }] },
        { domains: ['*'], routes: [{ match: { prefix: '/' } }] },
      ],
    };
    expect(describeRouteConfig(two)).toBe('Inline Route: a/b /x, /y*; /*');
  });
});

describe('endpoints and fields', () => {
  it('names health states from strings and numbers', () => {
    expect([healthName(undefined), healthName('HEALTHY'), healthName(3), healthName(9)]).toEqual(['UNKNOWN', 'HEALTHY', 'DRAINING', '9']);
  });

  it('matches address, address:port, cluster and status without case', () => {
    const e = { address: '10.0.0.1', port: 80, cluster: 'outbound|80||a', status: 'HEALTHY', failedOutlierCheck: false, locality: '' };
    expect(matchesEndpoint(e, { address: '10.0.0.1', status: 'healthy', cluster: 'OUTBOUND|80||A' })).toBe(true);
    expect(matchesEndpoint(e, { address: '10.0.0.1:80' })).toBe(true);
    expect(matchesEndpoint(e, { address: '10.0.0.1:81' })).toBe(false);
    expect(matchesEndpoint(e, { port: 81 })).toBe(false);
  });

  it('reads camelCase first, then snake_case', () => {
    expect(field({ filter_chains: 1 }, 'filterChains')).toBe(1);
    expect(field({ filterChains: 2, filter_chains: 1 }, 'filterChains')).toBe(2);
    expect(field('x', 'a')).toBeUndefined();
  });

  it.each([
    [{ filter_metadata: { istio: { config: '/apis/networking.istio.io/v1/namespaces/ns/destination-rule/dr' } } }, 'dr.ns'],
    [{ filterMetadata: { istio: { config: '/apis/networking.istio.io/v1alpha3/namespaces/ns/virtual-service/vs' } } }, 'vs.ns'],
    [{ filter_metadata: { istio: { config: '/apis/networking.istio.io/v1/namespaces/ns' } } }, ''],
    [{ filter_metadata: { istio: { config: '/apis/gateway.networking.k8s.io/v1/namespaces/ns/httproute/r' } } }, '<unknown>'],
    [undefined, ''],
  ])('names the Istio config of %j', (meta, name) => {
    expect(istioConfigName(meta)).toBe(name);
  });
});

describe('renderTable', () => {
  it('pads columns to the widest cell plus padding and trims line ends', () => {
    expect(
      renderProxyTable({
        header: ['A', 'BB', 'C'],
        rows: [
          ['xxx', '', ''],
          ['y', 'z', 'last'],
        ],
        padding: 2,
      }),
    ).toBe('A    BB  C\nxxx\ny    z   last\n');
  });
});

describe('filter chain matcher trees', () => {
  const action = (name: string) => ({ action: { name } });
  const tree = {
    matcher_tree: {
      input: { name: 'port' },
      exact_match_map: {
        map: {
          '80': action('http'),
          '443': { matcher: { matcher_tree: { input: { name: 'sni' }, prefix_match_map: { map: { 'api.': action('api'), 'www.': action('http') } } } } },
        },
      },
    },
    on_no_match: action('fallback'),
  };

  it.each([
    ['http', ['port=443 -> sni^www.', 'port=80']],
    ['api', ['port=443 -> sni^api.']],
    ['fallback', ['UNMATCHED']],
    ['nothing', ['NONE']],
  ])('finds the paths to chain %s', (chain, matches) => {
    expect(matcherMatches(tree, chain)).toEqual(matches);
  });

  it('reads IP range matchers as CIDRs (host addresses without /32)', () => {
    const ip = {
      matcher_tree: {
        input: { name: 'ip' },
        custom_match: {
          typed_config: {
            '@type': 'type.googleapis.com/xds.type.matcher.v3.IPMatcher',
            range_matchers: [
              {
                ranges: [
                  { address_prefix: '10.0.0.0', prefix_len: 8 },
                  { address_prefix: '10.1.2.3', prefix_len: 32 },
                ],
                on_match: action('a'),
              },
            ],
          },
        },
      },
    };
    expect(matcherMatches(ip, 'a')).toEqual(['ip=10.0.0.0/8', 'ip=10.1.2.3']);
  });

  it('answers ANY for a nested tree whose fallback is the chain', () => {
    expect(matcherMatches({ on_no_match: { matcher: { on_no_match: action('x') } } }, 'x')).toEqual(['ANY']);
  });
});

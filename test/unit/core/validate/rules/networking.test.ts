/** Case tables for the DestinationRule, Gateway, ServiceEntry, Sidecar, WorkloadEntry/Group and EnvoyFilter rules. */
import { describe, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const server = (extra: Record<string, unknown> = {}) => ({ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'], ...extra });
const https = (tls: Record<string, unknown>) => ({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['example.com'], tls });

const tables: [rule: string, kind: string, cases: RuleCase[]][] = [
  [
    'destinationrule.host-and-subsets',
    'DestinationRule',
    [
      {
        name: 'subsets',
        spec: {
          host: 'reviews',
          subsets: [
            { name: 'v1', labels: { version: 'v1' } },
            { name: 'v2', labels: { version: 'v2' } },
          ],
        },
        expect: [],
      },
      { name: 'duplicate subset', spec: { host: 'reviews', subsets: [{ name: 'v1' }, { name: 'v1' }] }, expect: ['duplicate subset name "v1"'] },
      { name: 'subset name with dot', spec: { host: 'reviews', subsets: [{ name: 'v1.0' }] }, expect: ['subset name "v1.0"'] },
      { name: 'bad host', spec: { host: 'a..b' }, expect: ['invalid host'] },
      { name: 'bad label value', spec: { host: 'r', subsets: [{ name: 'v1', labels: { version: 'v 1' } }] }, expect: ['invalid subset label'] },
    ],
  ],
  [
    'destinationrule.traffic-policy',
    'DestinationRule',
    [
      {
        name: 'typical',
        spec: {
          host: 'r',
          trafficPolicy: {
            connectionPool: { tcp: { maxConnections: 100 } },
            outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
          },
        },
        expect: [],
      },
      { name: 'empty pool', spec: { host: 'r', trafficPolicy: { connectionPool: {} } }, expect: ['must set http or tcp'] },
      {
        name: 'negative pending',
        spec: { host: 'r', trafficPolicy: { connectionPool: { http: { http1MaxPendingRequests: -1 } } } },
        expect: ['must not be negative'],
      },
      { name: 'ejection percent', spec: { host: 'r', trafficPolicy: { outlierDetection: { maxEjectionPercent: 120 } } }, expect: ['between 0 and 100'] },
      {
        name: 'maglev not prime',
        spec: { host: 'r', trafficPolicy: { loadBalancer: { consistentHash: { useSourceIp: true, maglev: { tableSize: 1000 } } } } },
        expect: ['prime'],
      },
      {
        name: 'two hash keys',
        spec: { host: 'r', trafficPolicy: { loadBalancer: { consistentHash: { useSourceIp: true, httpHeaderName: 'x' } } } },
        expect: ['set only one of'],
      },
      {
        name: 'locality weights',
        spec: { host: 'r', trafficPolicy: { loadBalancer: { localityLbSetting: { distribute: [{ from: 'us/*', to: { 'us/a/*': 50, 'us/b/*': 40 } }] } } } },
        expect: ['add up to 90'],
      },
      {
        name: 'istio mutual with certs',
        spec: { host: 'r', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL', caCertificates: '/x' } } },
        expect: ['must not be set'],
      },
      { name: 'mutual without certs', spec: { host: 'r', trafficPolicy: { tls: { mode: 'MUTUAL' } } }, expect: ['clientCertificate', 'privateKey'] },
      {
        name: 'port level without port',
        spec: { host: 'r', trafficPolicy: { portLevelSettings: [{ tls: { mode: 'DISABLE' } }] } },
        expect: ['need a port number'],
      },
      {
        name: 'subset policy checked',
        spec: { host: 'r', subsets: [{ name: 'v1', trafficPolicy: { outlierDetection: { minHealthPercent: -1 } } }] },
        expect: ['between 0 and 100'],
      },
    ],
  ],
  [
    'gateway.servers',
    'Gateway',
    [
      { name: 'http server', spec: { selector: { istio: 'ingressgateway' }, servers: [server()] }, expect: [] },
      { name: 'no servers', spec: { servers: [] }, expect: ['at least one server'] },
      {
        name: 'https without tls',
        spec: { servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['a.com'] }] },
        expect: ['needs tls settings'],
      },
      {
        name: 'tcp with tls',
        spec: { servers: [{ port: { number: 31400, name: 'tcp', protocol: 'TCP' }, hosts: ['*'], tls: { mode: 'SIMPLE', credentialName: 'c' } }] },
        expect: ['cannot have tls settings'],
      },
      { name: 'http redirect allowed', spec: { servers: [server({ tls: { httpsRedirect: true } })] }, expect: [] },
      { name: 'bad protocol', spec: { servers: [{ port: { number: 80, name: 'x', protocol: 'SMTP' }, hosts: ['*'] }] }, expect: ['unknown protocol "SMTP"'] },
      {
        name: 'duplicate port names',
        spec: { servers: [server(), server({ port: { number: 8080, name: 'http', protocol: 'HTTP' } })] },
        expect: ['duplicate port name "http"'],
      },
      { name: 'host namespace', spec: { servers: [server({ hosts: ['Bad_NS/foo.com'] })] }, expect: ['namespace "Bad_NS"'] },
      { name: 'name with dot', spec: { servers: [server()] }, metadata: { name: 'a.b', namespace: 'ns' }, expect: ['must be a DNS label'] },
    ],
  ],
  [
    'common.server-tls',
    'Gateway',
    [
      { name: 'credentialName', spec: { servers: [https({ mode: 'SIMPLE', credentialName: 'cert' })] }, expect: [] },
      { name: 'files', spec: { servers: [https({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k' })] }, expect: [] },
      { name: 'simple without cert', spec: { servers: [https({ mode: 'SIMPLE' })] }, expect: ['privateKey', 'serverCertificate'] },
      {
        name: 'mutual without CA',
        spec: { servers: [https({ mode: 'MUTUAL', serverCertificate: '/c', privateKey: '/k' })] },
        expect: ['needs caCertificates'],
      },
      { name: 'istio mutual with file', spec: { servers: [https({ mode: 'ISTIO_MUTUAL', privateKey: '/k' })] }, expect: ['must not be set'] },
      {
        name: 'two sources',
        spec: { servers: [https({ mode: 'SIMPLE', credentialName: 'c', serverCertificate: '/c', privateKey: '/k' })] },
        expect: ['only one certificate source'],
      },
      {
        name: 'passthrough with cert',
        spec: { servers: [https({ mode: 'PASSTHROUGH', credentialName: 'c' })] },
        expect: ['does not terminate TLS'],
        severity: 'warning',
      },
    ],
  ],
  [
    'serviceentry.hosts-and-addresses',
    'ServiceEntry',
    [
      { name: 'external api', spec: { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'TLS' }], resolution: 'DNS' }, expect: [] },
      {
        name: 'bad address',
        spec: { hosts: ['a.example.com'], addresses: ['300.1.1.1'], ports: [{ number: 80, name: 'http' }] },
        expect: ['not a valid IP address'],
      },
      { name: 'bad host', spec: { hosts: ['a*.example.com'], ports: [{ number: 80, name: 'http' }] }, expect: ['invalid host'] },
    ],
  ],
  [
    'serviceentry.ports',
    'ServiceEntry',
    [
      {
        name: 'unique',
        spec: {
          hosts: ['a.com'],
          ports: [
            { number: 80, name: 'http', protocol: 'HTTP' },
            { number: 443, name: 'https', protocol: 'HTTPS' },
          ],
        },
        expect: [],
      },
      {
        name: 'duplicate name',
        spec: {
          hosts: ['a.com'],
          ports: [
            { number: 80, name: 'http' },
            { number: 81, name: 'http' },
          ],
        },
        expect: ['already defined'],
      },
      { name: 'unknown protocol', spec: { hosts: ['a.com'], ports: [{ number: 25, name: 'smtp', protocol: 'SMTP' }] }, expect: ['unknown protocol'] },
    ],
  ],
  [
    'serviceentry.resolution',
    'ServiceEntry',
    [
      {
        name: 'static with IPs',
        spec: { hosts: ['db.internal'], ports: [{ number: 5432, name: 'pg' }], resolution: 'STATIC', endpoints: [{ address: '10.0.0.5' }] },
        expect: [],
      },
      {
        name: 'dns without endpoints and a wildcard host',
        spec: { hosts: ['api.example.com', '*.example.com'], ports: [{ number: 443, name: 'https' }], resolution: 'DNS' },
        expect: ['host "*.example.com" must be a fully qualified name for resolution DNS without endpoints'],
      },
      {
        name: 'static with name',
        spec: { hosts: ['db.internal'], ports: [{ number: 5432, name: 'pg' }], resolution: 'STATIC', endpoints: [{ address: 'db.example.com' }] },
        expect: ['must be an IP address'],
      },
      {
        name: 'undeclared endpoint port',
        spec: { hosts: ['a.com'], ports: [{ number: 80, name: 'http' }], resolution: 'DNS', endpoints: [{ address: 'a.com', ports: { grpc: 9000 } }] },
        expect: ['endpoint port "grpc"'],
      },
      {
        name: 'dynamic dns needs wildcard',
        spec: { hosts: ['a.com'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'DYNAMIC_DNS' },
        expect: ['must be wildcards'],
      },
      { name: 'dns needs fqdn', spec: { hosts: ['a_b'], ports: [{ number: 80, name: 'http' }], resolution: 'DNS' }, expect: ['fully qualified'] },
    ],
  ],
  [
    'sidecar.listeners',
    'Sidecar',
    [
      { name: 'egress scope', spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] }, expect: [] },
      { name: 'nothing configured', spec: {}, expect: ['empty configuration'] },
      { name: 'only a workload selector', spec: { workloadSelector: { labels: { app: 'a' } } }, expect: ['empty configuration'] },
      { name: 'only an outbound policy', spec: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }, expect: [] },
      { name: 'host without namespace', spec: { egress: [{ hosts: ['foo.com'] }] }, expect: ['namespace/dnsName'] },
      {
        name: 'default endpoint',
        spec: { ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '127.0.0.1:8080' }] },
        expect: [],
      },
      {
        name: 'bad default endpoint',
        spec: { ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '10.0.0.1:8080' }] },
        expect: ['defaultEndpoint "10.0.0.1:8080"'],
      },
      { name: 'two catch-alls', spec: { egress: [{ hosts: ['./*'] }, { hosts: ['*/*'] }] }, expect: ['only one egress listener may omit'] },
      {
        name: 'egress proxy needs allow any',
        spec: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY', egressProxy: { host: 'proxy' } } },
        expect: ['needs mode ALLOW_ANY'],
      },
    ],
  ],
  [
    'common.workload-entry',
    'WorkloadEntry',
    [
      { name: 'ip', spec: { address: '10.0.0.1', labels: { app: 'vm' } }, expect: [] },
      { name: 'hostname', spec: { address: 'vm1.example.com' }, expect: [] },
      { name: 'bad address', spec: { address: 'not an address' }, expect: ['is not an IP address'] },
      { name: 'bad label', spec: { address: '10.0.0.1', labels: { app: 'a b' } }, expect: ['invalid label'] },
    ],
  ],
  [
    'envoyfilter.patches',
    'EnvoyFilter',
    [
      {
        name: 'complete patch',
        spec: {
          workloadSelector: { labels: { app: 'a' } },
          configPatches: [
            {
              applyTo: 'HTTP_FILTER',
              match: { context: 'SIDECAR_INBOUND', listener: { filterChain: { filter: { name: 'envoy.filters.network.http_connection_manager' } } } },
              patch: { operation: 'INSERT_BEFORE', value: { name: 'x' } },
            },
          ],
        },
        expect: ['internals'],
        severity: 'warning',
      },
      {
        name: 'missing value',
        spec: { workloadSelector: { labels: { app: 'a' } }, configPatches: [{ applyTo: 'CLUSTER', patch: { operation: 'MERGE' } }] },
        expect: [{ warning: 'internals' }, 'patch.value is required'],
      },
      {
        name: 'wrong match class',
        spec: {
          workloadSelector: { labels: { app: 'a' } },
          configPatches: [{ applyTo: 'CLUSTER', match: { listener: { portNumber: 80 } }, patch: { operation: 'REMOVE' } }],
        },
        expect: [{ warning: 'internals' }, 'needs a cluster match'],
      },
    ],
  ],
];

describe.each(tables)('%s', (rule, kind, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => runRuleCase(rule, kind, c));
});

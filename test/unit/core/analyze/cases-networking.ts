/** Case tables for the networking analyzers: inputs → expected [code, resource] pairs. */
import type { AnalyzerCase } from './harness.js';

const svc = (name: string, ns = 'default', ports = '[{name: http, port: 8080}]', selector = `{app: ${name}}`) =>
  `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {selector: ${selector}, ports: ${ports}}\n`;
const deploy = (name: string, labels: string, ns = 'default') =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  template:\n    metadata: {labels: ${labels}}\n    spec: {containers: [{name: app, image: app}]}\n`;
const vs = (name: string, spec: string, ns = 'default') =>
  `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}\n`;
const gw = (name: string, spec: string, ns = 'default') =>
  `---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}\n`;
const dr = (name: string, spec: string, ns = 'default') =>
  `---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}\n`;

export const NETWORKING_CASES: Record<string, AnalyzerCase[]> = {
  'virtualservice.DestinationHostAnalyzer': [
    {
      name: 'known and unknown hosts, bad port',
      yaml:
        svc('reviews') +
        vs(
          'r',
          '{hosts: [reviews], http: [{route: [{destination: {host: reviews}}, {destination: {host: reviews2}}, {destination: {host: reviews, port: {number: 9}}}]}]}',
        ),
      expected: [
        ['IST0101', 'VirtualService default/r'],
        ['IST0101', 'VirtualService default/r'],
      ],
    },
    {
      name: 'service entry with several ports needs a port',
      yaml:
        '---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ext}\nspec: {hosts: [api.example.com], ports: [{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]}\n' +
        vs('e', '{hosts: [api.example.com], http: [{route: [{destination: {host: api.example.com}}]}]}'),
      expected: [['IST0112', 'VirtualService default/e']],
    },
    { name: 'no services known: nothing to say', yaml: vs('r', '{hosts: [x], http: [{route: [{destination: {host: nowhere}}]}]}'), expected: [] },
  ],
  'virtualservice.DestinationRuleAnalyzer': [
    {
      name: 'missing subset',
      yaml:
        dr('reviews', '{host: reviews, subsets: [{name: v1, labels: {version: v1}}]}') +
        vs('r', '{hosts: [reviews], http: [{route: [{destination: {host: reviews, subset: v1}}, {destination: {host: reviews, subset: v2}}]}]}'),
      expected: [['IST0101', 'VirtualService default/r']],
    },
  ],
  'virtualservice.GatewayAnalyzer': [
    {
      name: 'missing gateway and host not served',
      yaml:
        gw('web', '{selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com]}]}') +
        vs('a', '{hosts: [other.example.com], gateways: [web, missing], http: [{route: [{destination: {host: x}}]}]}') +
        vs('b', '{hosts: [shop.example.com], gateways: [web, mesh], http: [{route: [{destination: {host: x}}]}]}'),
      expected: [
        ['IST0101', 'VirtualService default/a'],
        ['IST0132', 'VirtualService default/a'],
      ],
    },
  ],
  'virtualservice.ConflictingMeshGatewayHostsAnalyzer': [
    {
      name: 'two mesh VirtualServices for one host',
      yaml:
        vs('a', '{hosts: [reviews], http: [{route: [{destination: {host: reviews}}]}]}') +
        vs('b', '{hosts: [reviews.default.svc.cluster.local], http: [{route: [{destination: {host: reviews}}]}]}') +
        vs('c', '{hosts: [reviews], exportTo: [.], http: [{route: [{destination: {host: reviews}}]}]}', 'other'),
      expected: [
        ['IST0109', 'VirtualService default/a'],
        ['IST0109', 'VirtualService default/b'],
      ],
    },
  ],
  'virtualservice.RouteMatchAnalyzer': [
    {
      name: 'duplicate, covered prefix and rule after catch-all',
      yaml: vs(
        'm',
        `
  hosts: [x]
  http:
  - match: [{uri: {prefix: /api}}]
    route: [{destination: {host: x}}]
  - match: [{uri: {prefix: /api}}]
    route: [{destination: {host: x}}]
  - match: [{uri: {prefix: /api/v2}}, {uri: {exact: /health}}]
    route: [{destination: {host: x}}]
  - route: [{destination: {host: x}}]
  - match: [{uri: {exact: /late}}]
    route: [{destination: {host: x}}]`,
      ),
      expected: [
        ['IST0130', 'VirtualService default/m'],
        ['IST0131', 'VirtualService default/m'],
        ['IST0131', 'VirtualService default/m'],
        ['IST0130', 'VirtualService default/m'],
      ],
    },
  ],
  'gateway.IngressGatewayPortAnalyzer': [
    {
      name: 'no workload, and a port the service lacks',
      yaml:
        deploy('gw', '{app: gw}') +
        svc('gw', 'default', '[{name: http, port: 80, targetPort: 8080}]', '{app: gw}') +
        gw('a', '{selector: {app: nothing}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}') +
        gw(
          'b',
          '{selector: {app: gw}, servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: ["*"]}, {port: {number: 9443, name: https, protocol: HTTPS}, hosts: ["*"]}]}',
        ),
      expected: [
        ['IST0101', 'Gateway default/a'],
        ['IST0162', 'Gateway default/b'],
      ],
    },
  ],
  'gateway.SecretAnalyzer': [
    {
      name: 'missing and invalid credentials',
      yaml:
        '---\napiVersion: v1\nkind: Secret\nmetadata: {name: bad, namespace: istio-system}\ndata: {tls.crt: "", tls.key: a2V5}\n' +
        gw(
          'g',
          '{selector: {istio: ingressgateway}, servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: bad}}, {port: {number: 8443, name: https2, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: gone}}]}',
        ),
      expected: [
        ['IST0101', 'Gateway default/g'],
        ['IST0161', 'Gateway default/g'],
      ],
    },
  ],
  'gateway.ConflictingGatewayAnalyzer': [
    {
      name: 'same selector, port and host',
      yaml:
        gw('a', '{selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com]}]}') +
        gw('b', '{selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*.example.com"]}]}') +
        gw('c', '{selector: {istio: ingressgateway}, servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: [shop.example.com]}]}'),
      expected: [
        ['IST0145', 'Gateway default/a'],
        ['IST0145', 'Gateway default/b'],
      ],
    },
  ],
  'gateway.CertificateAnalyzer': [
    {
      name: 'shared credential',
      yaml:
        gw(
          'a',
          '{selector: {istio: ingressgateway}, servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, credentialName: cert}}]}',
        ) +
        gw(
          'b',
          '{selector: {istio: ingressgateway}, servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [b.example.com], tls: {mode: SIMPLE, credentialName: cert}}]}',
        ),
      expected: [
        ['IST0138', 'Gateway default/a'],
        ['IST0138', 'Gateway default/b'],
      ],
    },
  ],
  'destinationrule.CaCertificateAnalyzer': [
    {
      name: 'SIMPLE without caCertificates at both levels',
      yaml:
        dr(
          'd',
          '{host: api.example.com, trafficPolicy: {tls: {mode: SIMPLE}, portLevelSettings: [{port: {number: 443}, tls: {mode: MUTUAL, clientCertificate: c, privateKey: k}}]}}',
        ) + dr('ok', '{host: api.example.com, trafficPolicy: {tls: {mode: SIMPLE, caCertificates: /etc/ca.pem}}}'),
      expected: [
        ['IST0128', 'DestinationRule default/d'],
        ['IST0129', 'DestinationRule default/d'],
      ],
    },
  ],
  'destinationrule.SubsetSelectPodAnalyzer': [
    {
      name: 'unknown host and subset without pods',
      yaml:
        svc('reviews') +
        deploy('reviews-v1', '{app: reviews, version: v1}') +
        dr('r', '{host: reviews, subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]}') +
        dr('x', '{host: ratings}'),
      expected: [
        ['IST0173', 'DestinationRule default/r'],
        ['IST0174', 'DestinationRule default/x'],
      ],
    },
  ],
  'serviceentry.Analyzer': [
    {
      name: 'TCP port without addresses',
      yaml:
        '---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: db}\nspec: {hosts: [db.example.com], ports: [{number: 5432, name: tcp, protocol: TCP}]}\n' +
        '---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: web}\nspec: {hosts: [web.example.com], ports: [{number: 443, name: https, protocol: HTTPS}]}\n',
      expected: [['IST0134', 'ServiceEntry default/db']],
    },
  ],
  'envoyfilter.EnvoyPatchAnalyzer': [
    {
      name: 'ignored and relative operations',
      yaml: `---\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: ef}\nspec:\n  configPatches:\n  - {applyTo: HTTP_ROUTE, patch: {operation: ADD}}\n  - {applyTo: CLUSTER, patch: {operation: REPLACE}}\n  - {applyTo: HTTP_FILTER, patch: {operation: INSERT_BEFORE}}\n  - {applyTo: HTTP_FILTER, match: {proxy: {proxyVersion: '^1\\.30.*'}}, patch: {operation: INSERT_AFTER}}\n  - {applyTo: HTTP_ROUTE, patch: {operation: REMOVE}}\n`,
      expected: [
        ['IST0153', 'EnvoyFilter default/ef'],
        ['IST0152', 'EnvoyFilter default/ef'],
        ['IST0151', 'EnvoyFilter default/ef'],
        ['IST0155', 'EnvoyFilter default/ef'],
        ['IST0154', 'EnvoyFilter default/ef'],
      ],
    },
  ],
  'sidecar.SelectorAnalyzer': [
    {
      name: 'no match, overlap and two defaults',
      yaml:
        deploy('app', '{app: web, tier: front}') +
        '---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: a}\nspec: {workloadSelector: {labels: {app: web}}}\n' +
        '---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: b}\nspec: {workloadSelector: {labels: {tier: front}}}\n' +
        '---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: c}\nspec: {workloadSelector: {labels: {app: none}}}\n' +
        '---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: d1}\nspec: {}\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: d2}\nspec: {}\n',
      expected: [
        ['IST0110', 'Sidecar default/a'],
        ['IST0110', 'Sidecar default/b'],
        ['IST0101', 'Sidecar default/c'],
        ['IST0111', 'Sidecar default/d1'],
        ['IST0111', 'Sidecar default/d2'],
      ],
    },
  ],
};

NETWORKING_CASES['schema.ValidationAnalyzer'] = [
  {
    name: 'bad port is an error, odd weights a warning (from mesh validate)',
    yaml: vs(
      'w',
      '{hosts: [x], http: [{route: [{destination: {host: a}, weight: 60}, {destination: {host: b}, weight: 60}]}], tcp: [{route: [{destination: {host: a, port: {number: 99999}}}]}]}',
    ),
    expected: [
      ['IST0106', 'VirtualService default/w'],
      ['IST0133', 'VirtualService default/w'],
    ],
  },
];
NETWORKING_CASES['sidecar.SelectorAnalyzer']!.push({
  name: 'ambient namespace',
  yaml:
    '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: amb, labels: {istio.io/dataplane-mode: ambient}}\n' +
    deploy('a', '{app: a}', 'amb') +
    '---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: s, namespace: amb}\nspec: {}\n',
  expected: [['IST0167', 'Sidecar amb/s']],
});
NETWORKING_CASES['virtualservice.DestinationHostAnalyzer']!.push({
  name: 'gateway route without subset bypasses the subset split of its host',
  yaml:
    svc('ratings') +
    vs('split', '{hosts: [ratings], http: [{route: [{destination: {host: ratings, subset: v1}}]}]}') +
    vs('ingress', '{hosts: [ratings.example.com], gateways: [istio-system/web], http: [{route: [{destination: {host: ratings.default.svc.cluster.local}}]}]}') +
    vs('pinned', '{hosts: [pinned.example.com], gateways: [istio-system/web], http: [{route: [{destination: {host: ratings, subset: v1}}]}]}') +
    vs('mesh-only', '{hosts: [other], gateways: [mesh], http: [{route: [{destination: {host: ratings}}]}]}'),
  expected: [['IST0140', 'VirtualService default/ingress']],
});
NETWORKING_CASES['virtualservice.GatewayAnalyzer']!.push({
  name: 'reference to an internal Gateway generated for a Kubernetes Gateway',
  yaml:
    gw('web', '{selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}') +
    vs('internal', '{hosts: [foo.com], gateways: ["istio-ingress/gateway~istio-autogenerated-k8s-gateway~foo"], http: [{route: [{destination: {host: x}}]}]}') +
    vs('fine', '{hosts: [foo.com], gateways: [web], http: [{route: [{destination: {host: x}}]}]}'),
  expected: [['IST0165', 'VirtualService default/internal']],
});

/** Case tables for the workload, security and telemetry analyzers. */
import type { AnalyzerCase } from './harness.js';

const ns = (name: string, labels = '{}') => `---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${labels}}\n`;
const pod = (name: string, namespace: string, labels: string, containers: string, annotations = '{}') =>
  `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}, annotations: ${annotations}}\nspec: {containers: ${containers}}\n`;
const deploy = (name: string, labels: string, podSpec = '{containers: [{name: app, image: app}]}', annotations = '{}') =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  template:\n    metadata: {labels: ${labels}, annotations: ${annotations}}\n    spec: ${podSpec}\n`;
const svc = (name: string, selector: string, ports: string, type = 'ClusterIP') =>
  `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {type: ${type}, selector: ${selector}, ports: ${ports}}\n`;
const tel = (name: string, spec: string) => `---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: ${name}}\nspec: ${spec}\n`;

export const WORKLOAD_CASES: Record<string, AnalyzerCase[]> = {
  'annotations.K8sAnalyzer': [
    {
      name: 'unknown, misplaced, invalid, deprecated',
      yaml:
        svc('s', '{app: s}', '[{name: http, port: 80}]').replace(
          'metadata: {name: s}',
          'metadata: {name: s, annotations: {sidecar.istio.io/proxyCPU: 100m, networking.istio.io/exportTo: "."}}',
        ) +
        deploy(
          'd',
          '{app: d}',
          undefined,
          '{sidecar.istio.io/inject: "true", sidecar.istio.io/interceptionMode: BOGUS, sidecar.istio.io/nope: x, example.com/other: y}',
        ),
      expected: [
        ['IST0107', 'Service default/s'],
        ['IST0108', 'Deployment default/d'],
        ['IST0125', 'Deployment default/d'],
        ['IST0135', 'Deployment default/d'],
      ],
    },
  ],
  'injection.Analyzer': [
    {
      name: 'unlabelled namespace, two labels, pod without proxy',
      yaml:
        ns('plain') +
        ns('both', '{istio-injection: enabled, istio.io/rev: canary}') +
        ns('app', '{istio-injection: enabled}') +
        pod('bare', 'app', '{app: a}', '[{name: app, image: app}]') +
        pod('ok', 'app', '{app: a}', '[{name: app, image: app}, {name: istio-proxy, image: docker.io/istio/proxyv2:1.30.3}]') +
        pod('off', 'app', '{sidecar.istio.io/inject: "false"}', '[{name: app, image: app}]'),
      expected: [
        ['IST0102', 'Namespace plain'],
        ['IST0123', 'Namespace both'],
        ['IST0103', 'Pod app/bare'],
      ],
    },
    {
      name: 'enableNamespacesByDefault',
      yaml:
        ns('plain') +
        '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio-sidecar-injector, namespace: istio-system}\ndata: {values: \'{"sidecarInjectorWebhook": {"enableNamespacesByDefault": true}}\'}\n',
      expected: [['IST0148', 'Namespace plain']],
    },
  ],
  'injection.ImageAnalyzer': [
    {
      name: 'pod on an older proxy than 1.30.3',
      yaml:
        ns('app', '{istio-injection: enabled}') +
        pod('old', 'app', '{}', '[{name: app, image: app}, {name: istio-proxy, image: docker.io/istio/proxyv2:1.29.0}]') +
        pod('new', 'app', '{}', '[{name: istio-proxy, image: docker.io/istio/proxyv2:1.30.3-distroless}]'),
      expected: [['IST0158', 'Namespace app']],
    },
    {
      name: "namespace on a revision tag: the tagged revision's injector image counts",
      yaml:
        ns('tagged', '{istio.io/rev: prod}') +
        '---\napiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata: {name: istio-revision-tag-prod, labels: {istio.io/tag: prod, istio.io/rev: canary}}\nwebhooks: []\n' +
        '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio-sidecar-injector-canary, namespace: istio-system}\ndata: {values: \'{"global": {"hub": "docker.io/istio", "tag": "1.29.0"}}\'}\n' +
        pod('onrev', 'tagged', '{}', '[{name: app, image: app}, {name: istio-proxy, image: docker.io/istio/proxyv2:1.29.0}]'),
      expected: [],
    },
  ],
  'injection.ImageAutoAnalyzer': [
    {
      name: 'image: auto without a webhook',
      yaml: deploy('gw', '{app: gw}', '{containers: [{name: istio-proxy, image: auto}]}') + pod('p', 'default', '{}', '[{name: istio-proxy, image: auto}]'),
      expected: [
        ['IST0146', 'Deployment default/gw'],
        ['IST0147', 'Pod default/p'],
      ],
    },
  ],
  'service.PortNameAnalyzer': [
    {
      name: 'unnamed and unknown names; appProtocol counts',
      yaml:
        svc('a', '{app: a}', '[{port: 80}, {name: web, port: 81}, {name: http-api, port: 82}, {name: x, port: 83, appProtocol: grpc}]') +
        svc('ext', '{}', '[{name: tcp, port: 5432}]', 'ExternalName'),
      expected: [
        ['IST0118', 'Service default/a'],
        ['IST0118', 'Service default/a'],
        ['IST0150', 'Service default/ext'],
      ],
    },
  ],
  'deployment.MultiServiceAnalyzer': [
    {
      name: 'one port, two protocols; one targetPort, two ports',
      yaml:
        deploy('d', '{app: d}') +
        svc('s1', '{app: d}', '[{name: http, port: 80, targetPort: 8080}]') +
        svc('s2', '{app: d}', '[{name: udp, port: 80, protocol: UDP, targetPort: 9090}, {name: http-alt, port: 81, targetPort: 8080}]'),
      expected: [
        ['IST0116', 'Deployment default/d'],
        ['IST0137', 'Deployment default/d'],
      ],
    },
  ],
  'deployment.WorkloadAPIAnalyzer': [
    {
      name: 'removed beta APIs, a missing selector, and apps/v1 done right',
      yaml:
        deploy('old', '{app: old}').replace('apps/v1', 'extensions/v1beta1') +
        '---\napiVersion: apps/v1beta2\nkind: StatefulSet\nmetadata: {name: db}\nspec: {selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: db}]}}}\n' +
        deploy('noselector', '{app: web}') +
        '---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ok}\nspec: {selector: {matchLabels: {app: ok}}, template: {metadata: {labels: {app: ok}}, spec: {containers: [{name: ok, image: ok}]}}}\n',
      expected: [
        ['MESH0006', 'Deployment default/old'],
        ['MESH0007', 'Deployment default/old'],
        ['MESH0006', 'StatefulSet default/db'],
        ['MESH0007', 'Deployment default/noselector'],
      ],
    },
  ],
  'applicationUID.Analyzer': [
    {
      name: 'UID 1337 on an app container',
      yaml:
        deploy('d', '{app: d}', '{containers: [{name: app, image: app, securityContext: {runAsUser: 1337}}]}') +
        deploy('ok', '{app: ok}', '{containers: [{name: istio-proxy, image: p, securityContext: {runAsUser: 1337}}]}'),
      expected: [['IST0144', 'Deployment default/d']],
    },
  ],
  'auth.AuthorizationPoliciesAnalyzer': [
    {
      name: 'no matching workload and unknown namespace',
      yaml:
        ns('default') +
        ns('shop') +
        deploy('web', '{app: web}') +
        '---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: a}\nspec: {selector: {matchLabels: {app: api}}}\n' +
        '---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: b}\nspec: {selector: {matchLabels: {app: web}}, rules: [{from: [{source: {namespaces: [shop, "sh*", nowhere]}}]}]}\n',
      expected: [
        ['IST0127', 'AuthorizationPolicy default/a'],
        ['IST0101', 'AuthorizationPolicy default/b'],
      ],
    },
  ],
  'auth.MTLSConflictAnalyzer': [
    {
      name: 'DISABLE towards a STRICT namespace',
      yaml:
        '---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: istio-system}\nspec: {mtls: {mode: STRICT}}\n' +
        '---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: legacy}\nspec: {mtls: {mode: PERMISSIVE}}\n' +
        '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: plaintext}\nspec: {host: reviews, trafficPolicy: {tls: {mode: DISABLE}}}\n' +
        '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: fine}\nspec: {host: old.legacy.svc.cluster.local, trafficPolicy: {tls: {mode: DISABLE}}}\n',
      expected: [['MESH0001', 'DestinationRule default/plaintext']],
    },
  ],
  'telemetry.ProviderAnalyzer': [
    {
      name: 'access logging without a provider',
      yaml: tel('t', '{accessLogging: [{}]}') + tel('off', '{accessLogging: [{disabled: true}]}'),
      expected: [['IST0157', 'Telemetry default/t']],
    },
    {
      name: 'lightstep tracing',
      yaml:
        '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |\n    extensionProviders:\n    - name: ls\n      lightstep: {service: x, port: 8080, accessToken: t}\n' +
        tel('t', '{tracing: [{providers: [{name: ls}]}]}'),
      expected: [['IST0002', 'Telemetry default/t']],
    },
  ],
  'telemetry.SelectorAnalyzer': [
    {
      name: 'no match, overlap, two defaults',
      yaml:
        deploy('d', '{app: d, tier: x}') +
        tel('a', '{selector: {matchLabels: {app: d}}}') +
        tel('b', '{selector: {matchLabels: {tier: x}}}') +
        tel('c', '{selector: {matchLabels: {app: none}}}') +
        tel('n1', '{}') +
        tel('n2', '{}'),
      expected: [
        ['IST0159', 'Telemetry default/a'],
        ['IST0159', 'Telemetry default/b'],
        ['IST0101', 'Telemetry default/c'],
        ['IST0160', 'Telemetry default/n1'],
        ['IST0160', 'Telemetry default/n2'],
      ],
    },
  ],
  'deprecation.DeprecationAnalyzer': [
    {
      name: 'deprecated fields and removed CRDs',
      yaml:
        '---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v}\nspec: {hosts: [x], http: [{fault: {delay: {percent: 10, fixedDelay: 1s}}, route: [{destination: {host: x}}]}]}\n' +
        '---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: serviceroles.rbac.istio.io}\nspec: {group: rbac.istio.io, names: {kind: ServiceRole}}\n',
      expected: [
        ['IST0002', 'VirtualService default/v'],
        ['IST0002', 'CustomResourceDefinition serviceroles.rbac.istio.io'],
      ],
    },
  ],
};

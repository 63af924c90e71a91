/** Case tables for the control-plane, multi-cluster, webhook and Gateway API analyzers, plus the opt-in alpha one. */
import type { AnalyzerCase } from './harness.js';

const obj = (apiVersion: string, kind: string, meta: string, rest: string) => `---\napiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: ${meta}\n${rest}\n`;
const mwc = (name: string, webhooks: string, labels = '{}') =>
  obj('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', `{name: ${name}, labels: ${labels}}`, `webhooks: ${webhooks}`);
const vwc = (name: string, webhooks: string) =>
  obj('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', `{name: ${name}}`, `webhooks: ${webhooks}`);
const istiod = (env = '[]') =>
  obj(
    'apps/v1',
    'Deployment',
    '{name: istiod, namespace: istio-system, labels: {app: istiod}}',
    `spec:\n  template:\n    metadata: {labels: {app: istiod}}\n    spec: {containers: [{name: discovery, image: pilot, env: ${env}}]}`,
  );
const ra = (name: string, ns: string, spec = '{}') =>
  obj('security.istio.io/v1', 'RequestAuthentication', `{name: ${name}, namespace: ${ns}}`, `spec: ${spec}`);
const crd = (plural: string, kind: string, bundle: string, versions: string) =>
  obj(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
    `{name: ${plural}.gateway.networking.k8s.io, annotations: {gateway.networking.k8s.io/bundle-version: ${bundle}}}`,
    `spec: {group: gateway.networking.k8s.io, names: {kind: ${kind}, plural: ${plural}}, scope: Namespaced, versions: ${versions}}`,
  );
const hook = (name: string, nsSel: string, objSel = '{}', svc = '{name: istiod, namespace: istio-system}') =>
  `{name: ${name}, clientConfig: {service: ${svc}}, namespaceSelector: ${nsSel}, objectSelector: ${objSel}}`;
const svc = (name: string, ns: string) => obj('v1', 'Service', `{name: ${name}, namespace: ${ns}}`, 'spec: {ports: [{name: grpc, port: 15012}]}');

export const CONTROL_PLANE_CASES: Record<string, AnalyzerCase[]> = {
  'webhook.Analyzer': [
    {
      name: 'two default injectors overlap, one calls a missing Service',
      yaml:
        svc('istiod', 'istio-system') +
        mwc('istio-sidecar-injector', `[${hook('namespace.sidecar-injector.istio.io', '{matchLabels: {istio-injection: enabled}}')}]`) +
        mwc(
          'istio-sidecar-injector-copy',
          `[${hook('all.sidecar-injector.istio.io', '{matchExpressions: [{key: istio-injection, operator: Exists}]}', '{}', '{name: istiod-old, namespace: istio-system}')}]`,
        ),
      expected: [
        ['IST0139', 'MutatingWebhookConfiguration istio-sidecar-injector'],
        ['IST0139', 'MutatingWebhookConfiguration istio-sidecar-injector-copy'],
        ['IST0139', 'MutatingWebhookConfiguration istio-sidecar-injector-copy'],
      ],
    },
    {
      name: 'default and canary revisions select disjoint namespaces; other webhooks ignored',
      yaml:
        svc('istiod', 'istio-system') +
        svc('istiod-canary', 'istio-system') +
        mwc(
          'istio-sidecar-injector',
          `[${hook('rev.namespace.sidecar-injector.istio.io', '{matchExpressions: [{key: istio-injection, operator: DoesNotExist}, {key: istio.io/rev, operator: In, values: [default]}]}')}, ${hook('namespace.sidecar-injector.istio.io', '{matchLabels: {istio-injection: enabled}}')}]`,
        ) +
        mwc(
          'istio-sidecar-injector-canary',
          `[${hook('rev.namespace.sidecar-injector.istio.io', '{matchExpressions: [{key: istio-injection, operator: DoesNotExist}, {key: istio.io/rev, operator: In, values: [canary]}]}', '{}', '{name: istiod-canary, namespace: istio-system}')}]`,
          '{istio.io/rev: canary}',
        ) +
        mwc(
          'cert-manager-webhook',
          `[${hook('webhook.cert-manager.io', '{}', '{}', '{name: nowhere, namespace: cert-manager}')}, ${hook('again.cert-manager.io', '{}')}]`,
        ),
      expected: [],
    },
  ],
  'externalcontrolplane.ExternalControlPlaneAnalyzer': [
    {
      name: 'blank URL, IP address, host name, in-cluster Service',
      yaml:
        vwc(
          'istio-validator-external-istiod',
          '[{name: rev.validation.istio.io, clientConfig: {url: }}, {name: ok.validation.istio.io, clientConfig: {url: "https://istiod.example.com:15017/validate"}}]',
        ) +
        mwc(
          'istio-sidecar-injector-external-istiod',
          '[{name: ns.sidecar-injector.istio.io, clientConfig: {url: "https://10.0.0.7:15017/inject"}}, {name: svc.sidecar-injector.istio.io, clientConfig: {service: {name: istiod, namespace: istio-system}}}]',
        ) +
        vwc('other-validator', '[{name: x.example.com, clientConfig: {url: }}]'),
      expected: [
        ['IST0163', 'ValidatingWebhookConfiguration istio-validator-external-istiod'],
        ['IST0164', 'MutatingWebhookConfiguration istio-sidecar-injector-external-istiod'],
      ],
    },
    {
      name: 'host names and Services only',
      yaml:
        vwc('istiod-default-validator', '[{name: validation.istio.io, clientConfig: {service: {name: istiod, namespace: istio-system}}}]') +
        mwc('istio-sidecar-injector', '[{name: ns.sidecar-injector.istio.io, clientConfig: {url: "https://istiod.example.com:15017/inject/net/n1"}}]'),
      expected: [],
    },
  ],
  'authn.BlockedCIDRsAnalyzer': [
    {
      name: 'RequestAuthentication and istiod without the variable',
      yaml: istiod() + ra('jwt', 'default'),
      expected: [['IST0175', 'Deployment istio-system/istiod']],
    },
    { name: 'variable set', yaml: istiod('[{name: BLOCKED_CIDRS_IN_JWKS_URIS, value: "10.0.0.0/8"}]') + ra('jwt', 'default'), expected: [] },
    { name: 'no RequestAuthentication', yaml: istiod(), expected: [] },
    {
      name: 'variable from a ConfigMap; empty value counts as unset',
      yaml:
        istiod('[{name: BLOCKED_CIDRS_IN_JWKS_URIS, valueFrom: {configMapKeyRef: {name: c, key: k}}}]') +
        ra('jwt', 'default') +
        istiod('[{name: BLOCKED_CIDRS_IN_JWKS_URIS, value: ""}]').replace('name: istiod,', 'name: istiod-canary,'),
      expected: [['IST0175', 'Deployment istio-system/istiod-canary']],
    },
  ],
  'meshnetworks.MeshNetworksAnalyzer': [
    {
      name: 'unknown registries; remote secret, CLUSTER_ID and built-ins known',
      yaml:
        obj(
          'v1',
          'ConfigMap',
          '{name: istio, namespace: istio-system}',
          `data:
  mesh: "{}"
  meshNetworks: |
    networks:
      net1:
        endpoints: [{fromRegistry: Kubernetes}, {fromRegistry: kubernetes}, {fromRegistry: west}]
      net2:
        endpoints: [{fromRegistry: east}, {fromRegistry: cluster-1}, {fromCidr: 10.0.0.0/16}]`,
        ) +
        obj(
          'v1',
          'Secret',
          '{name: istio-remote-secret-east, namespace: istio-system, labels: {istio/multiCluster: "true"}}',
          'stringData: {east: "apiVersion: v1"}',
        ) +
        istiod('[{name: CLUSTER_ID, value: cluster-1}]'),
      expected: [
        ['IST0126', 'MeshNetworks istio-system/istio'],
        ['IST0126', 'MeshNetworks istio-system/istio'],
      ],
    },
    {
      name: 'only built-in registries; no meshNetworks key at all',
      yaml:
        obj(
          'v1',
          'ConfigMap',
          '{name: istio, namespace: istio-system}',
          'data:\n  meshNetworks: "networks: {n1: {endpoints: [{fromRegistry: Kubernetes}, {fromRegistry: External}]}}"',
        ) + obj('v1', 'ConfigMap', '{name: istio, namespace: other}', 'data:\n  meshNetworks: "networks: {n1: {endpoints: [{fromRegistry: nowhere}]}}"'),
      expected: [],
    },
  ],
  'k8sgateway.CRDVersionAnalyzer': [
    {
      name: 'TLSRoute below 1.5, HTTPRoute without v1beta1 or v1',
      yaml:
        crd('tlsroutes', 'TLSRoute', 'v1.4.1', '[{name: v1alpha2, served: true, storage: true}]') +
        crd('httproutes', 'HTTPRoute', 'v0.5.0', '[{name: v1alpha2, served: true, storage: true}]') +
        crd('grpcroutes', 'GRPCRoute', 'v1.5.0-rc1', '[{name: v1, served: true, storage: true}]') +
        crd('gateways', 'Gateway', 'v1.4.0', '[{name: v1, served: true, storage: true}, {name: v1beta1, served: true, storage: false}]'),
      expected: [
        ['IST0176', 'CustomResourceDefinition tlsroutes.gateway.networking.k8s.io'],
        ['IST0156', 'CustomResourceDefinition httproutes.gateway.networking.k8s.io'],
        ['IST0172', 'CustomResourceDefinition httproutes.gateway.networking.k8s.io'],
      ],
    },
    {
      name: 'current bundle, no bundle annotation, other groups',
      yaml:
        crd('tlsroutes', 'TLSRoute', 'v1.5.0', '[{name: v1alpha2, served: true, storage: true}]') +
        crd('httproutes', 'HTTPRoute', 'v1.3.0', '[{name: v1, served: true, storage: true}, {name: v1beta1, served: true, storage: false}]') +
        obj(
          'apiextensions.k8s.io/v1',
          'CustomResourceDefinition',
          '{name: grpcroutes.gateway.networking.k8s.io}',
          'spec: {group: gateway.networking.k8s.io, names: {kind: GRPCRoute}, versions: [{name: v1, served: true}]}',
        ) +
        obj(
          'apiextensions.k8s.io/v1',
          'CustomResourceDefinition',
          '{name: gateways.example.com, annotations: {gateway.networking.k8s.io/bundle-version: v0.1.0}}',
          'spec: {group: example.com, names: {kind: Gateway}, versions: [{name: v1alpha1, served: true}]}',
        ),
      expected: [],
    },
  ],
  'k8sgateway.SelectorAnalyzer': [
    {
      name: 'selectors on gateway pods (deployed, or of a Gateway in the files)',
      yaml:
        obj(
          'v1',
          'Pod',
          '{name: web-istio-abc, namespace: default, labels: {gateway.networking.k8s.io/gateway-name: web, app: web-istio}}',
          'spec: {containers: [{name: istio-proxy, image: proxyv2}]}',
        ) +
        obj(
          'gateway.networking.k8s.io/v1',
          'Gateway',
          '{name: api, namespace: default}',
          'spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}',
        ) +
        obj(
          'security.istio.io/v1',
          'AuthorizationPolicy',
          '{name: ap, namespace: default}',
          'spec: {selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: web}}}',
        ) +
        obj(
          'telemetry.istio.io/v1',
          'Telemetry',
          '{name: tel, namespace: default}',
          'spec: {selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: api}}}',
        ) +
        obj(
          'extensions.istio.io/v1alpha1',
          'WasmPlugin',
          '{name: wasm, namespace: default}',
          'spec: {url: "oci://x", targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: web}], selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: web}}}',
        ) +
        ra('other-ns', 'prod', '{selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: web}}}') +
        ra('app', 'default', '{selector: {matchLabels: {app: reviews}}}'),
      expected: [
        ['IST0166', 'AuthorizationPolicy default/ap'],
        ['IST0166', 'Telemetry default/tel'],
      ],
    },
  ],
  'conditions.ConditionAnalyzer': [
    {
      name: 'negative conditions on a route parent, a Gateway and a policy',
      yaml:
        obj(
          'gateway.networking.k8s.io/v1',
          'HTTPRoute',
          '{name: r, namespace: default}',
          'spec: {parentRefs: [{name: gw}]}\nstatus: {parents: [{parentRef: {name: gw}, controllerName: istio.io/gateway-controller, conditions: [{type: Accepted, status: "True", reason: Accepted}, {type: ResolvedRefs, status: "False", reason: BackendNotFound, message: "backend(missing) not found"}]}]}',
        ) +
        obj(
          'gateway.networking.k8s.io/v1',
          'Gateway',
          '{name: gw, namespace: default}',
          'spec: {gatewayClassName: istio, listeners: []}\nstatus: {conditions: [{type: Programmed, status: "False", reason: Invalid, message: no listeners}, {type: Ready, status: "False"}]}',
        ) +
        obj(
          'security.istio.io/v1',
          'AuthorizationPolicy',
          '{name: p, namespace: default}',
          'spec: {}\nstatus: {conditions: [{type: WaypointAccepted, status: "True", reason: PartiallyInvalid, message: "unsupported field"}, {type: ZtunnelAccepted, status: "True"}]}',
        ) +
        obj(
          'v1',
          'Service',
          '{name: s, namespace: default}',
          'spec: {ports: [{name: http, port: 80}]}\nstatus: {conditions: [{type: istio.io/WaypointBound, status: "True", reason: Bound}]}',
        ),
      expected: [
        ['IST0171', 'HTTPRoute default/r'],
        ['IST0171', 'Gateway default/gw'],
        ['IST0171', 'AuthorizationPolicy default/p'],
      ],
    },
    {
      name: 'positive conditions, and kinds not judged',
      yaml:
        obj(
          'gateway.networking.k8s.io/v1',
          'HTTPRoute',
          '{name: r, namespace: default}',
          'spec: {}\nstatus: {parents: [{conditions: [{type: Accepted, status: "True"}, {type: ResolvedRefs, status: "True"}]}]}',
        ) +
        obj(
          'networking.istio.io/v1',
          'VirtualService',
          '{name: v, namespace: default}',
          'spec: {hosts: [x], http: [{route: [{destination: {host: x}}]}]}\nstatus: {conditions: [{type: Reconciled, status: "False"}]}',
        ),
      expected: [],
    },
  ],
  'virtualservice.JWTClaimRouteAnalyzer': [
    {
      name: 'claim routing at a gateway without RequestAuthentication',
      yaml:
        obj(
          'networking.istio.io/v1',
          'Gateway',
          '{name: gw, namespace: default}',
          'spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}',
        ) +
        obj(
          'networking.istio.io/v1',
          'VirtualService',
          '{name: claims, namespace: default}',
          'spec: {hosts: ["*"], gateways: [gw], http: [{match: [{headers: {"@request.auth.claims.group": {exact: admin}}}], route: [{destination: {host: admin}}]}]}',
        ) +
        obj(
          'networking.istio.io/v1',
          'VirtualService',
          '{name: plain, namespace: default}',
          'spec: {hosts: ["*"], gateways: [gw], http: [{match: [{headers: {x-group: {exact: admin}}}], route: [{destination: {host: admin}}]}]}',
        ),
      expected: [['IST0149', 'VirtualService default/claims']],
    },
    {
      name: 'a RequestAuthentication in the root namespace covers the gateway',
      yaml:
        ra('jwt', 'istio-system', '{selector: {matchLabels: {istio: ingressgateway}}}') +
        obj(
          'networking.istio.io/v1',
          'Gateway',
          '{name: gw, namespace: default}',
          'spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}',
        ) +
        obj(
          'networking.istio.io/v1',
          'VirtualService',
          '{name: claims, namespace: default}',
          'spec: {hosts: ["*"], gateways: [gw], http: [{match: [{withoutHeaders: {"@request.auth.claims[group]": {exact: admin}}}], route: [{destination: {host: admin}}]}]}',
        ),
      expected: [],
    },
  ],
  'annotations.AlphaAnalyzer': [
    {
      name: 'alpha annotations, not beta or Istio-written ones',
      yaml:
        obj('v1', 'Namespace', '{name: ns, annotations: {topology.istio.io/controlPlaneClusters: c1}}', '') +
        obj(
          'apps/v1',
          'Deployment',
          '{name: d, namespace: default}',
          'spec:\n  template:\n    metadata: {annotations: {sidecar.istio.io/proxyCPU: 100m, proxy.istio.io/config: "{}", sidecar.istio.io/status: "{}"}}\n    spec: {containers: [{name: app, image: app}]}',
        ) +
        obj(
          'v1',
          'Pod',
          '{name: cni, namespace: default, annotations: {sidecar.istio.io/status: "{}", sidecar.istio.io/interceptionMode: REDIRECT}}',
          'spec: {containers: [{name: app, image: app}, {name: istio-proxy, image: proxyv2}]}',
        ) +
        obj(
          'v1',
          'Pod',
          '{name: init, namespace: default, annotations: {sidecar.istio.io/status: "{}", sidecar.istio.io/interceptionMode: REDIRECT}}',
          'spec: {initContainers: [{name: istio-init, image: proxyv2}], containers: [{name: app, image: app}]}',
        ),
      expected: [
        ['IST0136', 'Namespace ns'],
        ['IST0136', 'Deployment default/d'],
        ['IST0136', 'Pod default/init'],
      ],
    },
  ],
};

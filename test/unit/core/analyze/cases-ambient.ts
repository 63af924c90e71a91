/** Case tables for the ambient analyzers (MESH0008-MESH0014). */
import type { AnalyzerCase } from './harness.js';

const ns = (name: string, labels: string) => `---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${labels}}\n`;
const pod = (name: string, namespace: string, labels: string) =>
  `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}\nspec: {containers: [{name: app, image: app}]}\n`;
const deploy = (name: string, namespace: string, labels: string) =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec: {containers: [{name: app, image: app}]}\n`;
const svc = (name: string, namespace: string, selector: string, labels = '{}') =>
  `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}\nspec: {selector: ${selector}, ports: [{name: http, port: 80}]}\n`;
const gw = (name: string, namespace: string, labels = '{}', className = 'istio-waypoint') =>
  `---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}\nspec:\n  gatewayClassName: ${className}\n  listeners: [{name: mesh, port: 15008, protocol: HBONE}]\n`;
const ap = (name: string, namespace: string, spec: string) =>
  `---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}\n`;
const AMBIENT = '{istio.io/dataplane-mode: ambient}';
const L7_RULES = 'rules: [{to: [{operation: {methods: [GET], paths: ["/api/*"]}}]}]';

export const AMBIENT_CASES: Record<string, AnalyzerCase[]> = {
  'ambient.L7PolicyAnalyzer': [
    {
      name: 'L7 by selector on ambient pods without waypoint; L4 only, targetRefs, and sidecar-mode pods are fine',
      yaml:
        ns('shop', AMBIENT) +
        ns('legacy', '{istio-injection: enabled}') +
        pod('cart', 'shop', '{app: cart}') +
        pod('old', 'legacy', '{app: cart}') +
        svc('cart', 'shop', '{app: cart}') +
        ap('l7', 'shop', `{selector: {matchLabels: {app: cart}}, ${L7_RULES}}`) +
        ap('l4', 'shop', '{selector: {matchLabels: {app: cart}}, rules: [{from: [{source: {namespaces: [shop]}}]}]}') +
        ap('bound', 'shop', `{targetRefs: [{kind: Service, group: "", name: cart}], ${L7_RULES}}`) +
        ap('legacy', 'legacy', `{${L7_RULES}}`),
      expected: [['MESH0008', 'AuthorizationPolicy shop/l7']],
    },
    {
      name: 'a waypoint serves the workload, yet the policy binds by selector',
      yaml:
        ns('shop', '{istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}') +
        gw('waypoint', 'shop') +
        pod('cart', 'shop', '{app: cart}') +
        svc('cart', 'shop', '{app: cart}') +
        ap('headers', 'shop', '{action: DENY, rules: [{when: [{key: "request.headers[x-user]", values: [bad]}]}]}'),
      expected: [['MESH0008', 'AuthorizationPolicy shop/headers']],
    },
  ],
  'ambient.NamespaceAnalyzer': [
    {
      name: 'injection label, pod template inject=true, EnvoyFilter for sidecars; waypoint-bound EnvoyFilter fine',
      yaml:
        ns('shop', '{istio.io/dataplane-mode: ambient, istio-injection: enabled}') +
        deploy('cart', 'shop', '{app: cart, sidecar.istio.io/inject: "true"}') +
        `---\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: lua, namespace: shop}\nspec: {configPatches: []}\n` +
        `---\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: at-waypoint, namespace: shop}\nspec: {targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: waypoint}], configPatches: []}\n`,
      expected: [
        ['MESH0012', 'Namespace shop'],
        ['MESH0012', 'Deployment shop/cart'],
        ['MESH0011', 'EnvoyFilter shop/lua'],
      ],
    },
  ],
  'ambient.UseWaypointAnalyzer': [
    {
      name: 'missing waypoint, waypoint-for excluding the traffic, revision mismatch, a non-waypoint Gateway',
      yaml:
        ns('shop', '{istio.io/dataplane-mode: ambient, istio.io/use-waypoint: missing}') +
        ns('ok', '{istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}') +
        gw('waypoint', 'ok') +
        gw('svc-only', 'shop') +
        gw('wl', 'shop', '{istio.io/waypoint-for: workload}') +
        gw('canary', 'shop', '{istio.io/rev: canary}') +
        gw('ingress', 'shop', '{}', 'istio') +
        svc('cart', 'shop', '{app: cart}', '{istio.io/use-waypoint: canary}') +
        svc('web', 'shop', '{app: web}', '{istio.io/use-waypoint: ingress}') +
        svc('fine', 'ok', '{app: x}') +
        pod('cart', 'shop', '{app: cart, istio.io/use-waypoint: svc-only}') +
        pod('opt', 'shop', '{app: web, istio.io/use-waypoint: none}') +
        pod('cross', 'ok', '{app: x, istio.io/use-waypoint: wl, istio.io/use-waypoint-namespace: shop}'),
      expected: [
        ['MESH0009', 'Namespace shop'],
        ['MESH0014', 'Service shop/cart'],
        ['MESH0009', 'Service shop/web'],
        ['MESH0010', 'Pod shop/cart'],
        ['MESH0017', 'Pod ok/cross'],
      ],
    },
  ],
  'ambient.WaypointNamespaceAnalyzer': [
    {
      name: 'a waypoint in a plain namespace nobody points at; one used from elsewhere and one in an ambient namespace are fine',
      yaml:
        ns('plain', '{}') +
        ns('infra', '{}') +
        ns('shop', '{istio.io/dataplane-mode: ambient, istio.io/use-waypoint: shared, istio.io/use-waypoint-namespace: infra}') +
        gw('lonely', 'plain') +
        gw('shared', 'infra') +
        gw('waypoint', 'shop') +
        svc('s', 'shop', '{app: s}') +
        pod('p', 'shop', '{app: s}'),
      expected: [['MESH0013', 'Gateway plain/lonely']],
    },
  ],
};

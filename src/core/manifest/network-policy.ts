/**
 * The NetworkPolicies each Istio chart renders when `values.global.networkPolicy.enabled` is true: one per
 * component (istiod, each gateway, istio-cni, ztunnel), selecting the component's pods, allowing in only the ports
 * the component serves, and allowing all egress.
 */
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, object, ownerLabels, val, type RenderContext } from './context.js';
import type { JsonObject } from '../tree.js';

/** Whether the charts render their NetworkPolicies. */
export function networkPolicyEnabled(ctx: RenderContext): boolean {
  return val(ctx, 'global.networkPolicy.enabled') === true;
}

/** An ingress rule per port group: each inner list is one `- ports:` entry. */
const ingress = (groups: [protocol: string, port: unknown][][]): JsonObject[] =>
  groups.map((g) => ({ ports: g.map(([protocol, port]) => ({ protocol, port })) }));

function policy(name: string, ns: string, labels: Record<string, string>, podSelector: Record<string, string>, rules: JsonObject[]): KubeObject {
  return object('networking.k8s.io/v1', 'NetworkPolicy', name, ns, labels, {
    spec: { podSelector: { matchLabels: podSelector }, policyTypes: ['Ingress', 'Egress'], ingress: rules, egress: [{}] },
  });
}

/** istiod's policy: the webhook port, and xDS/monitoring from anywhere (istio-discovery chart). */
export function istiodNetworkPolicy(ctx: RenderContext): KubeObject[] {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  if (!networkPolicyEnabled(ctx) || !(scope === 'all' || scope === 'namespace')) return [];
  const labels = {
    app: 'istiod',
    istio: 'pilot',
    release: 'istio',
    'app.kubernetes.io/name': 'istiod',
    ...chartLabels('istiod'),
    ...ownerLabels(ctx, 'Pilot'),
  };
  const tcp = (port: number): [string, number] => ['TCP', port];
  return [
    policy(
      `istiod${ctx.revSuffix}`,
      ctx.releaseNamespace,
      labels,
      { app: 'istiod', 'istio.io/rev': ctx.revLabel },
      ingress([[tcp(15017)], [15010, 15011, 15012, 8080, 15014].map(tcp)]),
    ),
  ];
}

/** A gateway's policy: status and metrics ports, then each service port's target (istio-ingress/egress charts). */
export function gatewayNetworkPolicy(
  ctx: RenderContext,
  kind: 'ingress' | 'egress',
  name: string,
  ns: string,
  selector: Record<string, string>,
  ports: JsonObject[],
): KubeObject[] {
  if (!networkPolicyEnabled(ctx)) return [];
  const component = kind === 'ingress' ? 'IngressGateways' : 'EgressGateways';
  const labels = {
    app: name,
    istio: `${kind}gateway`,
    release: 'istio',
    'app.kubernetes.io/name': `istio-${kind}gateway`,
    ...chartLabels(`istio-${kind}`),
    ...ownerLabels(ctx, component),
  };
  const service = ports.map((p): [string, unknown][] => [[String(p.protocol || 'TCP'), p.targetPort || p.port]]);
  return [
    policy(
      `${name}${ctx.revSuffix}`,
      ns,
      labels,
      selector,
      ingress([
        [['TCP', 15021]],
        [
          ['TCP', 15020],
          ['TCP', 15090],
        ],
        ...service,
      ]),
    ),
  ];
}

/** The istio-cni node agent's policy: metrics and readiness ports (istio-cni chart). */
export function cniNetworkPolicy(ctx: RenderContext, ns: string): KubeObject[] {
  if (!networkPolicyEnabled(ctx)) return [];
  const labels = { 'k8s-app': 'istio-cni-node', release: 'istio', 'app.kubernetes.io/name': 'istio-cni', ...chartLabels('cni'), ...ownerLabels(ctx, 'Cni') };
  return [policy(`istio-cni${ctx.revSuffix}`, ns, labels, { 'k8s-app': 'istio-cni-node' }, ingress([[['TCP', 15014]], [['TCP', 8000]]]))];
}

/** ztunnel's policy: readiness, metrics, admin, HBONE, redirection and DNS capture ports (ztunnel chart). */
export function ztunnelNetworkPolicy(ctx: RenderContext, name: string, ns: string): KubeObject[] {
  if (!networkPolicyEnabled(ctx)) return [];
  const labels = { app: 'ztunnel', 'app.kubernetes.io/name': 'ztunnel', release: 'istio', ...chartLabels('ztunnel'), ...ownerLabels(ctx, 'Ztunnel') };
  const tcp = (port: number): [string, number][] => [['TCP', port]];
  const rules = ingress([
    tcp(15021),
    tcp(15020),
    tcp(15000),
    tcp(15008),
    tcp(15001),
    tcp(15006),
    [
      ['TCP', 15053],
      ['UDP', 15053],
    ],
  ]);
  return [policy(`${name}${ctx.revSuffix}`, ns, labels, { app: 'ztunnel' }, rules)];
}

import { describe, expect, it } from 'vitest';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';

const templates = injectionTemplates(readAsset);
const policies = (sets: string[]) =>
  generateManifests({ sets, templates })
    .objects.map((o) => o.object)
    .filter((o) => o.kind === 'NetworkPolicy') as unknown as { metadata: { name: string; namespace: string }; spec: Record<string, any> }[];

describe('NetworkPolicies (values.global.networkPolicy.enabled)', () => {
  it('are not rendered by default', () => {
    expect(policies(['profile=ambient'])).toEqual([]);
  });

  it('one per component: istiod, gateways, istio-cni, ztunnel', () => {
    const got = policies([
      'profile=ambient',
      'values.global.networkPolicy.enabled=true',
      'components.ingressGateways[0].name=istio-ingressgateway',
      'components.ingressGateways[0].enabled=true',
    ]);
    expect(got.map((p) => p.metadata.name).sort()).toEqual(['istio-cni', 'istio-ingressgateway', 'istiod', 'ztunnel']);
    for (const p of got) {
      expect(p.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(p.spec.egress).toEqual([{}]);
    }
  });

  it("istiod's selects its revision and opens the webhook, xDS and monitoring ports", () => {
    const [p] = policies([
      'values.global.networkPolicy.enabled=true',
      'revision=canary',
      'components.ingressGateways[0].enabled=false',
      'components.ingressGateways[0].name=istio-ingressgateway',
    ]);
    expect(p!.metadata.name).toBe('istiod-canary');
    expect(p!.spec.podSelector).toEqual({ matchLabels: { app: 'istiod', 'istio.io/rev': 'canary' } });
    expect(p!.spec.ingress.flatMap((r: { ports: { port: number }[] }) => r.ports.map((x) => x.port))).toEqual([15017, 15010, 15011, 15012, 8080, 15014]);
  });

  it("a gateway's opens each service port's target port after the status and metrics ports", () => {
    const gw = policies(['values.global.networkPolicy.enabled=true']).find((p) => p.metadata.name === 'istio-ingressgateway')!;
    expect(gw.spec.podSelector.matchLabels).toMatchObject({ app: 'istio-ingressgateway', istio: 'ingressgateway' });
    const ports = gw.spec.ingress.map((r: { ports: { port: number }[] }) => r.ports.map((x) => x.port));
    expect(ports.slice(0, 2)).toEqual([[15021], [15020, 15090]]);
    expect(ports.slice(2)).toEqual([[15021], [8080], [8443]]);
  });
});

import { describe, expect, it } from 'vitest';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';

const templates = injectionTemplates(readAsset);

describe('gateway pods (istio-ingress chart)', () => {
  const pod = (sets: string[]) => {
    const d = generateManifests({ sets, templates })
      .objects.map((o) => o.object)
      .find((o) => o.kind === 'Deployment' && o.metadata?.name === 'istio-ingressgateway') as unknown as {
      spec: { template: { metadata: { labels: Record<string, string> }; spec: Record<string, any> } };
    };
    return d.spec.template;
  };

  it('turn nodeSelector and global.arch into node affinity, never a pod nodeSelector', () => {
    const t = pod(['values.gateways.istio-ingressgateway.nodeSelector.pool=edge', 'values.global.arch.amd64=2', 'values.global.arch.arm64=0']);
    expect(t.spec).not.toHaveProperty('nodeSelector');
    expect(t.spec.affinity.nodeAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          {
            matchExpressions: [
              { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
              { key: 'pool', operator: 'In', values: ['edge'] },
            ],
          },
        ],
      },
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 2, preference: { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] } },
      ],
    });
  });

  it('leave both affinity parts empty without selectors, and carry the legacy labels in istio-system', () => {
    const t = pod([]);
    expect(t.spec.affinity).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: null, preferredDuringSchedulingIgnoredDuringExecution: null },
    });
    expect(t.metadata.labels).toMatchObject({ heritage: 'Tiller', release: 'istio', chart: 'gateways', 'service.istio.io/canonical-revision': 'latest' });
  });
  it("keep each gateway's own k8s resources, the proxyMetadata env, and no release label off istio-system", () => {
    const files = [
      {
        origin: 'gateways.yaml',
        value: {
          apiVersion: 'install.istio.io/v1alpha1',
          kind: 'IstioOperator',
          spec: {
            profile: 'empty',
            meshConfig: { defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true' } } },
            components: {
              ingressGateways: [
                { name: 'a', enabled: true, k8s: { resources: { requests: { cpu: '111m' } } } },
                { name: 'b', enabled: true, namespace: 'edge', k8s: { resources: { requests: { cpu: '222m' } } } },
              ],
            },
          },
        },
      },
    ];
    const objects = generateManifests({ files, templates }).objects.map((o) => o.object as any);
    const deployment = (name: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name).spec.template;
    const proxy = (name: string) => deployment(name).spec.containers.find((c: { name: string }) => c.name === 'istio-proxy');
    expect(proxy('a').resources.requests.cpu).toBe('111m');
    expect(proxy('b').resources.requests.cpu).toBe('222m');
    expect(proxy('a').env).toContainEqual({ name: 'ISTIO_META_DNS_CAPTURE', value: 'true' });
    expect(deployment('a').metadata.labels.release).toBe('istio');
    expect(deployment('b').metadata.labels).not.toHaveProperty('release');
  });
});

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
});

import { describe, expect, it } from 'vitest';
import { stamp } from '../../../../src/core/install/objects.js';

describe('revision label on objects every revision shares', () => {
  it.each([
    [
      'a CRD',
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'virtualservices.networking.istio.io', labels: { 'istio.io/rev': 'canary' } },
      },
      'Base',
    ],
    ['the namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'istio-system' } }, 'Pilot'],
    ['a Base object', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'istio-reader-service-account', namespace: 'istio-system' } }, 'Base'],
  ])('%s carries no istio.io/rev, so a canary install does not take it over', (_name, obj, component) => {
    expect(stamp(obj, component, 'canary', '1.30.3').metadata?.labels?.['istio.io/rev']).toBeUndefined();
  });

  it('per-revision objects keep their revision', () => {
    const d = stamp({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'istiod-canary', namespace: 'istio-system' } }, 'Pilot', 'canary', '1.30.3');
    expect(d.metadata?.labels?.['istio.io/rev']).toBe('canary');
  });
});

/** Pod arguments as istioctl reads them, and label selectors rendered for a pod list. */
import { describe, expect, it } from 'vitest';
import { parsePodArgument, selectorQuery } from '../../../../src/core/model/pods.js';
import { UsageError } from '../../../../src/errors.js';

describe('parsePodArgument', () => {
  it('reads name[.namespace] and kind/name[.namespace]', () => {
    expect(parsePodArgument('productpage-v1-7d9f', 'default')).toEqual({ kind: 'Pod', name: 'productpage-v1-7d9f', namespace: 'default' });
    expect(parsePodArgument('productpage-v1-7d9f.shop', 'default')).toEqual({ kind: 'Pod', name: 'productpage-v1-7d9f', namespace: 'shop' });
    expect(parsePodArgument('deploy/istiod.istio-system', 'default')).toEqual({ kind: 'Deployment', name: 'istiod', namespace: 'istio-system' });
    expect(parsePodArgument('svc/reviews', 'shop')).toEqual({ kind: 'Service', name: 'reviews', namespace: 'shop' });
    expect(parsePodArgument('Deployment/a.b', 'x')).toEqual({ kind: 'Deployment', name: 'a', namespace: 'b' });
  });
  it('refuses unknown kinds and empty names', () => {
    expect(() => parsePodArgument('cronjob/x', 'default')).toThrow(UsageError);
    expect(() => parsePodArgument('cronjob/x', 'default')).toThrow(/unknown resource type "cronjob"/);
    expect(() => parsePodArgument('.shop', 'default')).toThrow(/expected <pod-name/);
    expect(() => parsePodArgument('pod.', 'default')).toThrow(UsageError);
  });
});

describe('selectorQuery', () => {
  it('renders matchLabels, matchExpressions and plain maps', () => {
    expect(selectorQuery({ matchLabels: { app: 'istiod', istio: 'pilot' } })).toBe('app=istiod,istio=pilot');
    expect(
      selectorQuery({
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'x', operator: 'Exists' },
          { key: 'y', operator: 'DoesNotExist' },
          { key: 'z', operator: 'NotIn', values: ['c'] },
        ],
      }),
    ).toBe('tier in (a,b),x,!y,z notin (c)');
    expect(selectorQuery({ app: 'kiali' })).toBe('app=kiali');
    expect(selectorQuery(undefined)).toBe('');
  });
});

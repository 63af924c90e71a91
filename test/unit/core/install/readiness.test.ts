import { describe, expect, it } from 'vitest';
import { crdReadiness, podSelectorOf, workloadReadiness } from '../../../../src/core/install/readiness.js';
import { imageTag, installedControlPlanes, versionWarnings } from '../../../../src/core/install/version.js';
import { formatDuration, parseDuration } from '../../../../src/core/install/wait.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';

const w = (kind: string, spec: Record<string, unknown>, status: Record<string, unknown>, generation = 1): KubeObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'x', generation },
  spec,
  status: { observedGeneration: 1, ...status },
});

describe('workloadReadiness', () => {
  it.each([
    ['Deployment rolled out', w('Deployment', { replicas: 2 }, { replicas: 2, updatedReplicas: 2, availableReplicas: 2 }), true, ''],
    ['Deployment default replicas', w('Deployment', {}, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }), true, ''],
    [
      'Deployment spec not yet observed',
      w('Deployment', {}, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }, 2),
      false,
      'waiting for the controller to see the new spec',
    ],
    ['Deployment rolling', w('Deployment', { replicas: 2 }, { replicas: 3, updatedReplicas: 1, availableReplicas: 2 }), false, '1/2 replicas updated'],
    [
      'Deployment old pods left',
      w('Deployment', { replicas: 2 }, { replicas: 3, updatedReplicas: 2, availableReplicas: 2 }),
      false,
      '1 old replicas pending termination',
    ],
    ['Deployment unavailable', w('Deployment', { replicas: 2 }, { replicas: 2, updatedReplicas: 2, availableReplicas: 1 }), false, '1/2 replicas ready'],
    ['DaemonSet ready', w('DaemonSet', {}, { desiredNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3 }), true, ''],
    ['DaemonSet with no node', w('DaemonSet', {}, { desiredNumberScheduled: 0 }), false, 'no node to schedule on yet'],
    ['DaemonSet partly ready', w('DaemonSet', {}, { desiredNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3 }), false, '2/3 pods ready'],
    ['StatefulSet ready', w('StatefulSet', { replicas: 1 }, { readyReplicas: 1, updatedReplicas: 1 }), true, ''],
  ])('%s', (_n, obj, ready, summary) => expect(workloadReadiness(obj)).toEqual({ ready, summary }));

  it('reads the pod selector from matchLabels', () => {
    expect(podSelectorOf(w('Deployment', { selector: { matchLabels: { istio: 'pilot', app: 'istiod' } } }, {}))).toBe('app=istiod,istio=pilot');
    expect(podSelectorOf(w('Deployment', {}, {}))).toBeUndefined();
  });
});

describe('crdReadiness', () => {
  const crd = (conditions: unknown[]): KubeObject => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'a.b' },
    status: { conditions },
  });
  it('is ready only when Established', () => {
    expect(crdReadiness(crd([{ type: 'Established', status: 'True' }])).ready).toBe(true);
    expect(crdReadiness(crd([{ type: 'NamesAccepted', status: 'True' }]))).toEqual({ ready: false, summary: 'not yet Established' });
  });
});

describe('version detection', () => {
  const istiod = (labels: Record<string, string>, image: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'istiod', namespace: 'istio-system', labels },
    spec: { template: { spec: { containers: [{ name: 'discovery', image }] } } },
  });
  it('prefers the version label, else the image tag', () => {
    expect(
      installedControlPlanes([
        istiod({ 'operator.istio.io/version': '1.29.2' }, 'x/pilot:1.30.3'),
        istiod({ 'istio.io/rev': 'canary' }, 'gcr.io/x/pilot:1.28.0-distroless'),
      ]),
    ).toEqual([
      { deployment: 'istio-system/istiod', revision: 'default', version: '1.29.2' },
      { deployment: 'istio-system/istiod', revision: 'canary', version: '1.28.0-distroless' },
    ]);
  });
  it.each([
    ['docker.io/istio/pilot:1.30.3', '1.30.3'],
    ['localhost:5000/pilot', undefined],
    ['localhost:5000/pilot:dev', 'dev'],
    ['pilot@sha256:abc', undefined],
  ])('imageTag(%s)', (image, tag) => expect(imageTag(image)).toBe(tag));
  it('warns only for other versions', () => {
    const planes = [
      { deployment: 'istio-system/istiod', revision: 'default', version: '1.29.2' },
      { deployment: 'istio-system/istiod-canary', revision: 'canary', version: '1.30.3' },
    ];
    expect(versionWarnings(planes, '1.30.3', 'default')).toEqual([
      'the cluster runs Istio 1.29.2 (istio-system/istiod, revision default); this install replaces it with 1.30.3: upgrade the data plane afterwards (restart workloads)',
    ]);
  });
});

describe('durations', () => {
  it.each([
    ['5m', 300_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1500ms', 1500],
    ['300', 300_000],
    ['2.5s', 2500],
    ['5x', undefined],
    ['', undefined],
    ['m', undefined],
  ])('parseDuration(%s)', (t, ms) => expect(parseDuration(t)).toBe(ms));
  it.each([
    [300_000, '5m0s'],
    [90_000, '1m30s'],
    [10_000, '10s'],
    [5_400_000, '1h30m0s'],
  ])('formatDuration(%d)', (ms, t) => expect(formatDuration(ms)).toBe(t));
});

import { describe, expect, it } from 'vitest';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';

const templates = injectionTemplates(readAsset);

/** The metrics of the HPA named `name` for the given --set flags. */
function metrics(sets: string[], name: string): unknown {
  const hpa = generateManifests({ sets, templates })
    .objects.map((o) => o.object)
    .find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata?.name === name);
  return (hpa as unknown as { spec: { metrics: unknown } }).spec.metrics;
}
const resource = (name: string, averageUtilization: number) => ({ type: 'Resource', resource: { name, target: { type: 'Utilization', averageUtilization } } });

describe('autoscaling v2 inputs (TargetUtilizationConfig)', () => {
  it('accepts pilot.memory.targetAverageUtilization and adds the memory metric after cpu', () => {
    const sets = ['values.pilot.cpu.targetAverageUtilization=90', 'values.pilot.memory.targetAverageUtilization=85'];
    expect(metrics(sets, 'istiod')).toEqual([resource('cpu', 90), resource('memory', 85)]);
  });

  it('accepts a gateway memory target, but the gateway chart scales on cpu only', () => {
    const sets = ['values.gateways.istio-ingressgateway.memory.targetAverageUtilization=70'];
    expect(metrics(sets, 'istio-ingressgateway')).toEqual([resource('cpu', 80)]);
  });

  it('still refuses other fields under memory', () => {
    expect(() => generateManifests({ sets: ['values.pilot.memory.bogus=1'], templates })).toThrow(/bogus/);
  });
});

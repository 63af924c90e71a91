import { describe, expect, it } from 'vitest';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';

const templates = injectionTemplates(readAsset);

/** The values ConfigMap's two keys, parsed, for the given --set flags. */
function valuesCm(sets: string[], name = 'values') {
  const cm = generateManifests({ sets, templates })
    .objects.map((o) => o.object)
    .find((o) => o.kind === 'ConfigMap' && o.metadata?.name === name) as unknown as {
    metadata: { namespace: string; annotations: Record<string, string> };
    data: Record<string, string>;
  };
  expect(cm, `ConfigMap ${name}`).toBeDefined();
  return { cm, original: JSON.parse(cm.data['original-values']!), merged: JSON.parse(cm.data['merged-values']!) };
}

describe("the istiod chart's values ConfigMap", () => {
  it('is named per revision, lives in the release namespace and says it is for debugging', () => {
    const { cm } = valuesCm(['revision=canary', 'components.pilot.namespace=istio-control'], 'values-canary');
    expect(cm.metadata.namespace).toBe('istio-control');
    expect(cm.metadata.annotations['kubernetes.io/description']).toMatch(/modifying these values has no effect/);
  });

  it("original-values holds what was given: istioctl's always-set keys plus the user's changes", () => {
    const { original } = valuesCm(['values.pilot.autoscaleMin=3', 'meshConfig.accessLogFile=/dev/stdout']);
    expect(original.pilot).toEqual({ autoscaleMin: 3, cni: { enabled: false }, enabled: true });
    expect(original.global).toMatchObject({ istioNamespace: 'istio-system', configValidation: true });
    expect(original.meshConfig).toEqual({ accessLogFile: '/dev/stdout' });
    expect(original).not.toHaveProperty('sidecarInjectorWebhook');
  });

  it('merged-values copies everything under pilot to the top level, as the chart does', () => {
    const { merged, cm } = valuesCm(['values.pilot.autoscaleMin=3']);
    expect(merged.autoscaleMin).toBe(3);
    expect(merged.pilot.autoscaleMin).toBe(3);
    expect(merged.global.istioNamespace).toBe('istio-system');
    // Sorted keys, two-space indentation: Helm's toPrettyJson.
    expect(Object.keys(merged)).toEqual([...Object.keys(merged)].sort());
    expect(cm.data['merged-values']).toMatch(/^\{\n {2}"affinity": \{\},\n/);
  });

  it("escapes <, > and & as Go's JSON encoder does", () => {
    const { cm, merged } = valuesCm(['values.pilot.env.X=<a&b>']);
    expect(cm.data['merged-values']).toContain('"X": "\\u003ca\\u0026b\\u003e"');
    expect(merged.env.X).toBe('<a&b>');
  });
});

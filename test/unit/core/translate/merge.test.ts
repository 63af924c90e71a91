import { describe, expect, it } from 'vitest';
import { mergeInputs, translate } from '../../../../src/core/translate/index.js';
import { getPath } from '../../../../src/core/tree.js';

describe("manifest translate's merge (Istio's MergeInputs)", () => {
  it('moves top-level fields into the values and lets the user values win over the translation', () => {
    const merged = mergeInputs(
      [{ spec: { revision: 'r1', meshConfig: { accessLogFile: '/dev/stdout' }, values: { pilot: { cni: { enabled: true } } } } }],
      ['tag=1.30.3-distroless'],
    );
    expect(getPath(merged, 'spec.values.revision')).toBe('r1');
    expect(getPath(merged, 'spec.values.global.tag')).toBe('1.30.3-distroless');
    expect(getPath(merged, 'spec.values.meshConfig')).toEqual({ accessLogFile: '/dev/stdout' });
    // components.cni is off, but the user asked for values.pilot.cni.enabled: the user wins, as in Istio.
    expect(getPath(merged, 'spec.values.pilot.cni.enabled')).toBe(true);
  });

  it('replaces lists and merges maps, later inputs over earlier ones', () => {
    const merged = mergeInputs([{ spec: { components: { ingressGateways: [{ name: 'a', enabled: true }] } } }, { spec: { values: { global: { x: 1 } } } }], []);
    expect(getPath(merged, 'spec.components.ingressGateways')).toEqual([{ name: 'a', enabled: true }]);
    expect(getPath(merged, 'spec.values.global')).toMatchObject({ x: 1, istioNamespace: 'istio-system' });
  });

  it('sets metadata.namespace from values.global.istioNamespace, where the charts are installed', () => {
    const merged = mergeInputs([], ['values.global.istioNamespace=mesh-system']);
    expect(getPath(merged, 'metadata.namespace')).toBe('mesh-system');
    expect(translate(merged, []).files.find((f) => f.name === 'install-pilot.sh')!.text).toContain('--namespace mesh-system -f pilot-values.yaml');
  });

  it('names a gateway that a values switch turns on, and leaves out disabled components', () => {
    const merged = mergeInputs([], ['profile=empty', 'values.gateways.istio-egressgateway.enabled=true']);
    expect(translate(merged, [])).toEqual({ files: [expect.objectContaining({ name: 'README.md' })], unsupported: ['istio-egressgateway'] });
  });
});

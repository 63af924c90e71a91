/** Which injection templates run for a pod, as Istio's injector selects them. */
import { describe, expect, it } from 'vitest';
import { selectTemplates, templateRenderer } from '../../../../src/core/inject/templates.js';
import type { InjectConfig } from '../../../../src/core/inject/config.js';

const config = (values = {}): InjectConfig => ({ values, meshConfig: {}, revision: 'default', nativeSidecars: true });

describe('selectTemplates', () => {
  it('takes the pod annotation, comma-separated and trimmed, in order', () => {
    expect(selectTemplates({ 'inject.istio.io/templates': 'sidecar, spire ,x' }, config())).toEqual(['sidecar', 'spire', 'x']);
  });
  it('else the injector default templates from the values, else sidecar', () => {
    expect(selectTemplates({}, config({ sidecarInjectorWebhook: { defaultTemplates: ['sidecar', 'extra'] } }))).toEqual(['sidecar', 'extra']);
    expect(selectTemplates({}, config({ sidecarInjectorWebhook: { defaultTemplates: [] } }))).toEqual(['sidecar']);
    expect(selectTemplates({}, config())).toEqual(['sidecar']);
  });
  it('knows the sidecar renderer and nothing it cannot render', () => {
    expect(templateRenderer('sidecar')).toBeTypeOf('function');
    expect(templateRenderer('toString')).toBeUndefined();
    expect(templateRenderer('no-such-template')).toBeUndefined();
  });
});

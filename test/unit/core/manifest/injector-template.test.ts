import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';
import { INJECTION_TEMPLATE_FILES } from '../../../../src/core/manifest/istiod-config.js';

/** The injection template texts, read as the commands read them. */
const templates = injectionTemplates(readAsset);

const templateFile = new URL('../../../../manifests/injection/sidecar.tmpl', import.meta.url);

/** The parsed `config` key of the rendered istio-sidecar-injector ConfigMap. */
function injectorConfig(sets: string[]): Record<string, unknown> {
  const { objects } = generateManifests({ sets, templates });
  const cm = objects.map((o) => o.object).find((o) => o.kind === 'ConfigMap' && String(o.metadata?.name).startsWith('istio-sidecar-injector'));
  expect(cm, 'istio-sidecar-injector ConfigMap').toBeDefined();
  return jsyaml.load(String((cm as unknown as { data: Record<string, string> }).data.config)) as Record<string, unknown>;
}

describe('istio-sidecar-injector templates', () => {
  it('embeds manifests/injection/sidecar.tmpl verbatim as the default "sidecar" template', () => {
    const config = injectorConfig([]);
    expect(config.defaultTemplates).toEqual(['sidecar']);
    expect((config.templates as Record<string, string>).sidecar).toBe(readFileSync(templateFile, 'utf8'));
  });

  it('keeps the user\'s own templates beside it, and a user "sidecar" replaces mesh\'s', () => {
    const config = injectorConfig(['values.sidecarInjectorWebhook.templates.custom=metadata: {}', 'values.sidecarInjectorWebhook.templates.sidecar=spec: {}']);
    // mesh's other built-in templates stay; only the user's "sidecar" replaces mesh's.
    const templates = config.templates as Record<string, string>;
    expect(Object.keys(templates).sort()).toEqual([...Object.keys(INJECTION_TEMPLATE_FILES), 'custom'].sort());
    expect(templates).toMatchObject({ custom: 'metadata: {}', sidecar: 'spec: {}' });
  });
});

describe('istio-sidecar-injector config layout', () => {
  it("has the keys of Istio's chart in its order, with the legacy `template` guard before `templates`", () => {
    const config = injectorConfig([]);
    expect(Object.keys(config)).toEqual([
      'defaultTemplates',
      'policy',
      'alwaysInjectSelector',
      'neverInjectSelector',
      'injectedAnnotations',
      'template',
      'templates',
    ]);
    expect(config.template).toBe('{{ Template_Version_And_Istio_Version_Mismatched_Check_Installation }}');
  });
});

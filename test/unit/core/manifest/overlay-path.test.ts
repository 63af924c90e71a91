import { describe, expect, it } from 'vitest';
import { overlaySteps, overlayValue, writeOverlayPath } from '../../../../src/core/manifest/overlay-path.js';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';
import type { JsonObject } from '../../../../src/core/tree.js';

const deployment = (): JsonObject => ({
  spec: {
    containers: [
      {
        name: 'discovery',
        args: ['discovery', '--keepaliveMaxServerConnectionAge', '30m'],
        ports: [{ containerPort: 8080 }, { containerPort: 15010 }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
    ],
  },
});
const write = (obj: JsonObject, path: string, value: unknown) => writeOverlayPath(obj, path, value, 'Deployment/istiod');
const container = (obj: JsonObject) => ((obj.spec as JsonObject).containers as JsonObject[])[0]!;

describe('overlay paths (istioctl tpath syntax)', () => {
  it('splits on unescaped dots and before brackets', () => {
    expect(overlaySteps('webhooks.[name:namespace\\.sidecar-injector\\.istio\\.io].clientConfig')).toEqual([
      'webhooks',
      '[name:namespace.sidecar-injector.istio.io]',
      'clientConfig',
    ]);
    expect(overlaySteps('spec.containers[0].args[1]')).toEqual(['spec', 'containers', '[0]', 'args', '[1]']);
  });

  it('selects a scalar list item by value ([value] and [:value]) and replaces it', () => {
    const d = deployment();
    write(d, 'spec.containers.[name:discovery].args.[30m]', '60m');
    write(d, 'spec.containers.[name:discovery].args.[:discovery]', 'pilot');
    expect(container(d).args).toEqual(['pilot', '--keepaliveMaxServerConnectionAge', '60m']);
  });

  it('selects map items by key:value, compared as printed (numbers too)', () => {
    const d = deployment();
    write(d, 'spec.containers.[name:discovery].ports.[containerPort:8080].containerPort', 1234);
    expect(container(d).ports).toEqual([{ containerPort: 1234 }, { containerPort: 15010 }]);
  });

  it('indexes, and appends past the end or with [-1]', () => {
    const d = deployment();
    write(d, 'spec.containers.[0].args.[1]', '--x');
    write(d, 'spec.containers.[0].args.[-1]', 'last');
    write(d, 'spec.containers.[0].args.[9]', 'later');
    expect(container(d).args).toEqual(['discovery', '--x', '30m', 'last', 'later']);
  });

  it('deletes list items and map keys with a null value, creates missing maps', () => {
    const d = deployment();
    write(d, 'spec.containers.[name:discovery].env.[name:A]', null);
    write(d, 'spec.containers.[name:discovery].ports', undefined);
    write(d, 'spec.containers.[name:discovery].securityContext.runAsUser', 5);
    expect(container(d).env).toEqual([{ name: 'B', value: '2' }]);
    expect(container(d)).not.toHaveProperty('ports');
    expect(container(d).securityContext).toEqual({ runAsUser: 5 });
  });

  it('reads a YAML map given as a string as that map, and keeps JSON and plain text as text', () => {
    expect(overlayValue('fieldRef:\n  fieldPath: metadata.x\n')).toEqual({ fieldRef: { fieldPath: 'metadata.x' } });
    expect(overlayValue('a: b')).toEqual({ a: 'b' });
    expect(overlayValue('{"a": "b"}')).toBe('{"a": "b"}');
    expect(overlayValue('http://x:80')).toBe('http://x:80');
  });

  it('names the path when nothing matches, or a key:value selector meets map items', () => {
    expect(() => write(deployment(), 'spec.containers.[name:other].args', [])).toThrow(
      /Deployment\/istiod: spec.containers.\[name:other\].args: no element matches \[name:other\]/,
    );
    expect(() => write(deployment(), 'spec.containers.[discovery]', {})).toThrow(/not a valid key:value path element/);
  });
});

describe('overlays in a render', () => {
  const templates = injectionTemplates(readAsset);

  it('patch one injector hook without touching the others (each hook has its own clientConfig)', () => {
    const objects = generateManifests({
      files: [
        {
          origin: 'test.yaml',
          value: {
            spec: {
              components: {
                pilot: {
                  k8s: {
                    overlays: [
                      {
                        kind: 'MutatingWebhookConfiguration',
                        name: 'istio-sidecar-injector',
                        patches: [{ path: 'webhooks.[name:namespace\\.sidecar-injector\\.istio\\.io].clientConfig.service.name', value: 'foo' }],
                      },
                    ],
                  },
                },
              },
            },
          },
        },
      ],
      templates,
    }).objects.map((o) => o.object);
    const hook = objects.find((o) => o.kind === 'MutatingWebhookConfiguration') as unknown as {
      webhooks: { name: string; clientConfig: { service: { name: string } } }[];
    };
    expect(hook.webhooks.map((w) => [w.name, w.clientConfig.service.name])).toEqual([
      ['rev.namespace.sidecar-injector.istio.io', 'istiod'],
      ['rev.object.sidecar-injector.istio.io', 'istiod'],
      ['namespace.sidecar-injector.istio.io', 'foo'],
      ['object.sidecar-injector.istio.io', 'istiod'],
    ]);
  });

  it('apply to the Base component too', () => {
    const withPatch = generateManifests({
      files: [
        {
          origin: 'test.yaml',
          value: {
            spec: {
              components: {
                base: {
                  k8s: {
                    overlays: [
                      { kind: 'ServiceAccount', name: 'istio-reader-service-account', patches: [{ path: 'automountServiceAccountToken', value: false }] },
                    ],
                  },
                },
              },
            },
          },
        },
      ],
      templates,
    }).objects.map((o) => o.object);
    expect(withPatch.find((o) => o.kind === 'ServiceAccount' && o.metadata?.name === 'istio-reader-service-account')).toMatchObject({
      automountServiceAccountToken: false,
    });
  });
});

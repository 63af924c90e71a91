// The API server validates custom resources against the CRD's structural schema, and refuses
// CRDs whose schema is not structural: the checks a fake client never makes.
import type { V1CustomResourceDefinition } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, statusOf, tempNamespace, waitFor } from './helpers/kube.js';

const group = 'test.mesh.dev';

function widgetCRD(plural: string, schema: object): V1CustomResourceDefinition {
  const kind = plural[0]!.toUpperCase() + plural.slice(1, -1);
  return {
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural, singular: plural.slice(0, -1), kind },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    },
  };
}

describe('CRD validation', () => {
  const { crds, custom } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  beforeAll(async () => {
    ns = await tempNamespace('crd');
  });
  afterAll(async () => {
    await ns.remove();
    await crds.deleteCustomResourceDefinition({ name: `widgets.${group}` }).catch(() => undefined);
  });

  // client-node's typed models name JSON Schema's `enum` `_enum` (and drop `enum`).
  it('a structural CRD becomes Established; valid CRs are stored, invalid ones rejected', async () => {
    await crds.createCustomResourceDefinition({
      body: widgetCRD('widgets', {
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            required: ['size'],
            properties: { size: { type: 'integer', minimum: 1 }, color: { type: 'string', _enum: ['red', 'blue'] } },
          },
        },
      }),
    });
    await waitFor('widgets CRD to be Established', async () => {
      const crd = await crds.readCustomResourceDefinition({ name: `widgets.${group}` });
      return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
    });

    const widget = (name: string, spec: object) => ({ apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name }, spec });
    const ok = await waitFor('the Widget API to be served', () =>
      custom.createNamespacedCustomObject({ group, version: 'v1', namespace: ns.name, plural: 'widgets', body: widget('ok', { size: 3, color: 'red' }) }),
    );
    expect(ok).toMatchObject({ spec: { size: 3 } });

    const reject = (name: string, spec: object) =>
      custom
        .createNamespacedCustomObject({
          group,
          version: 'v1',
          namespace: ns.name,
          plural: 'widgets',
          body: widget(name, spec),
        })
        .then(
          () => undefined,
          (err: unknown) => err,
        );
    for (const [spec, field] of [
      [{ size: 0 }, 'spec.size'],
      [{ size: 2, color: 'green' }, 'spec.color'],
      [{ color: 'red' }, 'spec.size'],
    ] as const) {
      const err = await reject('bad', spec);
      expect(statusOf(err), JSON.stringify(spec)).toBe(422);
      expect(String((err as { body?: unknown }).body)).toContain(field);
    }
  });

  it('rejects a CRD whose schema is not structural', async () => {
    const err = await crds
      .createCustomResourceDefinition({
        body: widgetCRD('gadgets', { type: 'object', properties: { spec: { properties: { size: { type: 'integer' } } } } }),
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(statusOf(err)).toBe(422);
    expect(String((err as { body?: unknown }).body)).toMatch(/must not be empty for specified object fields|type: Required/);
  });
});

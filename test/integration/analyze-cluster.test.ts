// mesh analyze reading the kinds its newer analyzers need from a real API server: webhook configurations, CRDs
// with their annotations, and Gateway API objects listed under their own group (with the status a controller wrote).
import type { V1CustomResourceDefinition } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, tempNamespace, waitFor } from './helpers/kube.js';
import { runMesh } from './helpers/mesh.js';

const GROUP = 'gateway.networking.k8s.io';

function gatewayApiCRD(plural: string, kind: string, bundle: string, versions: string[]): V1CustomResourceDefinition {
  return {
    metadata: {
      name: `${plural}.${GROUP}`,
      // The API server refuses CRDs in *.k8s.io groups without this annotation.
      annotations: { 'api-approved.kubernetes.io': 'https://github.com/kubernetes-sigs/gateway-api/pull/1538', [`${GROUP}/bundle-version`]: bundle },
    },
    spec: {
      group: GROUP,
      scope: 'Namespaced',
      names: { plural, singular: plural.slice(0, -1), kind, listKind: `${kind}List` },
      // No status subresource: the status a test writes on create is kept, standing in for a controller's.
      // client-node's typed models spell x-kubernetes-preserve-unknown-fields this way (and drop the JSON name).
      versions: versions.map((name, i) => ({
        name,
        served: true,
        storage: i === 0,
        schema: { openAPIV3Schema: { type: 'object', x_kubernetes_preserve_unknown_fields: true } },
      })),
    },
  };
}

describe('mesh analyze on a live cluster: webhooks, Gateway API CRDs and conditions', () => {
  const { crds, objects } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  const webhook = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: 'mesh-it-sidecar-injector' },
    webhooks: [
      {
        name: 'it.sidecar-injector.istio.io',
        admissionReviewVersions: ['v1'],
        sideEffects: 'None',
        failurePolicy: 'Ignore',
        clientConfig: { service: { name: 'istiod-gone', namespace: 'istio-system', path: '/inject' } },
        // Selects nothing any other test creates, so the API server never calls it.
        objectSelector: { matchLabels: { 'mesh-it': 'never' } },
        rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
      },
    ],
  };

  beforeAll(async () => {
    ns = await tempNamespace('analyze');
    await objects.create(webhook);
    await crds.createCustomResourceDefinition({ body: gatewayApiCRD('tlsroutes', 'TLSRoute', 'v1.4.1', ['v1alpha2']) });
    await crds.createCustomResourceDefinition({ body: gatewayApiCRD('httproutes', 'HTTPRoute', 'v1.5.0', ['v1', 'v1beta1']) });
    await waitFor('the HTTPRoute CRD to be Established', async () => {
      const crd = await crds.readCustomResourceDefinition({ name: `httproutes.${GROUP}` });
      return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
    });
    const route = {
      apiVersion: `${GROUP}/v1`,
      kind: 'HTTPRoute',
      metadata: { name: 'shop', namespace: ns.name },
      spec: { parentRefs: [{ name: 'web' }] },
      status: {
        parents: [
          {
            parentRef: { name: 'web' },
            controllerName: 'istio.io/gateway-controller',
            conditions: [{ type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', message: 'backend(shop) not found' }],
          },
        ],
      },
    };
    // The new kind's storage may answer 404/429 for a moment after Established.
    await waitFor('the HTTPRoute to be stored', async () => Boolean(await objects.create(route)));
  });

  afterAll(async () => {
    await objects.delete(webhook).catch(() => undefined);
    for (const plural of ['tlsroutes', 'httproutes']) await crds.deleteCustomResourceDefinition({ name: `${plural}.${GROUP}` }).catch(() => undefined);
    await ns?.remove();
  });

  it('reports the webhook calling a missing Service, the old TLSRoute CRD and the route condition', async () => {
    const res = await runMesh(['analyze', '-A', '-o', 'json']);
    expect(res.code, res.stderr).toBe(79);
    const found = (JSON.parse(res.stdout) as Array<{ code: string; origin: string }>).map((m) => `${m.code} ${m.origin}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'IST0139 MutatingWebhookConfiguration mesh-it-sidecar-injector',
        `IST0176 CustomResourceDefinition tlsroutes.${GROUP}`,
        `IST0171 HTTPRoute ${ns.name}/shop`,
      ]),
    );
    // The HTTPRoute CRD is current and serves v1 and v1beta1: nothing to say about it.
    expect(found.filter((f) => f.includes(`httproutes.${GROUP}`))).toEqual([]);
    expect(res.stderr).not.toMatch(/HTTPRoute\.gateway/);
  });
});

// mesh describe on a live cluster: a small meshed app (a Service, a pod with an istio-proxy container on a kwok
// node) plus the Istio resources that govern it, read back with one list per kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, statusOf, tempNamespace, waitFor } from './helpers/kube.js';
import { runMesh } from './helpers/mesh.js';

/** Istio kinds this test stores; when the cluster lacks their CRDs, the test adds schemaless ones (and removes only those). */
const ISTIO_KINDS = [
  ['networking.istio.io', 'destinationrules', 'DestinationRule'],
  ['networking.istio.io', 'virtualservices', 'VirtualService'],
  ['security.istio.io', 'peerauthentications', 'PeerAuthentication'],
  ['security.istio.io', 'authorizationpolicies', 'AuthorizationPolicy'],
] as const;

describe('mesh describe on a live cluster', () => {
  const { core, crds, objects } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  const created: string[] = [];

  beforeAll(async () => {
    for (const [group, plural, kind] of ISTIO_KINDS) {
      try {
        await crds.createCustomResourceDefinition({
          body: {
            metadata: { name: `${plural}.${group}` },
            spec: {
              group,
              scope: 'Namespaced',
              names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
              versions: [
                { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', x_kubernetes_preserve_unknown_fields: true } } },
              ],
            },
          },
        });
        created.push(`${plural}.${group}`);
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    }
    for (const name of created) {
      await waitFor(`CRD ${name} to be Established`, async () =>
        (await crds.readCustomResourceDefinition({ name })).status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True'),
      );
    }
    ns = await tempNamespace('describe');
    const n = ns.name;
    await core.createNamespacedService({
      namespace: n,
      body: { metadata: { name: 'cart' }, spec: { selector: { app: 'cart' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } },
    });
    await core.createNamespacedPod({
      namespace: n,
      body: {
        metadata: { name: 'cart-v1', labels: { app: 'cart', version: 'v1' }, annotations: { 'sidecar.istio.io/status': '{"revision":"default"}' } },
        spec: {
          containers: [
            { name: 'cart', image: 'example.invalid/cart:1', ports: [{ containerPort: 8080 }] },
            { name: 'istio-proxy', image: 'example.invalid/proxyv2:1.30.3' },
          ],
        },
      },
    });
    await core.createNamespacedPod({
      namespace: n,
      body: { metadata: { name: 'plain', labels: { app: 'plain' } }, spec: { containers: [{ name: 'app', image: 'example.invalid/plain:1' }] } },
    });
    const istio = [
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'DestinationRule',
        metadata: { name: 'cart', namespace: n },
        spec: {
          host: 'cart',
          trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
          subsets: [
            { name: 'v1', labels: { version: 'v1' } },
            { name: 'v2', labels: { version: 'v2' } },
          ],
        },
      },
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'cart', namespace: n },
        spec: {
          hosts: ['cart'],
          http: [
            {
              route: [
                { destination: { host: 'cart', subset: 'v1' }, weight: 80 },
                { destination: { host: 'cart', subset: 'v2' }, weight: 20 },
              ],
            },
          ],
        },
      },
      { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'default', namespace: n }, spec: { mtls: { mode: 'STRICT' } } },
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'cart-get', namespace: n },
        spec: { selector: { matchLabels: { app: 'cart' } }, rules: [{ to: [{ operation: { methods: ['GET'] } }] }] },
      },
    ];
    // A new kind's storage may answer 404/429 for a moment after Established.
    for (const o of istio) await waitFor(`${o.kind} to be stored`, async () => Boolean(await objects.create(o)));
    await waitFor('pod cart-v1 to be Running', async () => (await core.readNamespacedPod({ name: 'cart-v1', namespace: n })).status?.phase === 'Running');
  });

  afterAll(async () => {
    await ns?.remove();
    for (const name of created) await crds.deleteCustomResourceDefinition({ name }).catch(() => undefined);
  });

  it('describes a pod: service port, subsets, routes with weights, mTLS, authorization', async () => {
    const res = await runMesh(['describe', 'pod', 'cart-v1', '-n', ns.name]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Pod: cart-v1\n   Pod Revision: default\n   Pod Ports: 8080 (cart)\n');
    expect(res.stdout).toContain('Service: cart\n   Port: http 80/HTTP targets pod port 8080\n');
    expect(res.stdout).toContain(
      'DestinationRule: cart for "cart"\n   Matching subsets: v1\n      (Non-matching subsets v2)\n   Traffic Policy TLS Mode: ISTIO_MUTUAL\n',
    );
    expect(res.stdout).toContain('   Route to host "cart" subset "v1" with weight 80%\n');
    expect(res.stdout).toContain('   Route to host "cart" subset "v2" with weight 20% (not this pod: subset v2 does not select this pod)\n');
    expect(res.stdout).toContain('Workload mTLS mode: STRICT\nApplied PeerAuthentication:\n   default\n'.replace('default\n', `default.${ns.name}\n`));
    expect(res.stdout).toContain(`cart-get.${ns.name}: ALLOW, 1 rule(s) (selects this workload)`);
  });

  it('describes a service as JSON, and finds a pod through its service with svc/', async () => {
    const res = await runMesh(['describe', 'svc', `cart.${ns.name}`, '-o', 'json']);
    expect(res.code, res.stderr).toBe(0);
    const d = JSON.parse(res.stdout) as {
      pods: { name: string; meshed: boolean }[];
      service: { traffic: { destinationRule: { matchingSubsets: string[] } }[] };
    };
    expect(d.pods).toEqual([{ name: 'cart-v1', namespace: ns.name, kind: 'Pod', meshed: true }]);
    expect(d.service.traffic[0]!.destinationRule.matchingSubsets).toEqual(['v1']);
    const viaSvc = await runMesh(['describe', 'pod', `svc/cart.${ns.name}`, '-o', 'json']);
    expect(viaSvc.code, viaSvc.stderr).toBe(0);
    expect(JSON.parse(viaSvc.stdout)).toMatchObject({ pod: { name: 'cart-v1', meshed: true } });
  });

  it('warns about a pod without a sidecar, and names an unknown pod in one line (exit 69)', async () => {
    const plain = await runMesh(['describe', 'pod', `plain.${ns.name}`]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(`WARNING: plain.${ns.name} is not part of the mesh`);
    const missing = await runMesh(['describe', 'pod', 'nope', '-n', ns.name]);
    expect(missing.code).toBe(69);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain(`pod nope in namespace ${ns.name} not found`);
  });
});

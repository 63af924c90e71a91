// mesh waypoint on a real API server: without the Gateway API CRDs apply refuses and changes nothing; with the CRDs of
// the gateway-api module Istio 1.30 builds against (read from the Go module cache), apply creates the Gateway and
// labels the namespace, status/list read the conditions the test sets as istiod would, apply --wait waits for them,
// and `waypoint status <pod>` names each reason a pod's traffic uses no waypoint.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, statusOf, tempNamespace, waitFor } from './helpers/kube.js';
import { runMesh } from './helpers/mesh.js';

const GROUP = 'gateway.networking.k8s.io';
const CRDS = [`gateways.${GROUP}`, `gatewayclasses.${GROUP}`];

/** The standard Gateway and GatewayClass CRDs of the sigs.k8s.io/gateway-api module test/istio pins. */
function gatewayApiCrds(): object[] {
  const dir = spawnSync('go', ['list', '-m', '-f', '{{.Dir}}', 'sigs.k8s.io/gateway-api'], { cwd: join(import.meta.dirname, '../istio'), encoding: 'utf8' });
  if (dir.status !== 0) throw new Error(`cannot locate the gateway-api module (needs Go and test/istio's module): ${dir.stderr}`);
  return ['gateways', 'gatewayclasses'].map((p) => parse(readFileSync(join(dir.stdout.trim(), 'config/crd/standard', `${GROUP}_${p}.yaml`), 'utf8')) as object);
}

describe('mesh waypoint on a live cluster', () => {
  const { core, crds, custom, objects } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  const gw = (namespace: string, name: string) => custom.getNamespacedCustomObject({ group: GROUP, version: 'v1', namespace, plural: 'gateways', name });
  /** Sets the Gateway's Programmed condition, as istiod's status writer does. */
  const setProgrammed = async (namespace: string, name: string, status: 'True' | 'False', reason: string, message: string) => {
    const live = (await gw(namespace, name)) as { status?: { conditions?: object[] } };
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const conditions = [
      { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Resource accepted', lastTransitionTime: now },
      { type: 'Programmed', status, reason, message, lastTransitionTime: now },
    ];
    await custom.replaceNamespacedCustomObjectStatus({
      group: GROUP,
      version: 'v1',
      namespace,
      plural: 'gateways',
      name,
      body: { ...live, status: { conditions } },
    });
  };

  beforeAll(async () => {
    // A leftover from an earlier run would hide the "CRDs missing" case.
    for (const name of CRDS) await crds.deleteCustomResourceDefinition({ name }).catch(() => undefined);
    await waitFor('the Gateway API CRDs to be gone', async () => {
      const left = await Promise.all(
        CRDS.map((name) =>
          crds.readCustomResourceDefinition({ name }).then(
            () => name,
            () => undefined,
          ),
        ),
      );
      return left.every((l) => l === undefined);
    });
    ns = await tempNamespace('waypoint', { 'istio.io/dataplane-mode': 'ambient' });
  });
  afterAll(async () => {
    await ns?.remove();
    for (const name of CRDS) await crds.deleteCustomResourceDefinition({ name }).catch(() => undefined);
  });

  it('apply without the Gateway API CRDs: one line, exit 69, the namespace left unlabelled', async () => {
    const res = await runMesh(['waypoint', 'apply', '-n', ns.name, '--enroll-namespace']);
    expect(res.code).toBe(69);
    expect(res.stderr.split('\n')[0]).toBe('error: missing Kubernetes Gateway CRDs need to be installed before applying a waypoint');
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect((await core.readNamespace({ name: ns.name })).metadata?.labels?.['istio.io/use-waypoint']).toBeUndefined();
  });

  it('with the CRDs installed, apply creates the Gateway and labels the namespace', async () => {
    for (const crd of gatewayApiCrds()) await objects.create(crd as never);
    for (const name of CRDS)
      await waitFor(`CRD ${name} to be Established`, async () =>
        (await crds.readCustomResourceDefinition({ name })).status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True'),
      );
    // A new kind's storage may refuse requests for a moment after Established.
    const res = await waitFor('waypoint apply to succeed', async () => {
      const r = await runMesh(['waypoint', 'apply', '-n', ns.name, '--enroll-namespace', '--for', 'all']);
      return r.code === 0 && r;
    });
    expect(res.stderr).toBe(`✅ waypoint ${ns.name}/waypoint applied\n✅ namespace ${ns.name} labeled with "istio.io/use-waypoint: waypoint"\n`);
    const created = (await gw(ns.name, 'waypoint')) as { metadata: { labels?: Record<string, string>; managedFields?: { manager?: string }[] }; spec: unknown };
    expect(created.spec).toMatchObject({ gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] });
    expect(created.metadata.labels).toEqual({ 'istio.io/waypoint-for': 'all' });
    expect(created.metadata.managedFields?.map((f) => f.manager)).toContain('mesh');
    expect((await core.readNamespace({ name: ns.name })).metadata?.labels).toMatchObject({
      'istio.io/use-waypoint': 'waypoint',
      'istio.io/dataplane-mode': 'ambient',
    });
  });

  it('status and list read the conditions istiod sets', async () => {
    // Before a controller writes status there is no condition: an empty row, as istioctl prints it; waiting times out.
    const pending = await runMesh(['waypoint', 'status', '-n', ns.name, '--wait=false']);
    expect(pending.code, pending.stderr).toBe(0);
    expect(pending.stdout).toMatch(/^waypoint\s*$/m);
    const waited = await runMesh(['waypoint', 'status', '-n', ns.name, '--waypoint-timeout', '2s']);
    expect(waited.code).toBe(69);
    expect(waited.stderr.split('\n')[0]).toBe(`error: timed out while retrieving status for waypoint ${ns.name}/waypoint`);
    await setProgrammed(ns.name, 'waypoint', 'True', 'Programmed', 'Resource programmed, assigned to service(s) waypoint');
    const ready = await runMesh(['waypoint', 'status', '-n', ns.name]);
    expect(ready.code, ready.stderr).toBe(0);
    expect(ready.stdout.split('\n')).toEqual([
      'NAME         STATUS     TYPE           REASON         MESSAGE',
      'waypoint     True       Programmed     Programmed     Resource programmed, assigned to service(s) waypoint',
      '',
    ]);
    const list = await runMesh(['waypoint', 'list', '-A', '-o', 'json']);
    expect(JSON.parse(list.stdout)).toContainEqual({ namespace: ns.name, name: 'waypoint', revision: 'default', trafficType: 'all', programmed: 'True' });
    expect((await runMesh(['waypoint', 'list', '-n', ns.name])).stdout).toMatch(/^waypoint\s+default\s+all\s+True$/m);
  });

  it('apply --wait returns once the waypoint is Programmed', async () => {
    const applying = runMesh(['waypoint', 'apply', '-n', ns.name, '--name', 'second', '--wait', '--waypoint-timeout', '60s']);
    await waitFor('the second Gateway', async () => Boolean(await gw(ns.name, 'second')));
    await setProgrammed(ns.name, 'second', 'True', 'Programmed', 'ok');
    const res = await applying;
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain(`✅ waypoint ${ns.name}/second is ready!`);
    const deleted = await runMesh(['waypoint', 'delete', 'second', '-n', ns.name]);
    expect(deleted.stderr).toBe(`waypoint ${ns.name}/second deleted\n`);
    await waitFor('second to be gone', async () =>
      gw(ns.name, 'second').then(
        () => false,
        (e) => statusOf(e) === 404,
      ),
    );
  });

  describe('why a pod uses no waypoint (one pod per reason)', () => {
    let why: Awaited<ReturnType<typeof tempNamespace>>;
    let plain: Awaited<ReturnType<typeof tempNamespace>>;
    let bare: Awaited<ReturnType<typeof tempNamespace>>;
    const pods: [string, string, Record<string, string>, boolean?][] = [];

    beforeAll(async () => {
      why = await tempNamespace('why', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'wp-all' });
      plain = await tempNamespace('plain');
      bare = await tempNamespace('bare', { 'istio.io/dataplane-mode': 'ambient' });
      const gateways: [string, Record<string, string>, string, ('True' | 'False')?][] = [
        ['wp-all', { 'istio.io/waypoint-for': 'all' }, 'istio-waypoint', 'True'],
        ['wp-svc', {}, 'istio-waypoint', 'True'],
        ['wp-pending', { 'istio.io/waypoint-for': 'all' }, 'istio-waypoint', 'False'],
        ['wp-canary', { 'istio.io/waypoint-for': 'all', 'istio.io/rev': 'canary' }, 'istio-waypoint', 'True'],
        ['ingress', {}, 'istio'],
      ];
      for (const [name, labels, gatewayClassName, programmed] of gateways) {
        await objects.create({
          apiVersion: `${GROUP}/v1`,
          kind: 'Gateway',
          metadata: { name, namespace: why.name, labels },
          spec: { gatewayClassName, listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
        } as never);
        if (programmed)
          await setProgrammed(why.name, name, programmed, programmed === 'True' ? 'Programmed' : 'NoResources', programmed === 'True' ? 'ok' : 'no pods ready');
      }
      pods.push(
        ['uses', why.name, {}],
        ['not-ambient', plain.name, {}],
        ['opted-out', why.name, { 'istio.io/dataplane-mode': 'none' }],
        ['sidecar', why.name, {}, true],
        ['no-label', bare.name, {}],
        ['label-none', why.name, { 'istio.io/use-waypoint': 'none' }],
        ['missing', why.name, { 'istio.io/use-waypoint': 'nope' }],
        ['not-waypoint', why.name, { 'istio.io/use-waypoint': 'ingress' }],
        ['svc-only', why.name, { 'istio.io/use-waypoint': 'wp-svc' }],
        ['pending', why.name, { 'istio.io/use-waypoint': 'wp-pending' }],
        ['canary', why.name, { 'istio.io/use-waypoint': 'wp-canary' }],
        ['cross', bare.name, { 'istio.io/use-waypoint': 'wp-all', 'istio.io/use-waypoint-namespace': why.name }],
      );
      for (const [name, namespace, labels, sidecar] of pods) {
        const containers = [
          { name: 'app', image: 'example.invalid/app:1' },
          ...(sidecar ? [{ name: 'istio-proxy', image: 'example.invalid/proxyv2:1.30.3' }] : []),
        ];
        await core.createNamespacedPod({ namespace, body: { metadata: { name, labels: { app: name, ...labels } }, spec: { containers } } });
      }
      for (const [name, namespace] of pods)
        await waitFor(`pod ${name} to be Running`, async () => (await core.readNamespacedPod({ name, namespace })).status?.phase === 'Running');
    });
    afterAll(async () => {
      await Promise.all([why?.remove(), plain?.remove(), bare?.remove()]);
    });

    const workloadPath = async (pod: string, namespace: string) => {
      const res = await runMesh(['waypoint', 'status', `${pod}.${namespace}`, '-o', 'json']);
      expect(res.code, res.stderr).toBe(0);
      return (JSON.parse(res.stdout) as { paths: { traffic: string; waypoint?: { name: string }; reason?: { code: string; message: string } }[] }).paths[0]!;
    };

    it('a pod labelled for a Programmed waypoint of its revision uses it', async () => {
      expect((await workloadPath('uses', why.name)).waypoint?.name).toBe('wp-all');
      const text = await runMesh(['waypoint', 'status', `uses.${why.name}`]);
      expect(text.stdout).toContain(`Workload traffic (to pod uses): waypoint ${why.name}/wp-all (istio.io/use-waypoint on the namespace)`);
    });

    it.each([
      ['not-ambient', 'plain', 'not-ambient'],
      ['opted-out', 'why', 'opted-out'],
      ['sidecar', 'why', 'sidecar'],
      ['no-label', 'bare', 'no-use-waypoint'],
      ['label-none', 'why', 'use-waypoint-none'],
      ['missing', 'why', 'waypoint-not-found'],
      ['not-waypoint', 'why', 'not-a-waypoint'],
      ['svc-only', 'why', 'traffic-not-covered'],
      ['pending', 'why', 'not-programmed'],
      ['canary', 'why', 'revision-mismatch'],
      ['cross', 'bare', 'namespace-not-allowed'],
    ])('%s: %s', async (pod, where, code) => {
      const namespace = { why: why.name, plain: plain.name, bare: bare.name }[where]!;
      const path = await workloadPath(pod, namespace);
      expect(path.waypoint).toBeUndefined();
      expect(path.reason?.code).toBe(code);
    });

    it('analyze on the cluster reports the labels naming a missing, excluding or other-revision waypoint', async () => {
      const res = await runMesh(['analyze', '-n', why.name, '-o', 'json']);
      expect([0, 79]).toContain(res.code);
      const found = (JSON.parse(res.stdout) as { code: string; origin: string }[]).filter((m) => m.code >= 'MESH0008').map((m) => `${m.code} ${m.origin}`);
      expect(found).toEqual(
        expect.arrayContaining([
          `MESH0009 Pod ${why.name}/missing`,
          `MESH0009 Pod ${why.name}/not-waypoint`,
          `MESH0010 Pod ${why.name}/svc-only`,
          `MESH0014 Pod ${why.name}/canary`,
        ]),
      );
    });

    it('describe pod prints the ambient path on the cluster', async () => {
      const res = await runMesh(['describe', 'pod', `pending.${why.name}`]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('Ambient:');
      expect(res.stdout).toContain(`no waypoint: waypoint ${why.name}/wp-pending is not Programmed: Programmed=False (NoResources: no pods ready)`);
    });
  });
});

// proxy-status against a real API server: istiod pods on kwok nodes whose port 15014 (and a proxy's 15000) are
// served by local stand-ins through real port-forwards (helpers/stand-in.ts). The temporary namespace plays the
// control-plane namespace (-i).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, tempNamespace, waitFor } from './helpers/kube.js';
import { runMesh, type MeshResult } from './helpers/mesh.js';
import { standInForPod, type PodStandIn } from './helpers/stand-in.js';

const CDS = 'type.googleapis.com/envoy.config.cluster.v3.Cluster';
const LDS = 'type.googleapis.com/envoy.config.listener.v3.Listener';
const RDS = 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration';

function proxy(id: string, version: string, types: Record<string, { sent?: string; acked?: string }>) {
  return { proxy: id, proxy_type: 'sidecar', cluster_id: 'Kubernetes', istio_version: version, resources: types };
}

describe('mesh proxy-status on a cluster', () => {
  const { core } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  const standIns: PodStandIn[] = [];
  const synczQueries: string[] = [];
  const dumps = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'golden', 'proxy-status', 'compare', 'envoy-behind.in.json'), 'utf8')) as {
    istiod: unknown;
    envoy: unknown;
  };

  async function pod(name: string, labels: Record<string, string>) {
    await core.createNamespacedPod({
      namespace: ns.name,
      body: { metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'example.invalid/pilot:1' }] } },
    });
  }

  beforeAll(async () => {
    ns = await tempNamespace('ps');
    await pod('istiod-a', { app: 'istiod', 'istio.io/rev': 'default' });
    await pod('istiod-b', { app: 'istiod', 'istio.io/rev': 'canary' });
    await pod('productpage-1', { app: 'productpage' });
    // istiod-a has two proxies; it does not hold productpage-1's connection, so its config_dump answers 404 as istiod does.
    standIns.push(
      await standInForPod(ns.name, 'istiod-a', 15014, (req, res) => {
        if (req.url?.startsWith('/debug/syncz')) {
          synczQueries.push(req.url);
          res.end(
            JSON.stringify([
              proxy(`reviews-v1-abc.${ns.name}`, '1.30.3', { [CDS]: { sent: '1', acked: '1' }, [LDS]: { sent: '2', acked: '1' } }),
              proxy('ratings-v1-xyz.other', '1.30.3', { [CDS]: { sent: '1', acked: '1' } }),
            ]),
          );
          return;
        }
        res.statusCode = 404;
        res.end('Proxy not connected to this Pilot instance. It may be connected to another instance.\n');
      }),
    );
    standIns.push(
      await standInForPod(ns.name, 'istiod-b', 15014, (req, res) => {
        if (req.url === `/debug/config_dump?proxyID=productpage-1.${ns.name}`) return void res.end(JSON.stringify(dumps.istiod));
        if (req.url?.startsWith('/debug/syncz'))
          return void res.end(JSON.stringify([proxy(`productpage-1.${ns.name}`, '1.30.2', { [CDS]: { sent: 'x', acked: 'x' }, [RDS]: {} })]));
        res.statusCode = 400;
        res.end('unexpected request\n');
      }),
    );
    standIns.push(
      await standInForPod(ns.name, 'productpage-1', 15000, (req, res) => {
        res.end(req.url === '/config_dump' ? JSON.stringify(dumps.envoy) : '{}');
      }),
    );
    await waitFor('the pods to run', async () => {
      const pods = (await core.listNamespacedPod({ namespace: ns.name })).items;
      return pods.length === 3 && pods.every((p) => p.status?.phase === 'Running');
    });
  });
  afterAll(async () => {
    await Promise.all(standIns.map((s) => s.close()));
    await ns.remove();
  });

  /** kwok learns of each stand-in through a watch: retry until every istiod answered. */
  async function untilAllAnswer(args: string[]): Promise<MeshResult> {
    return waitFor(
      'every istiod to answer',
      async () => {
        const r = await runMesh(args);
        return r.code === 0 && !r.stderr.includes('did not answer') ? r : undefined;
      },
      60_000,
    );
  }

  it("merges the syncz answers of every istiod into istioctl's table", async () => {
    const r = await untilAllAnswer(['proxy-status', '-i', ns.name]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/ {2,}/))).toEqual([
      ['NAME', 'CLUSTER', 'ISTIOD', 'VERSION', 'SUBSCRIBED TYPES'],
      [`productpage-1.${ns.name}`, 'Kubernetes', 'istiod-b', '1.30.2', '2 (CDS,RDS)'],
      ['ratings-v1-xyz.other', 'Kubernetes', 'istiod-a', '1.30.3', '1 (CDS)'],
      [`reviews-v1-abc.${ns.name}`, 'Kubernetes', 'istiod-a', '1.30.3', '2 (CDS,LDS)'],
    ]);
    // Columns line up: every row's ISTIOD cell starts where the header's does.
    for (const l of lines.slice(1)) expect(l.indexOf('istiod-')).toBe(lines[0]!.indexOf('ISTIOD'));
    expect(r.stderr).toBe('1 of 3 proxies not in sync (0 with rejected config, 1 waiting for an ACK); --verbosity 1 shows which types\n');
  });

  it('filters by -n (asking istiod to filter too), selects a revision, and prints JSON', async () => {
    const r = await untilAllAnswer(['ps', '-i', ns.name, '-n', 'other', '-r', 'default', '-o', 'json']);
    const report = JSON.parse(r.stdout) as { istiods: unknown[]; proxies: { name: string; istiod: string; types: { type: string; status: string }[] }[] };
    expect(report.istiods).toEqual([{ name: 'istiod-a', namespace: ns.name, proxies: 1 }]);
    expect(report.proxies).toEqual([
      expect.objectContaining({ name: 'ratings-v1-xyz.other', istiod: 'istiod-a', types: [expect.objectContaining({ type: 'CDS', status: 'SYNCED' })] }),
    ]);
    expect(synczQueries).toContain('/debug/syncz?namespace=other');
  });

  it('warns about an istiod that does not answer and still reports the others', async () => {
    await untilAllAnswer(['ps', '-i', ns.name]);
    await pod('istiod-c', { app: 'istiod' });
    await waitFor('istiod-c to run', async () => (await core.readNamespacedPod({ name: 'istiod-c', namespace: ns.name })).status?.phase === 'Running');
    const r = await runMesh(['ps', '-i', ns.name, '--timeout', '10s']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: istiod istiod-c\.ps-\w+ did not answer, its proxies are missing: .+\n/);
    expect(r.stdout).toContain('istiod-a');
    expect(r.stdout).toContain('istiod-b');
    await core.deleteNamespacedPod({ name: 'istiod-c', namespace: ns.name, gracePeriodSeconds: 0 });
  });

  it("diffs istiod's config for one pod with its Envoy's, asking each istiod until one has it", async () => {
    const r = await waitFor(
      'the diff',
      async () => {
        const x = await runMesh(['proxy-status', `productpage-1.${ns.name}`, '-i', ns.name]);
        return x.code === 79 ? x : undefined;
      },
      60_000,
    );
    expect(r.stdout).toContain("Clusters Don't Match\n--- Istiod Clusters\n+++ Envoy Clusters\n");
    expect(r.stdout).toContain('-                "name": "outbound|9080||ratings.bookinfo.svc.cluster.local",');
    expect(r.stdout).toContain("\nListeners Match\nRoutes Don't Match (RDS last loaded at Wed, 04 Mar 2026 10:00:01 UTC)\n");
    expect(r.stderr).toBe('');
    // The same Envoy dump from a file, as JSON: the report names the istiod that had the config.
    const file = await runMesh(['ps', `pod/productpage-1.${ns.name}`, '-i', ns.name, '--file', '-', '-o', 'json'], { input: JSON.stringify(dumps.istiod) });
    expect(file.code).toBe(0);
    expect(JSON.parse(file.stdout)).toMatchObject({ proxy: `productpage-1.${ns.name}`, istiod: 'istiod-b', match: true });
  });
});

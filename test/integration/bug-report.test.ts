// mesh bug-report against the real API server: KWOK pods (no kubelet, so no logs: each log must be a left-out entry
// with the API server's reason), an istiod stand-in answering its debug port through a real port-forward, redaction of
// what it answers, and a user who may read only one namespace.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, restrictedKubeconfig, tempNamespace, waitFor } from './helpers/kube.js';
import { runMesh } from './helpers/mesh.js';
import { standInForPod, type PodStandIn } from './helpers/stand-in.js';
import { untar } from '../helpers/untar.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('mesh bug-report', () => {
  let istio: Awaited<ReturnType<typeof tempNamespace>>;
  let app: Awaited<ReturnType<typeof tempNamespace>>;
  let standIn: PodStandIn;

  beforeAll(async () => {
    const { core } = kube();
    istio = await tempNamespace('br-istio');
    app = await tempNamespace('br-app');
    await core.createNamespacedPod({
      namespace: istio.name,
      body: { metadata: { name: 'istiod-0', labels: { app: 'istiod' } }, spec: { containers: [{ name: 'discovery', image: 'example.invalid/pilot:1.30.3' }] } },
    });
    for (let i = 0; i < 20; i++) {
      await core.createNamespacedPod({
        namespace: app.name,
        body: {
          metadata: { name: `web-${i}`, labels: { app: 'web' } },
          spec: {
            containers: [
              { name: 'web', image: 'example.invalid/web:1' },
              { name: 'istio-proxy', image: 'example.invalid/proxyv2:1.30.3' },
            ],
          },
        },
      });
    }
    await waitFor('istiod-0 Running', async () => (await core.readNamespacedPod({ name: 'istiod-0', namespace: istio.name })).status?.phase === 'Running');
    standIn = await standInForPod(istio.name, 'istiod-0', 15014, (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ path: req.url, token: JWT }));
    });
  }, 120_000);
  afterAll(async () => {
    await standIn?.close();
    await istio?.remove();
    await app?.remove();
  });

  it('archives resources and istiod debug endpoints (redacted); logs a KWOK node cannot serve are left out with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-bug-report-'));
    // The first port-forward may come before kwok has seen its PortForward object: run until the stand-in answered.
    const res = await waitFor('istiod debug endpoints collected', async () => {
      const r = await runMesh(['bug-report', '-i', istio.name, '--include', app.name, '--skip-proxy-debug', '--output-dir', dir, '-o', 'json']);
      const s = JSON.parse(r.stdout || '{}') as { leftOut?: { what: string }[] };
      return r.code === 0 && !s.leftOut?.some((l) => l.what.includes('/debug/syncz')) ? r : undefined;
    });
    const summary = JSON.parse(res.stdout) as { pods: number; containers: Record<string, number>; leftOut: { what: string; reason: string }[] };
    expect(summary.containers).toMatchObject({ istiod: 1, proxy: 20 });
    const logs = summary.leftOut.filter((l) => l.what.endsWith('.log'));
    expect(logs.map((l) => l.what)).toContain(`proxies/${app.name}/web-0/istio-proxy.log`);
    expect(logs.map((l) => l.what)).toContain(`istio/${istio.name}/istiod-0/discovery.log`);
    for (const l of logs) expect(l.reason).toMatch(/^cannot read the log of container \S+ of pod \S+: /);
    const files = await untar(readFileSync(join(dir, 'bug-report.tar.gz')));
    const syncz = files.get(`bug-report/istio/${istio.name}/istiod-0/debug/syncz`);
    expect(syncz).toContain('"path":"/debug/syncz"');
    expect(syncz).not.toContain(JWT);
    expect(files.get('bug-report/versions.txt')).toMatch(/^mesh version: .*\nKubernetes: v1\.\d+/);
    expect([...files.keys()].some((k) => k.startsWith('bug-report/resources/Pod'))).toBe(true);
    expect(JSON.parse(files.get('bug-report/summary.json')!)).toMatchObject({ containers: { istiod: 1, proxy: 20 } });
  });

  it('a user who may read only the app namespace gets a report, and the summary names what was forbidden', async () => {
    const { path } = await restrictedKubeconfig({
      namespace: app.name,
      name: 'reporter',
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }],
    });
    const dir = mkdtempSync(join(tmpdir(), 'mesh-bug-report-'));
    const r = await runMesh(['bug-report', '-i', istio.name, '--include', app.name, '--skip-proxy-debug', '--output-dir', dir, '-o', 'json'], {
      kubeconfig: path,
    });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { containers: Record<string, number>; leftOut: { what: string; reason: string }[] };
    expect(summary.containers.proxy).toBe(20);
    expect(summary.leftOut.find((l) => l.what === `Pods in namespace ${istio.name}`)?.reason).toMatch(/forbidden/);
    expect(summary.leftOut.find((l) => l.what === 'cluster/nodes.yaml')?.reason).toMatch(/forbidden/);
  });
});

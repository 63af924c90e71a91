// mesh ztunnel-config through a real port-forward: a ztunnel DaemonSet (in a temporary namespace given as the Istio
// namespace with -i) gets one pod per kwok node; kwok forwards one of them's port 15000 to a local stand-in that
// answers as ztunnel's admin API would (/config_dump from the generated fixture, /logging), and a workload pod on the
// same node resolves to it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, tempNamespace, waitFor } from './helpers/kube.js';
import { runMesh } from './helpers/mesh.js';
import { standInForPod, type PodStandIn } from './helpers/stand-in.js';

const DUMP = readFileSync(new URL('../fixtures/ztunnel/ambient.config_dump.json', import.meta.url), 'utf8');

/** A fake ztunnel admin API: the dump (with bookinfo renamed to `ns`), and a log level POST /logging?level= sets. */
function fakeZtunnel(ns: string, seen: string[]) {
  let level = 'info';
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/config_dump') return void res.setHeader('content-type', 'application/json').end(DUMP.replaceAll('bookinfo', ns));
    if (url.pathname === '/logging' && req.method === 'POST') {
      level = url.searchParams.get('level') || level;
      return void res.setHeader('content-type', 'text/plain').end(`current log level is ${level}\n`);
    }
    res.writeHead(404).end('invalid path\n');
  };
}

describe('mesh ztunnel-config through a port-forward', () => {
  const { core, apps } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  let standIn: PodStandIn | undefined;
  const seen: string[] = [];
  let node = '';
  let ztunnel = '';
  const workload = 'productpage-v1-675fc69cf-jscn2';

  beforeAll(async () => {
    ns = await tempNamespace('zc');
    await apps.createNamespacedDaemonSet({
      namespace: ns.name,
      body: {
        metadata: { name: 'ztunnel' },
        spec: {
          selector: { matchLabels: { app: 'ztunnel' } },
          template: { metadata: { labels: { app: 'ztunnel' } }, spec: { containers: [{ name: 'istio-proxy', image: 'example.invalid/ztunnel:1.30.3' }] } },
        },
      },
    });
    const pods = await waitFor('two Running ztunnel pods', async () => {
      const list = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=ztunnel' });
      const running = list.items.filter((p) => p.status?.phase === 'Running' && p.spec?.nodeName);
      return running.length >= 2 && running;
    });
    node = pods[0]!.spec!.nodeName!;
    ztunnel = pods[0]!.metadata!.name!;
    standIn = await standInForPod(ns.name, ztunnel, 15000, fakeZtunnel(ns.name, seen));
    await core.createNamespacedPod({
      namespace: ns.name,
      body: {
        metadata: { name: workload, labels: { app: 'productpage' } },
        spec: { nodeName: node, containers: [{ name: 'app', image: 'example.invalid/app:1' }] },
      },
    });
  });
  afterAll(async () => {
    await standIn?.close();
    await ns?.remove();
  });

  it('asks the ztunnel on --node for its /config_dump', async () => {
    const r = await waitFor('the port-forward to answer', async () => {
      const res = await runMesh(['zc', 'policy', '--node', node, '-i', ns.name]);
      return res.code === 0 && res;
    });
    // What it prints for the same dump read from a file.
    const file = join(mkdtempSync(join(tmpdir(), 'mesh-zc-')), 'dump.json');
    writeFileSync(file, DUMP.replaceAll('bookinfo', ns.name));
    const fromFile = await runMesh(['zc', 'policy', '-f', file]);
    expect(fromFile.code).toBe(0);
    expect(r.stdout).toBe(fromFile.stdout);
    expect(r.stdout).toMatch(new RegExp(`^${ns.name} +productpage-viewer +Allow +WorkloadSelector$`, 'm'));
    expect(seen).toContain('GET /config_dump');
  });

  it("resolves a workload pod to its node's ztunnel and shows only that workload", async () => {
    const r = await runMesh(['zc', 'workload', `${workload}.${ns.name}`, '-i', ns.name]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(new RegExp(`^${ns.name} +${workload} +10\\.244\\.1\\.11 +worker-1 +waypoint +HBONE$`));
  });

  it('names the ztunnel pod it changes the log level of', async () => {
    const r = await runMesh(['zc', 'log', `${ztunnel}.${ns.name}`, '--level', 'debug', '-i', ns.name]);
    expect(r).toMatchObject({ code: 0, stdout: `${ztunnel}.${ns.name}:\ncurrent log level is debug\n\n` });
    expect(seen).toContain('POST /logging?level=debug');
  });

  it('says in one line that a node has no ztunnel (exit 69)', async () => {
    const r = await runMesh(['zc', 'w', '--node', 'no-such-node', '-i', ns.name]);
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/^error: no ztunnel pod on node no-such-node\nhint: daemonset\/ztunnel in \S+ has pods on: kwok-node-\d+, kwok-node-\d+\n$/);
  });
});

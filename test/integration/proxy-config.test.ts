// mesh proxy-config through a real port-forward: kwok forwards the pods' port 15000 to a local stand-in that
// answers as Envoy's admin API would, from the same fixtures the goldens use (test/fixtures/proxy-config).
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, tempNamespace, waitFor } from './helpers/kube.js';
import { runMesh, type MeshResult } from './helpers/mesh.js';
import { standInForPod, type PodStandIn } from './helpers/stand-in.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/proxy-config/${name}`, import.meta.url), 'utf8');
const golden = (name: string) => readFileSync(new URL(`../golden/proxy-config/${name}`, import.meta.url), 'utf8');
const DUMP = fixture('productpage.config_dump.json');
const CLUSTERS = fixture('productpage.clusters.json');

/** A fake Envoy admin API: config_dump, clusters, and loggers whose levels POST /logging changes. */
function fakeEnvoy(seen: string[]) {
  const loggers: Record<string, string> = { admin: 'warning', config: 'warning', http: 'warning', rbac: 'warning', router: 'warning' };
  const list = () =>
    `active loggers:\n${Object.entries(loggers)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`;
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/config_dump') return void res.setHeader('content-type', 'application/json').end(DUMP);
    if (url.pathname === '/clusters' && url.searchParams.get('format') === 'json') return void res.setHeader('content-type', 'application/json').end(CLUSTERS);
    if (url.pathname === '/logging' && (req.method === 'POST' || req.method === 'GET')) {
      if (req.method === 'POST') {
        for (const [k, v] of url.searchParams) {
          if (k === 'level') for (const name of Object.keys(loggers)) loggers[name] = v;
          else if (k in loggers) loggers[k] = v;
          else return void res.writeHead(404).end('error: unknown logger name\n');
        }
      }
      return void res.setHeader('content-type', 'text/plain').end(list());
    }
    res.writeHead(404).end('invalid path\n');
  };
}

describe('mesh proxy-config through a port-forward', () => {
  const { core, apps } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  const standIns: PodStandIn[] = [];
  const seen: string[] = [];
  const pod = 'productpage-v1-7c5d9b8f6d-x2k4p';
  let depPod = '';

  beforeAll(async () => {
    ns = await tempNamespace('pc');
    await core.createNamespacedPod({
      namespace: ns.name,
      body: {
        metadata: { name: pod, labels: { app: 'productpage' } },
        spec: { containers: [{ name: 'istio-proxy', image: 'example.invalid/proxyv2:1.30.3', ports: [{ containerPort: 15000 }] }] },
      },
    });
    await apps.createNamespacedDeployment({
      namespace: ns.name,
      body: {
        metadata: { name: 'reviews-v1' },
        spec: {
          selector: { matchLabels: { app: 'reviews' } },
          template: { metadata: { labels: { app: 'reviews' } }, spec: { containers: [{ name: 'istio-proxy', image: 'example.invalid/proxyv2:1.30.3' }] } },
        },
      },
    });
    standIns.push(await standInForPod(ns.name, pod, 15000, fakeEnvoy(seen)));
    depPod = await waitFor('a Running pod of deployment reviews-v1', async () => {
      const pods = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=reviews' });
      return pods.items.find((p) => p.status?.phase === 'Running')?.metadata?.name;
    });
    standIns.push(await standInForPod(ns.name, depPod, 15000, fakeEnvoy(seen)));
    await waitFor(`pod ${pod} to be Running`, async () => (await core.readNamespacedPod({ name: pod, namespace: ns.name })).status?.phase === 'Running');
  });
  afterAll(async () => {
    for (const s of standIns) await s.close();
    await ns?.remove();
  });

  /** Runs mesh until it succeeds: kwok learns of a PortForward object through a watch, so the first tries may miss. */
  const meshOk = (args: string[]): Promise<MeshResult> =>
    waitFor(
      `mesh ${args.join(' ')} to succeed`,
      async () => {
        const r = await runMesh(args);
        if (r.code !== 0) throw new Error(r.stderr);
        return r;
      },
      60_000,
    );

  it('prints the same cluster table from a pod as from the saved dump', async () => {
    const r = await meshOk(['proxy-config', 'cluster', `${pod}.${ns.name}`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(golden('cluster.out.txt'));
    expect(seen).toContain('GET /config_dump?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters');
  });

  it('reads endpoints from /clusters?format=json, with -n for the namespace', async () => {
    const r = await meshOk(['pc', 'endpoints', pod, '-n', ns.name, '--cluster', 'outbound|9080||reviews.bookinfo.svc.cluster.local']);
    expect(r.stdout).toBe(golden('endpoint-cluster.out.txt'));
  });

  it('finds the pod of a deployment/<name>.<namespace> and prints the whole dump with all -o json', async () => {
    const r = await meshOk(['pc', 'all', `deployment/reviews-v1.${ns.name}`, '-o', 'json']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(DUMP));
    expect(seen).toContain('GET /config_dump?include_eds=true');
  });

  it('shows and changes log levels with POST /logging, for a pod and for a label selector', async () => {
    const show = await meshOk(['pc', 'log', `${pod}.${ns.name}`]);
    expect(show.stdout).toBe(`${pod}.${ns.name}:\nactive loggers:\n  admin: warning\n  config: warning\n  http: warning\n  rbac: warning\n  router: warning\n`);
    const set = await meshOk(['pc', 'log', `${pod}.${ns.name}`, '--level', 'info,http:debug', '-o', 'json']);
    expect(JSON.parse(set.stdout)).toEqual([
      { pod, namespace: ns.name, loggers: { admin: 'info', config: 'info', http: 'debug', rbac: 'info', router: 'info' } },
    ]);
    expect(seen.filter((s) => s.startsWith('POST /logging?'))).toEqual(['POST /logging?level=info', 'POST /logging?http=debug']);
    const bad = await runMesh(['pc', 'log', `${pod}.${ns.name}`, '--level', 'nope:debug']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/^error: unrecognized logger name "nope"/);
    // No istio-sidecar-injector ConfigMap in this cluster: --reset falls back to Envoy's default, warning.
    const reset = await meshOk(['pc', 'log', '-l', 'app in (productpage,reviews)', '-n', ns.name, '--reset']);
    expect(reset.stdout).toContain(`${pod}.${ns.name}:\nactive loggers:\n  admin: warning\n`);
    expect(reset.stdout).toContain(`${depPod}.${ns.name}:\nactive loggers:\n  admin: warning\n`);
  });

  it('changes the proxies that answer and names the one that does not', async () => {
    await core.createNamespacedPod({
      namespace: ns.name,
      body: {
        metadata: { name: 'zz-no-admin', labels: { app: 'broken' } },
        spec: { containers: [{ name: 'istio-proxy', image: 'example.invalid/proxyv2:1.30.3' }] },
      },
    });
    await waitFor(
      'pod zz-no-admin to be Running',
      async () => (await core.readNamespacedPod({ name: 'zz-no-admin', namespace: ns.name })).status?.phase === 'Running',
    );
    const r = await runMesh(['pc', 'log', '-l', 'app in (reviews,broken)', '-n', ns.name, '--level', 'error']);
    expect(r.code).toBe(69);
    expect(r.stdout).toContain(`${depPod}.${ns.name}:\nactive loggers:\n  admin: error\n`);
    expect(r.stderr).toMatch(new RegExp(`^error: 1 of 2 proxies failed: cannot reach port 15000 of pod zz-no-admin\\.${ns.name}: .*\n$`));
  });

  it('compares the root CAs of two proxies', async () => {
    const r = await meshOk(['pc', 'rootca-compare', `${pod}.${ns.name}`, `deploy/reviews-v1.${ns.name}`]);
    expect(r.stdout).toBe(`${pod}.${ns.name} and ${depPod}.${ns.name} trust the same root CA: mTLS between them can be verified\n`);
  });

  it('fails in one line for a port nothing listens on and for a missing pod', async () => {
    const closed = await runMesh(['pc', 'bootstrap', `${pod}.${ns.name}`, '--proxy-admin-port', '15099']);
    expect(closed.code).toBe(69);
    expect(closed.stderr.trim().split('\n')[0]).toMatch(new RegExp(`^error: cannot reach port 15099 of pod ${pod}\\.${ns.name}`));
    const missing = await runMesh(['pc', 'route', `nope.${ns.name}`]);
    expect(missing).toMatchObject({ code: 69, stdout: '', stderr: `error: pod nope in namespace ${ns.name} not found\n` });
  });
});

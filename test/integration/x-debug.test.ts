// admin log, remote-clusters, x internal-debug, x envoy-stats, x authz check and x metrics against a real API
// server: istiod, proxy and Prometheus pods on kwok nodes whose ports (ControlZ 9876, debug 15014, Envoy admin 15000,
// Prometheus 9090) are served by local stand-ins through real port-forwards (helpers/stand-in.ts). The temporary
// namespace plays the control-plane namespace (-i).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, kubeconfigPath, restrictedKubeconfig, tempNamespace, waitFor } from './helpers/kube.js';
import { runMesh, type MeshResult } from './helpers/mesh.js';
import { standInForPod, type PodStandIn } from './helpers/stand-in.js';

/** istiod's ControlZ (scopes whose levels PUTs change) and debug endpoints, on one server. */
function fakeIstiod(seen: string[]) {
  const scopes: Record<string, { name: string; description: string; output_level: string; stack_trace_level: string }> = {
    ads: { name: 'ads', description: 'ads debugging', output_level: 'info', stack_trace_level: 'none' },
    default: { name: 'default', description: 'Unscoped logging messages.', output_level: 'info', stack_trace_level: 'none' },
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      seen.push(`${req.method} ${url.pathname}${url.search}${body ? ` ${body}` : ''}`);
      const json = (v: unknown, code = 200) => void res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(v));
      // ControlZ's router has strict slashes: /scopej (what istioctl asks) is redirected to /scopej/ (what mesh asks).
      if (url.pathname === '/scopej') return void res.writeHead(301, { location: '/scopej/' }).end();
      if (url.pathname === '/scopej/' && req.method === 'GET') return json(Object.values(scopes));
      const scope = /^\/scopej\/(.+)$/.exec(url.pathname)?.[1];
      if (scope && req.method === 'PUT') {
        if (!scopes[scope]) return json({ error: `unknown scope name: ${scope}` }, 400);
        Object.assign(scopes[scope], JSON.parse(body));
        return void res.writeHead(202).end();
      }
      if (url.pathname === '/debug/clusterz')
        return json([
          { id: 'Kubernetes', secretName: '', syncStatus: 'synced' },
          { id: 'c1', secretName: 'istio-system/istio-remote-secret-c1', syncStatus: 'synced' },
        ]);
      if (url.pathname === '/debug/syncz') return json([{ proxy: 'productpage-1.bookinfo', istio_version: '1.30.3' }]);
      if (url.pathname === '/debug/list') return json(['/debug/syncz', '/debug/clusterz', '/debug/list']);
      res.writeHead(404).end('404 page not found\n');
    });
  };
}

/** A listener with one RBAC HTTP filter, with every `@type` a real dump carries (istioctl cannot read Anys without). */
const RBAC_DUMP = JSON.stringify({
  configs: [
    {
      '@type': 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump',
      dynamic_listeners: [
        {
          active_state: {
            listener: {
              '@type': 'type.googleapis.com/envoy.config.listener.v3.Listener',
              filter_chains: [{ filters: [hcmWithRbac({ 'ns[shop]-policy[allow-get]-rule[0]': {} })] }],
            },
          },
        },
      ],
    },
  ],
});

function hcmWithRbac(policies: Record<string, object>) {
  const rbac = { '@type': 'type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC', rules: { policies } };
  return {
    name: 'envoy.filters.network.http_connection_manager',
    typed_config: {
      '@type': 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
      http_filters: [{ name: 'envoy.filters.http.rbac', typed_config: rbac }],
    },
  };
}

function fakeEnvoy(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/stats' && !url.search) return void res.end('server.live: 1\n');
  if (url.pathname === '/stats/prometheus') return void res.end('envoy_server_live{} 1\n');
  if (url.pathname === '/config_dump') return void res.setHeader('content-type', 'application/json').end(RBAC_DUMP);
  res.writeHead(404).end('invalid path\n');
}

/** Instant queries, by GET (mesh) or by a form POST (istioctl's Prometheus client); each figure its own value. */
function fakePrometheus(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  req.on('data', (c: Buffer) => (body += c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = (req.method === 'POST' ? new URLSearchParams(body) : url.searchParams).get('query') ?? '';
    const value = query.startsWith('histogram_quantile(0.5') ? '7' : query.includes('response_code') ? '0.25' : query.startsWith('sum(') ? '3.5' : '20';
    res
      .setHeader('content-type', 'application/json')
      .end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [0, value] }] } }));
  });
}

/** istioctl at the version test/istio pins, when `node scripts/build-istioctl.mjs` has built it (else those cases skip). */
function istioctlBinary(): string | undefined {
  const version = /^\s*istio\.io\/istio\s+(\S+)/m.exec(readFileSync(new URL('../istio/go.mod', import.meta.url), 'utf8'))?.[1];
  const bin = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mesh', `istioctl-${version}`, 'istioctl');
  return existsSync(bin) ? bin : undefined;
}

describe('mesh admin log and the x tools on a cluster', () => {
  const { core } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  const standIns: PodStandIn[] = [];
  const seen: string[] = [];

  async function pod(name: string, labels: Record<string, string>) {
    await core.createNamespacedPod({
      namespace: ns.name,
      body: { metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'example.invalid/x:1' }] } },
    });
  }

  beforeAll(async () => {
    ns = await tempNamespace('xdbg');
    await pod('istiod-a', { app: 'istiod', 'istio.io/rev': 'default' });
    await pod('productpage-1', { app: 'productpage' });
    await pod('prometheus-1', { 'app.kubernetes.io/name': 'prometheus' });
    for (const name of ['istiod-a', 'productpage-1', 'prometheus-1']) {
      await waitFor(`pod ${name} to be Running`, async () => (await core.readNamespacedPod({ name, namespace: ns.name })).status?.phase === 'Running');
    }
    standIns.push(await standInForPod(ns.name, 'istiod-a', [9876, 15014], fakeIstiod(seen)));
    standIns.push(await standInForPod(ns.name, 'productpage-1', 15000, fakeEnvoy));
    standIns.push(await standInForPod(ns.name, 'prometheus-1', 9090, fakePrometheus));
  });
  afterAll(async () => {
    for (const s of standIns) await s.close();
    await ns?.remove();
  });

  /** kwok learns of each stand-in through a watch: retry until the command succeeds. */
  const untilOk = (args: string[]): Promise<MeshResult> =>
    waitFor(`mesh ${args.join(' ')} to succeed`, async () => {
      const r = await runMesh(args);
      return r.code === 0 ? r : undefined;
    });

  it("lists istiod's scopes and changes them through ControlZ", async () => {
    const list = await untilOk(['admin', 'log', '-i', ns.name]);
    expect(list.stdout.split('\n')[0]).toMatch(/^ACTIVE SCOPE\s+DESCRIPTION\s+LOG LEVEL\s+STACK TRACE LEVEL$/);
    const set = await runMesh(['admin', 'log', '-i', ns.name, '--level', 'ads:debug']);
    expect(set.stderr).toBe('✔ 1 scope updated on istiod-a\n');
    expect(seen).toContain('PUT /scopej/ads {"name":"ads","output_level":"debug"}');
    const after = await runMesh(['admin', 'l', `istiod-a.${ns.name}`, '-o', 'json']);
    expect(JSON.parse(after.stdout)).toContainEqual({ scope_name: 'ads', log_level: 'debug', stack_trace_level: 'none', description: 'ads debugging' });
  });

  it('lists remote clusters and prints internal debug endpoints', async () => {
    const rc = await untilOk(['remote-clusters', '-i', ns.name]);
    expect(rc.stdout.split('\n')[2]).toMatch(/^c1\s+istio-system\/istio-remote-secret-c1\s+synced\s+istiod-a$/);
    const dbg = await untilOk(['x', 'internal-debug', 'syncz', '-i', ns.name]);
    expect(JSON.parse(dbg.stdout)).toEqual([{ proxy: 'productpage-1.bookinfo', istio_version: '1.30.3' }]);
    const bad = await runMesh(['x', 'internal-debug', 'nosuchz', '-i', ns.name]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toBe('error: istiod serves no debug type "nosuchz"; it serves: clusterz, list, syncz\n');
  });

  it("reads a proxy's stats and its authorization policies", async () => {
    const stats = await untilOk(['x', 'envoy-stats', `productpage-1.${ns.name}`, '-o', 'prom']);
    expect(stats.stdout).toBe('envoy_server_live{} 1\n');
    const authz = await untilOk(['x', 'authz', 'check', `productpage-1.${ns.name}`]);
    expect(authz.stdout).toBe('ACTION   AuthorizationPolicy   RULES\nALLOW    allow-get.shop        1\n');
  });

  it("prints a workload's metrics from Prometheus, and says when Prometheus is not installed", async () => {
    const r = await untilOk(['x', 'metrics', 'productpage-v1.bookinfo', '-i', ns.name]);
    expect(r.stdout.split('\n')[1]).toMatch(/^\s+productpage-v1\.bookinfo\s+3\.500\s+0\.250\s+7ms\s+20ms\s+20ms$/);
    const none = await runMesh(['x', 'metrics', 'productpage-v1', '-i', 'default']);
    expect(none.code).toBe(69);
    expect(none.stderr.split('\n')[0]).toBe(
      'error: Prometheus is not installed in namespace default: no running pod labelled app.kubernetes.io/name=prometheus or app=prometheus',
    );
  });

  it('says in one line that a namespace is forbidden, and that an istiod is missing', async () => {
    const { path } = await restrictedKubeconfig({
      namespace: ns.name,
      name: 'no-pods',
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
    });
    const r = await runMesh(['admin', 'log', '-i', ns.name], { kubeconfig: path });
    expect(r.code).toBe(69);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(r.stderr.includes('hint:') ? 2 : 1);
    expect(r.stderr).toMatch(/forbidden|not allowed|cannot list/i);
    const missing = await runMesh(['remote-clusters', '-i', 'default']);
    expect(missing.code).toBe(69);
    expect(missing.stderr).toMatch(/^error: no running istiod pods in namespace default \(selector app=istiod\)\n/);
  });

  const istioctl = istioctlBinary();
  it.skipIf(!istioctl)('prints what istioctl 1.30 prints, asking the same stand-ins', async () => {
    const both = async (args: string[]) => {
      const mesh = await untilOk([...args, '-i', ns.name]);
      // Asynchronously: the stand-ins answer from this process, which a synchronous spawn would block.
      const theirs = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(istioctl!, ['--kubeconfig', kubeconfigPath(), '-i', ns.name, ...args], { timeout: 60_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        ),
      );
      expect(theirs.code, theirs.stderr).toBe(0);
      return { mesh: mesh.stdout, istioctl: theirs.stdout };
    };
    for (const args of [
      ['admin', 'log'],
      ['remote-clusters'],
      ['x', 'authz', 'check', `productpage-1.${ns.name}`],
      ['x', 'metrics', 'productpage-v1.bookinfo'],
    ]) {
      const r = await both(args);
      expect(r.mesh, args.join(' ')).toBe(r.istioctl);
    }
    // On purpose: istioctl writes a header above one pod's stats, which breaks piping them; mesh does not.
    const es = await both(['x', 'envoy-stats', `productpage-1.${ns.name}`, '-o', 'prom']);
    expect(es.istioctl).toBe(`\nThe result of pod productpage-1:\n\n${es.mesh}`);
  });
});

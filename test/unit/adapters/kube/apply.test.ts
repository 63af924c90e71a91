/**
 * The InstallClient adapter against a scripted API server on 127.0.0.1: request shapes (server-side apply
 * content type, field manager, force, dry run, foreground delete) and the translation of 409/403/404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { connect } from '../../../../src/adapters/kube/client.js';
import { installClient } from '../../../../src/adapters/kube/apply.js';
import { ApplyConflictError, type InstallClient } from '../../../../src/core/install/client.js';
import { ClusterError } from '../../../../src/errors.js';

interface Seen {
  method: string;
  url: string;
  contentType?: string;
  auth?: string;
  body: string;
}
const seen: Seen[] = [];
let server: http.Server;
let client: InstallClient;

const discovery: Record<string, unknown> = {
  '/api/v1': {
    resources: [
      { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
      { name: 'pods', kind: 'Pod', namespaced: true },
      { name: 'pods/log', kind: 'Pod', namespaced: true },
      { name: 'namespaces', kind: 'Namespace', namespaced: false },
    ],
  },
  '/apis/apps/v1': { resources: [{ name: 'deployments', kind: 'Deployment', namespaced: true }] },
  '/apis/rbac.authorization.k8s.io/v1': { resources: [{ name: 'clusterroles', kind: 'ClusterRole', namespaced: false }] },
};

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = req.url ?? '';
      seen.push({ method: req.method ?? '', url, contentType: req.headers['content-type'], auth: req.headers.authorization, body });
      const path = url.split('?')[0]!;
      if (req.method === 'GET' && discovery[path]) return reply(res, 200, discovery[path]);
      if (path === '/api/v1/namespaces/busy/configmaps/x' && req.method === 'GET') {
        // Throttled twice (as right after CRDs are created), then served.
        if (seen.filter((s) => s.url.startsWith('/api/v1/namespaces/busy/configmaps/x')).length <= 2) {
          res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '0' });
          return res.end(JSON.stringify({ kind: 'Status', message: 'storage is (re)initializing' }));
        }
        return reply(res, 200, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'busy' } });
      }
      if (path.startsWith('/apis/networking.istio.io/')) return reply(res, 404, { kind: 'Status', message: 'not found' });
      if (path === '/apis/apps/v1/namespaces/istio-system/deployments/istiod' && req.method === 'PATCH') {
        return reply(res, 409, {
          kind: 'Status',
          reason: 'Conflict',
          message: 'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas',
          details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-edit" using apps/v1', field: '.spec.replicas' }] },
        });
      }
      if (path === '/apis/rbac.authorization.k8s.io/v1/clusterroles/istiod' && req.method === 'PATCH') {
        return reply(res, 403, {
          kind: 'Status',
          reason: 'Forbidden',
          message: 'clusterroles.rbac.authorization.k8s.io "istiod" is forbidden: User "dev" cannot patch resource "clusterroles"',
        });
      }
      if (path === '/api/v1/namespaces/istio-system/configmaps/istio' && req.method === 'PATCH') return reply(res, 200, JSON.parse(body));
      if (path === '/api/v1/namespaces/dying/configmaps/x' && req.method === 'PATCH') {
        return reply(res, 403, {
          kind: 'Status',
          reason: 'Forbidden',
          message: 'configmaps "x" is forbidden: unable to create new content in namespace dying because it is being terminated',
          details: { causes: [{ reason: 'NamespaceTerminating', message: 'namespace dying is being terminated', field: 'metadata.namespace' }] },
        });
      }
      if (path === '/api/v1/namespaces/istio-system/configmaps/istio' && req.method === 'GET')
        return reply(res, 200, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio' } });
      if (path === '/api/v1/namespaces/istio-system/configmaps/istio' && req.method === 'DELETE') return reply(res, 200, { kind: 'Status' });
      if (path === '/api/v1/configmaps' && req.method === 'GET') {
        const page2 = url.includes('continue=t2');
        return reply(res, 200, { items: [{ metadata: { name: page2 ? 'b' : 'a' } }], metadata: page2 ? {} : { continue: 't2' } });
      }
      if (path === '/api/v1/namespaces/istio-system/pods/p/log') return reply(res, 200, 'line one\nfatal: bad config\n\n');
      return reply(res, 404, { kind: 'Status', message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'mesh-apply-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: t',
      `clusters: [{name: t, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]`,
      'contexts: [{name: t, context: {cluster: t, user: u}}]',
      'users: [{name: u, user: {token: secret-token}}]',
      '',
    ].join('\n'),
  );
  client = installClient(await connect({ kubeconfig }, {}));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('kube InstallClient', () => {
  it('server-side applies as field manager mesh with the apply-patch content type', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio', namespace: 'istio-system' }, data: { mesh: 'x' } };
    const out = await client.apply(cm, { dryRun: true, force: true });
    expect(out).toEqual(cm);
    const req = seen.find((s) => s.method === 'PATCH')!;
    expect(req.url).toBe('/api/v1/namespaces/istio-system/configmaps/istio?fieldManager=mesh&force=true&dryRun=All');
    expect(req.contentType).toBe('application/apply-patch+yaml');
    expect(req.auth).toBe('Bearer secret-token');
    expect(JSON.parse(req.body)).toEqual(cm);
  });

  it('names the other field manager and the fields on a conflict', async () => {
    const error = await client
      .apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'istiod', namespace: 'istio-system' } }, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplyConflictError);
    expect((error as ApplyConflictError).managers).toEqual(['kubectl-edit']);
    expect((error as Error).message).toBe('cannot apply Deployment istio-system/istiod: field manager "kubectl-edit" owns .spec.replicas');
    expect((error as ClusterError).hint).toContain('--force-conflicts');
  });

  it('names the verb and the resource when forbidden', async () => {
    const error = await client
      .apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'istiod' } }, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterError);
    expect((error as Error).message).toBe(
      'cannot apply ClusterRole istiod: forbidden: your credentials may not patch clusterroles.rbac.authorization.k8s.io (cluster-scoped)',
    );
    expect((error as ClusterError).hint).toContain('kubectl auth can-i patch clusterroles.rbac.authorization.k8s.io');
  });

  it('says when the namespace is being deleted (not a permissions problem)', async () => {
    await expect(client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'dying' } }, {})).rejects.toThrow(
      'cannot apply ConfigMap dying/x: namespace dying is being deleted',
    );
  });

  it('says when the cluster does not serve a kind (CRD missing)', async () => {
    await expect(client.apply({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'g', namespace: 'n' } }, {})).rejects.toThrow(
      'cannot apply Gateway n/g: the cluster does not serve Gateway in networking.istio.io/v1',
    );
    expect(await client.list('networking.istio.io/v1', 'Gateway', {})).toEqual([]);
    expect(await client.get({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway', name: 'g', namespace: 'n' })).toBeUndefined();
  });

  it('reads, follows list pages (adding apiVersion and kind), and deletes in the foreground', async () => {
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'istio-system', name: 'istio' })).toMatchObject({ metadata: { name: 'istio' } });
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'istio-system', name: 'absent' })).toBeUndefined();
    const items = await client.list('v1', 'ConfigMap', { fieldSelector: 'metadata.name=istio-ca-root-cert' });
    expect(items).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } },
    ]);
    expect(await client.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'istio-system', name: 'istio' }, {})).toBe(true);
    expect(JSON.parse(seen.find((s) => s.method === 'DELETE')!.body)).toMatchObject({ propagationPolicy: 'Foreground' });
    expect(await client.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'istio-system', name: 'gone' }, {})).toBe(false);
  });

  it('tries a throttled request (429 with Retry-After) again instead of failing', async () => {
    const got = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', namespace: 'busy' });
    expect(got?.metadata?.name).toBe('x');
    expect(seen.filter((s) => s.url.startsWith('/api/v1/namespaces/busy/configmaps/x'))).toHaveLength(3);
  });

  it('returns the last non-empty log line', async () => {
    expect(await client.lastLogLine('istio-system', 'p', 'discovery', true)).toBe('fatal: bad config');
    expect(seen.some((s) => s.url.includes('/pods/p/log?container=discovery&previous=true'))).toBe(true);
  });
});

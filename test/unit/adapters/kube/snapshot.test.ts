/**
 * readCluster (analyze's live read) against a scripted API server on 127.0.0.1: a kind throttled while the
 * server's storage re-initializes is retried, forbidden and unserved kinds are skipped and named, lists are paged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { readCluster } from '../../../../src/adapters/kube/snapshot.js';
import type { GlobalOptions } from '../../../../src/context.js';
import { connect } from '../../../../src/adapters/kube/client.js';
import { describeSkip } from '../../../../src/core/model/cluster-read.js';

let server: http.Server;
let globals: GlobalOptions;
const hits = new Map<string, number>();

const discovery: Record<string, unknown> = {
  '/api/v1': {
    resources: [
      { name: 'services', kind: 'Service', namespaced: true },
      { name: 'namespaces', kind: 'Namespace', namespaced: false },
      { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
    ],
  },
  '/apis/security.istio.io/v1': { resources: [{ name: 'authorizationpolicies', kind: 'AuthorizationPolicy', namespaced: true }] },
  '/apis/networking.istio.io/v1': { resources: [{ name: 'gateways', kind: 'Gateway', namespaced: true }] },
  '/apis/gateway.networking.k8s.io/v1': { resources: [{ name: 'httproutes', kind: 'HTTPRoute', namespaced: true }] },
};

function reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (discovery[path]) return reply(res, 200, discovery[path]);
    if (path === '/apis/security.istio.io/v1/authorizationpolicies') {
      // What a just-installed API server answers while a new CRD's storage starts.
      if (hits.get(path)! <= 2) return reply(res, 429, { kind: 'Status', message: 'storage is (re)initializing' }, { 'Retry-After': '0' });
      return reply(res, 200, { items: [{ metadata: { name: 'deny', namespace: 'a', managedFields: [{}] }, spec: { action: 'DENY' } }] });
    }
    if (path === '/api/v1/services') {
      expect(url.searchParams.get('limit')).toBe('500');
      const second = url.searchParams.get('continue') === 'p2';
      return reply(res, 200, { items: [{ metadata: { name: second ? 's2' : 's1', namespace: 'a' } }], metadata: second ? {} : { continue: 'p2' } });
    }
    if (path === '/apis/gateway.networking.k8s.io/v1/httproutes') return reply(res, 200, { items: [{ metadata: { name: 'r', namespace: 'a' }, spec: {} }] });
    if (path === '/api/v1/namespaces') return reply(res, 403, { kind: 'Status', message: 'namespaces is forbidden' });
    if (path === '/api/v1/namespaces/istio-system/configmaps') {
      return reply(res, 200, {
        items: [{ metadata: { name: 'istio', namespace: 'istio-system' } }, { metadata: { name: 'app-settings', namespace: 'istio-system' } }],
      });
    }
    return reply(res, 404, { kind: 'Status', message: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'mesh-snapshot-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: t',
      `clusters: [{name: t, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]`,
      'contexts: [{name: t, context: {cluster: t, user: u}}]',
      'users: [{name: u, user: {token: t}}]',
      '',
    ].join('\n'),
  );
  globals = { kubeconfig, istioNamespace: 'istio-system', verbose: false } as GlobalOptions;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('readCluster', () => {
  it('retries throttled lists, pages, and names the kinds it could not read', async () => {
    const read = await readCluster(await connect(globals, {}), {
      kinds: ['AuthorizationPolicy', 'Service', 'Namespace', 'MeshConfig', 'Gateway', 'Telemetry'],
      istioNamespace: globals.istioNamespace,
      timeoutMs: 10_000,
    });
    expect(hits.get('/apis/security.istio.io/v1/authorizationpolicies')).toBe(3);
    const names = read.objects.map((o) => `${o.kind}/${o.metadata?.name}`);
    expect(names).toEqual(['AuthorizationPolicy/deny', 'Service/s1', 'Service/s2', 'ConfigMap/istio']);
    expect(read.objects[0]).toMatchObject({ apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', spec: { action: 'DENY' } });
    expect(read.objects[0]!.metadata).not.toHaveProperty('managedFields');
    // Gateway lists answered 404 at the collection, Telemetry's group is not served at all.
    expect(read.complete).toEqual(['AuthorizationPolicy', 'Service']);
    expect(read.skipped.map(describeSkip)).toEqual([
      'Namespace: forbidden (403)',
      'Gateway: not served by this cluster (CRD not installed?)',
      'Telemetry: not served by this cluster (CRD not installed?)',
    ]);
  });

  it('lists Gateway API kinds under their own kind; an unserved one is known absent, without a warning', async () => {
    const read = await readCluster(await connect(globals, {}), {
      kinds: ['HTTPRoute.gateway.networking.k8s.io', 'GRPCRoute.gateway.networking.k8s.io', 'Service'],
      istioNamespace: globals.istioNamespace,
      timeoutMs: 10_000,
    });
    expect(read.objects.filter((o) => o.kind === 'HTTPRoute')).toEqual([
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'a' }, spec: {} },
    ]);
    expect(read.complete).toEqual(['HTTPRoute.gateway.networking.k8s.io', 'GRPCRoute.gateway.networking.k8s.io', 'Service']);
    expect(read.skipped).toEqual([]);
  });
});

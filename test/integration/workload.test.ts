// mesh x workload entry configure against the real API server: ConfigMaps, a ServiceAccount (a real TokenRequest) and
// an east-west gateway Service with an external IP. Where istioctl of the pinned version has been built
// (scripts/build-istioctl.mjs), istioctl runs on the same cluster and flags and every file but the token (two
// TokenRequests never give the same token) must be byte-identical.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, kubeconfigPath, tempNamespace } from './helpers/kube.js';
import { runMesh } from './helpers/mesh.js';

const ISTIOCTL = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mesh', 'istioctl-v0.0.0-20260423205519-b01690e6db7d', 'istioctl');
const FILES = ['cluster.env', 'hosts', 'mesh.yaml', 'root-cert.pem'];

const MESH = `trustDomain: corp.example
defaultConfig:
  meshId: mesh-a
  discoveryAddress: istiod.istio-system.svc:15012
  proxyMetadata:
    FROM_MESH: "1"
    ISTIO_META_DNS_CAPTURE: "false"
`;

const group = (ns: string) => `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata:
  name: ratings
  namespace: ${ns}
  annotations:
    proxy.istio.io/config: |
      proxyMetadata:
        FROM_ANNOTATION: "yes"
spec:
  metadata:
    labels:
      app: ratings
      version: v3
  template:
    serviceAccount: vm-sa
    network: vm-network
    ports:
      http: 9080
      grpc: 9090
  probe:
    httpGet:
      path: /ready
      port: 9080
`;

describe('mesh x workload entry configure', () => {
  let istio: Awaited<ReturnType<typeof tempNamespace>>;
  let app: Awaited<ReturnType<typeof tempNamespace>>;
  let wgFile: string;

  beforeAll(async () => {
    const { core } = kube();
    istio = await tempNamespace('wl-istio');
    app = await tempNamespace('wl-app');
    await core.createNamespacedConfigMap({ namespace: istio.name, body: { metadata: { name: 'istio' }, data: { mesh: MESH } } });
    await core.createNamespacedConfigMap({
      namespace: istio.name,
      body: { metadata: { name: 'istio-sidecar-injector' }, data: { values: JSON.stringify({ global: { multiCluster: { clusterName: 'cluster-east' } } }) } },
    });
    // A revision whose mesh config sets fields of other types (a wrapper, a duration, a nested message, a status port).
    // It keeps a proxyMetadata map: without one istioctl panics on the group's proxy.istio.io/config (a nil map; mesh
    // does not, see the first test).
    await core.createNamespacedConfigMap({
      namespace: istio.name,
      body: {
        metadata: { name: 'istio-canary' },
        data: {
          mesh: 'defaultConfig:\n  concurrency: 2\n  drainDuration: 45s\n  holdApplicationUntilProxyStarts: true\n  statusPort: 15999\n  proxyMetadata:\n    REV: canary\n  tracing:\n    sampling: 10\n',
        },
      },
    });
    await core.createNamespacedConfigMap({
      namespace: istio.name,
      body: { metadata: { name: 'istio-sidecar-injector-canary' }, data: { values: JSON.stringify({ global: { multiCluster: { clusterName: 'c2' } } }) } },
    });
    await core.createNamespacedService({
      namespace: istio.name,
      body: { metadata: { name: 'istio-eastwestgateway' }, spec: { ports: [{ name: 'tls', port: 15012 }], externalIPs: ['192.0.2.9'] } },
    });
    await core.createNamespacedConfigMap({ namespace: app.name, body: { metadata: { name: 'istio-ca-root-cert' }, data: { 'root-cert.pem': 'ROOT-CERT\n' } } });
    await core.createNamespacedServiceAccount({ namespace: app.name, body: { metadata: { name: 'vm-sa' } } });
    wgFile = join(mkdtempSync(join(tmpdir(), 'mesh-wg-')), 'wg.yaml');
    writeFileSync(wgFile, group(app.name));
  });
  afterAll(async () => {
    await istio?.remove();
    await app?.remove();
  });

  it('writes the five files from the cluster, with a real token and the gateway external IP', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mesh-vm-'));
    const r = await runMesh(['x', 'workload', 'entry', 'configure', '-f', wgFile, '-o', out, '-i', istio.name, '--externalIP', '198.51.100.4']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'istio-token'), 'utf8')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(readFileSync(join(out, 'hosts'), 'utf8')).toBe(`192.0.2.9 istiod.${istio.name}.svc\n`);
    expect(readFileSync(join(out, 'root-cert.pem'), 'utf8')).toBe('ROOT-CERT\n');
    const env = readFileSync(join(out, 'cluster.env'), 'utf8');
    expect(env).toContain("ISTIO_META_CLUSTER_ID='cluster-east'\n");
    expect(env).toContain("ISTIO_SVC_IP='198.51.100.4'\n");
    expect(env).toContain("REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION='true'\n");
    expect(env).toContain("FROM_ANNOTATION='yes'\n");
    expect(readFileSync(join(out, 'mesh.yaml'), 'utf8')).toContain('  readinessProbe:\n    httpGet:\n      path: /ready\n      port: 9080\n');
  });

  it
    .runIf(existsSync(ISTIOCTL))
    .each([
      [['--externalIP', '198.51.100.4', '--autoregister', '--capture-dns=false']],
      [['--revision', 'canary', '--internalIP', '10.1.2.3', '--ingressIP', '203.0.113.5']],
    ])('writes what istioctl writes on the same cluster and flags %j', async (flags) => {
    const ours = mkdtempSync(join(tmpdir(), 'mesh-vm-'));
    const theirs = mkdtempSync(join(tmpdir(), 'istioctl-vm-'));
    const args = ['-f', wgFile, ...flags];
    const r = await runMesh(['x', 'workload', 'entry', 'configure', ...args, '-o', ours, '-i', istio.name]);
    expect(r.code, r.stderr).toBe(0);
    const i = spawnSync(ISTIOCTL, ['x', 'workload', 'entry', 'configure', ...args, '-o', theirs, '-i', istio.name, '--kubeconfig', kubeconfigPath()], {
      encoding: 'utf8',
    });
    expect(i.status, i.stderr).toBe(0);
    // istioctl lists the inbound ports in Go's map order, which changes from run to run: compare them as a set.
    const norm = (text: string) =>
      text.replace(/^ISTIO_INBOUND_PORTS='([^']*)'$/m, (_m, p: string) => `ISTIO_INBOUND_PORTS='${p.split(',').sort().join(',')}'`);
    for (const f of FILES) expect(norm(readFileSync(join(ours, f), 'utf8')), f).toBe(norm(readFileSync(join(theirs, f), 'utf8')));
  });
});

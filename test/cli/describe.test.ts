import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';
import type { KubeObject } from '../../src/core/yaml/load.js';

const SHOP = 'test/golden/describe/fixtures/shop.yaml';

describe('mesh describe (CLI)', () => {
  it('names an unknown pod and what the files do hold, exit 65, one line', async () => {
    const r = await runCli(['describe', 'pod', 'deployment/nope', '-n', 'shop', '-f', SHOP]);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('deployment nope in namespace shop is not in');
    expect(r.stderr).toContain('catalog-v1');
  });

  it('names an unknown service, exit 65', async () => {
    const r = await runCli(['describe', 'svc', 'nope.shop', '-f', SHOP]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('service nope in namespace shop is not in');
  });

  it("warns about a pod without a sidecar, and --ignore-unmeshed (or istioctl's --ignoreUnmeshed) leaves that out", async () => {
    const r = await runCli(['describe', 'pod', 'deployment/legacy.shop', '-f', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('WARNING: legacy.shop is not part of the mesh');
    for (const flag of ['--ignore-unmeshed', '--ignoreUnmeshed']) {
      const quiet = await runCli(['describe', 'pod', 'deployment/legacy.shop', '-f', SHOP, flag]);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).not.toContain('WARNING');
    }
  });

  it('rejects kinds a pod template cannot come from offline, a bad -o, and a missing argument as usage errors (64)', async () => {
    expect((await runCli(['describe', 'pod', 'job/x', '-f', SHOP])).code).toBe(64);
    expect((await runCli(['describe', 'pod', 'widget/x', '-f', SHOP])).code).toBe(64);
    expect((await runCli(['describe', 'pod', 'deployment/frontend.shop', '-f', SHOP, '-o', 'table'])).code).toBe(64);
    expect((await runCli(['describe', 'pod'])).code).toBe(64);
  });

  it('reports a YAML syntax error in the input with file:line:col', async () => {
    const r = await runCli(['describe', 'pod', 'x', '-f', '-'], { stdin: 'a: [\n' });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: <stdin>:\d+:\d+: /);
  });

  it('reads manifests from stdin', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await runCli(['describe', 'svc', 'frontend', '-n', 'shop', '-f', '-'], { stdin: readFileSync(SHOP, 'utf8') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exposed on Ingress Gateway http://203.0.113.10');
  });

  it('lists describe with its examples in --help', async () => {
    const r = await runCli(['describe', 'pod', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mesh describe pod deployment/reviews-v1');
  });
});

describe('mesh describe pod over the fake context (a cluster without an HTTP server)', () => {
  const labels = { app: 'catalog', version: 'v1' };
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'catalog-v1-abc', namespace: 'shop', labels, annotations: { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' } },
    spec: {
      containers: [
        { name: 'app', image: 'example.invalid/catalog:1', ports: [{ containerPort: 8080, name: 'api' }] },
        { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.30.3' },
      ],
    },
    status: { phase: 'Running' },
  };
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'catalog', namespace: 'shop' },
    spec: { selector: { app: 'catalog' }, ports: [{ name: 'http-api', port: 8080, targetPort: 'api' }] },
  };
  const rule: KubeObject = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: 'catalog', namespace: 'shop' },
    spec: {
      host: 'catalog',
      subsets: [
        { name: 'v1', labels: { version: 'v1' } },
        { name: 'v2', labels: { version: 'v2' } },
      ],
    },
  };
  const world = {
    objects: [pod, service, rule],
    pods: [{ name: 'catalog-v1-abc', namespace: 'shop', labels, annotations: {}, phase: 'Running', ready: true, creationTimestamp: '2026-12-01T00:00:00Z' }],
  };

  it('resolves the pod through the pods port and describes it from the cluster reader', async () => {
    const r = await runWithWorld(['describe', 'pod', 'catalog-v1-abc', '-n', 'shop'], world);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Pod: catalog-v1-abc\n   Pod Revision: default\n   Pod Ports: 8080 (app)\n');
    expect(r.stdout).toContain('DestinationRule: catalog for "catalog"\n   Matching subsets: v1\n      (Non-matching subsets v2)\n');
    expect(r.stdout).toContain('Workload mTLS mode: PERMISSIVE');
  });

  it('names a pod the cluster does not have: exit 69, one line', async () => {
    const r = await runWithWorld(['describe', 'pod', 'nope.shop'], world);
    expect(r).toMatchObject({ code: 69, stdout: '', stderr: 'error: pod nope in namespace shop not found\n' });
  });

  it('-o json is the description as data', async () => {
    const r = await runWithWorld(['describe', 'pod', 'catalog-v1-abc.shop', '-o', 'json'], world);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ pod: { name: 'catalog-v1-abc', namespace: 'shop' } });
  });
});

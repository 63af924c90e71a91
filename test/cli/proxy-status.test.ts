// proxy-status through the real CLI: flag errors (64) before any cluster access, and a cluster without istiod (69).
// The happy paths run over the fake context below, and against a real API server and port-forwards in
// test/integration/proxy-status.test.ts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import type { PodInfo } from '../../src/core/model/pods.js';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.js';

describe('mesh proxy-status', () => {
  let api: FakeApiServer;
  beforeAll(async () => {
    api = await startFakeApiServer();
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    [['proxy-status', '--timeout', 'soon'], "option '--timeout <duration>' argument 'soon' is invalid. expected a duration such as 30s"],
    [['proxy-status', '--proxy-admin-port', '0'], "option '--proxy-admin-port <port>' argument '0' is invalid. expected a port number from 1 to 65535"],
    [['proxy-status', '--file', 'dump.json'], '--file needs a pod argument'],
    [['ps', '-o', 'xml'], "argument 'xml' is invalid"],
    [['ps', '--verbosity', '2'], "argument '2' is invalid"],
    [['ps', 'a', 'b'], 'too many arguments'],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli([...argv, '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('names the namespace and selector when no istiod runs, with a hint', async () => {
    const r = await runCli(['proxy-status', '--kubeconfig', api.kubeconfig, '-i', 'mesh-system', '-r', 'canary']);
    expect(r.code).toBe(69);
    expect(r.stderr).toBe(
      'error: no running istiod pods in namespace mesh-system (selector app=istiod,istio.io/rev=canary)\n' +
        'hint: is Istio installed? pass -i/--istioNamespace for a control plane in another namespace, or -r/--revision for a revisioned one\n',
    );
  });

  it('says which pod is missing in diff mode', async () => {
    const r = await runCli(['ps', 'productpage-1.default', '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(69);
    expect(r.stderr).toBe('error: pod productpage-1 in namespace default not found\n');
  });

  it('fails cleanly on an unreadable kubeconfig', async () => {
    const r = await runCli(['ps', '--kubeconfig', '/nonexistent/kubeconfig']);
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/^error: cannot load kubeconfig \/nonexistent\/kubeconfig/);
  });
});

describe('mesh proxy-status over the fake context (istiod pods and their answers, no HTTP server)', () => {
  const golden = (path: string) => readFileSync(new URL(`../golden/proxy-status/${path}`, import.meta.url), 'utf8');
  const input = (path: string) => JSON.parse(golden(path)) as { now: string; namespace?: string; istiods: Record<string, unknown> };
  const pod = (name: string, namespace: string, labels: Record<string, string>): PodInfo => ({
    name,
    namespace,
    labels,
    annotations: {},
    phase: 'Running',
    ready: true,
    creationTimestamp: '2026-01-01T00:00:00Z',
  });
  /** The istiod pods of a syncz golden, each answering /debug/syncz (one whose golden answer is an error answers nothing). */
  const syncWorld = (name: string): FakeWorld => {
    const { now, namespace, istiods } = input(`syncz/${name}.in.json`);
    const path = namespace ? `/debug/syncz?namespace=${namespace}` : '/debug/syncz';
    const dumps: Record<string, string> = {};
    for (const [istiod, body] of Object.entries(istiods)) {
      if (Array.isArray(body)) dumps[`${istiod}.istio-system:15014${path}`] = JSON.stringify(body);
    }
    return { now, pods: Object.keys(istiods).map((n) => pod(n, 'istio-system', { app: 'istiod' })), dumps };
  };

  it.each(['mixed-proxies', 'legacy-fields'])('%s: lists what istiod answers on /debug/syncz, in both tables', async (name) => {
    const r = await runWithWorld(['proxy-status'], syncWorld(name));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden(`syncz/${name}.out.txt`));
    const verbose = await runWithWorld(['ps', '--verbosity', '1'], syncWorld(name));
    expect(verbose.stdout).toBe(golden(`syncz/${name}.out.verbose.txt`));
  });

  it('asks with -n, warns about an istiod that does not answer, and prints the JSON report', async () => {
    const r = await runWithWorld(['ps', '-n', 'shop', '-o', 'json'], syncWorld('two-istiods-one-down'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).proxies).toEqual(JSON.parse(golden('syncz/two-istiods-one-down.out.json')).proxies);
    expect(r.stderr).toBe(
      'warning: istiod istiod-5d4c3b2a1-down1.istio-system did not answer, its proxies are missing: ' +
        'cannot reach port 15014 of pod istiod-5d4c3b2a1-down1.istio-system: connection refused\n',
    );
    expect(r.ctx.requests).toContain('GET istiod-5d4c3b2a1-qwert.istio-system:15014/debug/syncz?namespace=shop');
  });

  it.each([
    ['in-sync', 0],
    ['envoy-behind', 79],
  ])("%s: diffs istiod's config for a pod with its Envoy's (exit %d)", async (name, code) => {
    const { istiod, envoy } = JSON.parse(golden(`compare/${name}.in.json`)) as { istiod: unknown; envoy: unknown };
    const r = await runWithWorld(['ps', 'productpage-v1-abc.default'], {
      pods: [pod('istiod-1', 'istio-system', { app: 'istiod' }), pod('productpage-v1-abc', 'default', { app: 'productpage' })],
      dumps: {
        'productpage-v1-abc.default:15000/config_dump': JSON.stringify(envoy),
        'istiod-1.istio-system:15014/debug/config_dump?proxyID=productpage-v1-abc.default': JSON.stringify(istiod),
      },
    });
    expect(r).toMatchObject({ code, stdout: golden(`compare/${name}.out.txt`) });
  });

  it('does not diff a ztunnel pod', async () => {
    const r = await runWithWorld(['ps', 'ztunnel-x.istio-system'], {
      pods: [pod('istiod-1', 'istio-system', { app: 'istiod' }), pod('ztunnel-x', 'istio-system', { app: 'ztunnel' })],
    });
    expect(r).toMatchObject({ code: 0, stdout: 'Sync diff is not available for ztunnel pod ztunnel-x.istio-system\n' });
  });

  it('knows a ztunnel pod without an app label by its name, as istioctl does; an app label decides otherwise', async () => {
    const unlabelled = await runWithWorld(['ps', 'ztunnel-y.istio-system'], {
      pods: [pod('istiod-1', 'istio-system', { app: 'istiod' }), pod('ztunnel-y', 'istio-system', {})],
    });
    expect(unlabelled.stdout).toBe('Sync diff is not available for ztunnel pod ztunnel-y.istio-system\n');
    const other = await runWithWorld(['ps', 'ztunnel-z.istio-system'], {
      pods: [pod('istiod-1', 'istio-system', { app: 'istiod' }), pod('ztunnel-z', 'istio-system', { app: 'web' })],
    });
    expect(other.stdout).not.toContain('Sync diff is not available');
  });
});

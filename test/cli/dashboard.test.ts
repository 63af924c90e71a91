// dashboard through the real CLI: argument rules (istioctl 1.30's) fail with 64 before any cluster access; a
// missing add-on or pod is a one-line 69 with a hint. Forwarding itself is tested in test/integration/dashboard.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.js';

describe('mesh dashboard', () => {
  let api: FakeApiServer;
  beforeAll(async () => {
    api = await startFakeApiServer();
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    [['dashboard', 'envoy'], 'error: specify a pod or --selector (mesh dashboard envoy <pod-name[.namespace]>)'],
    [['dashboard', 'proxy', 'web-1', '-l', 'app=web'], 'error: name cannot be provided when a selector is specified'],
    [['dashboard', 'controlz'], 'error: specify a pod, --selector, or --revision'],
    [['dashboard', 'controlz', 'istiod-1', '-r', 'canary'], 'error: only one of name, --selector, or --revision can be specified'],
    [['dashboard', 'istiod-debug', '-l', 'a=b', '-r', 'canary'], 'error: only one of name, --selector, or --revision can be specified'],
    [['dashboard', 'kiali', '--address', 'example.com'], 'error: --address: "example.com" is not an IP address or localhost'],
    [['dashboard', 'kiali', '-p', '70000'], 'error: --port: "70000" is not a port number (0-65535)'],
    [['dashboard', 'grafana', '--ui-port', '0'], 'error: --ui-port: "0" is not a port number (1-65535)'],
    [['dashboard', 'controlz', 'x', '--ctrlz_port', 'abc'], 'error: --ctrlz_port: "abc" is not a port number (1-65535)'],
    [['dashboard', 'kiali', 'extra'], 'too many arguments'],
    [
      ['dashboard', 'kibana'],
      'error: unknown dashboard "kibana" (choose one of kiali, prometheus, grafana, jaeger, zipkin, skywalking, envoy, proxy, controlz, istiod-debug)',
    ],
    [['dashboard', 'kiali', '--browser=maybe'], 'expected true or false, got "maybe"'],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli([...argv, '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('without a dashboard names them and exits 64', async () => {
    const r = await runCli(['dash']);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('error: name a dashboard: kiali, prometheus, grafana, jaeger, zipkin, skywalking, envoy, proxy, controlz, istiod-debug\n');
  });

  it('says where it looked for an add-on that is not installed, and how to install it', async () => {
    const r = await runCli(['dashboard', 'kiali', '--kubeconfig', api.kubeconfig, '-n', 'apps', '--browser=false']);
    expect(r.code).toBe(69);
    expect(r.stderr).toBe(
      'error: no Kiali pod found: nothing matches app=kiali in namespace istio-system or apps\n' +
        'hint: install it with: kubectl apply -f https://raw.githubusercontent.com/istio/istio/release-1.30/samples/addons/kiali.yaml (or pass -i/-n for where it runs)\n',
    );
  });

  it('names the selector and namespace when no pod matches', async () => {
    const r = await runCli(['d', 'controlz', '-r', 'canary', '--kubeconfig', api.kubeconfig, '--no-browser']);
    expect(r.code).toBe(69);
    expect(r.stderr).toBe('error: no pods match selector istio.io/rev=canary,app=istiod in namespace istio-system\n');
  });
});

describe('mesh dashboard over the fake context: finding the pod', () => {
  const pod = (name: string, namespace: string, labels: Record<string, string>) => ({
    name,
    namespace,
    labels,
    annotations: {},
    phase: 'Running',
    ready: true,
    creationTimestamp: '2026-12-01T00:00:00Z',
  });

  it('says where it looked for an add-on that is not installed', async () => {
    const r = await runWithWorld(['dashboard', 'kiali', '-n', 'apps', '--browser=false'], { pods: [pod('web-1', 'apps', { app: 'web' })] });
    expect(r.code).toBe(69);
    expect(r.stderr).toBe(
      'error: no Kiali pod found: nothing matches app=kiali in namespace istio-system or apps\n' +
        'hint: install it with: kubectl apply -f https://raw.githubusercontent.com/istio/istio/release-1.30/samples/addons/kiali.yaml (or pass -i/-n for where it runs)\n',
    );
  });

  it('forwards to the add-on, prints the URL, opens it in the browser, and stops when interrupted', async () => {
    const r = await runWithWorld(['dashboard', 'kiali', '-p', '0'], { pods: [pod('kiali-1', 'istio-system', { app: 'kiali' })] });
    expect(r).toMatchObject({ code: 0, stdout: 'http://localhost:40000/kiali\n' });
    expect(r.stderr).toContain('Forwarding localhost:40000 to Kiali (pod kiali-1.istio-system, port 20001); press Ctrl+C to stop');
    expect(r.ctx.opened).toEqual(['http://localhost:40000/kiali']);
  });

  it('only prints the URL with --browser=false', async () => {
    const r = await runWithWorld(['dashboard', 'kiali', '--browser=false'], { pods: [pod('kiali-1', 'istio-system', { app: 'kiali' })] });
    expect(r.code).toBe(0);
    expect(r.ctx.opened).toEqual([]);
  });

  it('looks for an istiod of a revision in the Istio namespace', async () => {
    const r = await runWithWorld(['d', 'controlz', '-r', 'canary', '--no-browser'], {
      pods: [pod('istiod-1', 'istio-system', { app: 'istiod', 'istio.io/rev': 'default' })],
    });
    expect(r).toMatchObject({ code: 69, stdout: '', stderr: 'error: no pods match selector istio.io/rev=canary,app=istiod in namespace istio-system\n' });
  });

  it('checks its arguments before asking for the cluster', async () => {
    const r = await runWithWorld(['dashboard', 'kiali', '--address', 'example.com'], { noCluster: true });
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('error: --address: "example.com" is not an IP address or localhost\n');
  });
});

describe('help of dashboard and proxy-status loads nothing heavy', () => {
  // Which modules a fresh `mesh ... --help` resolves (test/helpers/trace-loads.mjs); the time is in bench/proxy-status.bench.mjs.
  it.each([
    ['dashboard', 'kiali', '--help'],
    ['proxy-status', '--help'],
    ['dash', 'controlz', '--help'],
  ])('%s %s', async (...args) => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = new URL('../..', import.meta.url).pathname;
    const trace = join(mkdtempSync(join(tmpdir(), 'mesh-trace-')), 'loads.txt');
    writeFileSync(trace, '');
    execFileSync(process.execPath, ['--import', join(root, 'test/helpers/trace-loads.mjs'), join(root, 'bin/mesh.js'), ...args], {
      env: { ...process.env, MESH_TRACE_LOADS: trace, KUBECONFIG: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const loaded = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((u) => u.includes('/dist/cli.js'))).toBe(true);
    expect(loaded.filter((u) => /node_modules\/(@kubernetes|open|diff|ajv|ora|yaml)\//.test(u))).toEqual([]);
    // client-node is bundled into dist/ chunks (scripts/build.mjs): none of them may load either
    const { chunksBundling } = await import('../helpers/bundled.js');
    const clientNode = chunksBundling(root, '@kubernetes/client-node');
    expect(clientNode.length).toBeGreaterThan(0);
    expect(loaded.filter((u) => clientNode.includes(u))).toEqual([]);
  });
});

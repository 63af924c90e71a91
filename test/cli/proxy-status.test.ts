// proxy-status through the real CLI: flag errors (64) before any cluster access, and a cluster without istiod (69).
// The happy paths run against a real API server and port-forwards in test/integration/proxy-status.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.js';

describe('mesh proxy-status', () => {
  let api: FakeApiServer;
  beforeAll(async () => { api = await startFakeApiServer(); });
  afterAll(async () => { await api.close(); });

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
    expect(r.stderr).toBe('error: no running istiod pods in namespace mesh-system (selector app=istiod,istio.io/rev=canary)\n'
      + 'hint: is Istio installed? pass -i/--istioNamespace for a control plane in another namespace, or -r/--revision for a revisioned one\n');
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

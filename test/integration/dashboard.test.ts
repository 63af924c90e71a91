// dashboard against a real API server: mesh stays in the foreground with a port-forward to a kwok pod whose port is
// served by a local stand-in (helpers/stand-in.ts); the test reads the printed URL, fetches the page through the
// forward, then interrupts mesh (SIGINT/SIGTERM) and expects a clean exit 0.
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, kubeconfigPath, tempNamespace, waitFor } from './helpers/kube.js';
import { standInForPod, type PodStandIn } from './helpers/stand-in.js';

const root = join(import.meta.dirname, '..', '..');

/** A running `mesh dashboard ...`: the first stdout line (the URL) and a way to stop it. */
function startDashboard(args: string[]) {
  const child = spawn(process.execPath, [join(root, 'bin', 'mesh.js'), 'dashboard', ...args, '--kubeconfig', kubeconfigPath()], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    void exited.then((code) => reject(new Error(`mesh exited (${code}) before printing a URL: ${stderr}`)));
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return {
    url,
    stderr: () => stderr,
    async stop(signal: NodeJS.Signals = 'SIGINT') {
      child.kill(signal);
      const code = await exited;
      clearTimeout(killer);
      return { code, stdout, stderr };
    },
  };
}

function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(url, { timeout: 5_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text}`))));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

describe('mesh dashboard on a cluster', () => {
  const { core } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  const standIns: PodStandIn[] = [];

  async function pod(name: string, labels: Record<string, string>, port: number, annotations: Record<string, string> = {}) {
    await core.createNamespacedPod({
      namespace: ns.name,
      body: { metadata: { name, labels, annotations }, spec: { containers: [{ name: 'c', image: 'example.invalid/ui:1' }] } },
    });
    standIns.push(await standInForPod(ns.name, name, port, (req, res) => res.end(`${name}:${port} ${req.method} ${req.url}`)));
  }

  beforeAll(async () => {
    ns = await tempNamespace('dash');
    await pod('kiali-1', { app: 'kiali' }, 20001);
    await pod('web-1', { app: 'web' }, 15000);
    await pod('istiod-1', { app: 'istiod', 'istio.io/rev': 'default' }, 9876);
    await pod('istiod-2', { app: 'istiod', 'istio.io/rev': 'canary' }, 15015, { 'prometheus.io/port': '15015' });
    await waitFor('the pods to run', async () => {
      const pods = (await core.listNamespacedPod({ namespace: ns.name })).items;
      return pods.length === 4 && pods.every((p) => p.status?.phase === 'Running');
    });
  });
  afterAll(async () => {
    await Promise.all(standIns.map((s) => s.close()));
    await ns.remove();
  });

  it.each([
    ['kiali, found by app=kiali in -n after -i', ['kiali', '-n', '$NS', '--browser=false', '--port', '0'], '/kiali', 'kiali-1:20001 GET /kiali', 'SIGINT'],
    ['envoy admin of a named pod', ['envoy', 'web-1.$NS', '--no-browser', '-p', '0'], '', 'web-1:15000 GET /', 'SIGTERM'],
    ['proxy admin by selector', ['proxy', '-l', 'app=web', '-n', '$NS', '--browser=false', '-p', '0'], '', 'web-1:15000 GET /', 'SIGINT'],
    [
      'controlz of a named istiod (namespace from -i)',
      ['controlz', 'istiod-1', '-i', '$NS', '--browser=false', '-p', '0'],
      '',
      'istiod-1:9876 GET /',
      'SIGINT',
    ],
    [
      'istiod-debug of a revision, on its prometheus.io/port',
      ['istiod-debug', '-r', 'canary', '-i', '$NS', '--browser=false', '-p', '0'],
      '/debug',
      'istiod-2:15015 GET /debug',
      'SIGINT',
    ],
  ] as const)('%s', async (_name, args, path, answer, signal) => {
    const dash = startDashboard(args.map((a) => a.replace('$NS', ns.name)));
    try {
      const url = await dash.url;
      expect(url).toMatch(new RegExp(`^http://localhost:\\d+${path.replace('/', '\\/')}$`));
      // kwok picks the stand-in up through a watch, so the first requests through the forward may fail.
      const body = await waitFor(`an answer through ${url}`, () => httpGet(url), 60_000);
      expect(body).toBe(answer);
    } finally {
      const { code, stderr } = await dash.stop(signal);
      expect(stderr).toMatch(/^Forwarding localhost:\d+ to .+ \(pod .+, port \d+\); press Ctrl\+C to stop\n/);
      expect(code).toBe(0);
    }
  });

  it('says so when the local port is taken', async () => {
    const first = startDashboard(['kiali', '-n', ns.name, '--browser=false', '-p', '0']);
    try {
      const port = new URL(await first.url).port;
      const second = startDashboard(['kiali', '-n', ns.name, '--browser=false', '-p', port, '--address', '127.0.0.1']);
      await expect(second.url).rejects.toThrow(`error: cannot listen on 127.0.0.1:${port} for the port-forward: already in use`);
      expect((await second.stop()).code).toBe(69);
    } finally {
      expect((await first.stop()).code).toBe(0);
    }
  });
});

// Port-forward through the API server to a pod on a kwok node. kwok serves the node's kubelet
// API and forwards the pod's port to a local stand-in on 127.0.0.1 (helpers/stand-in.ts).
import { get } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { PortForward } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/adapters/kube/client.js';
import { podRequest } from '../../src/adapters/kube/pod-http.js';
import { resolvePod } from '../../src/adapters/kube/pods.js';
import { parsePodArgument } from '../../src/core/model/pods.js';
import { kube, kubeconfigPath, tempNamespace, waitFor } from './helpers/kube.js';
import { standInForPod, type PodStandIn } from './helpers/stand-in.js';

describe('port-forward to a kwok pod', () => {
  const { kc, core } = kube();
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  let standIn: PodStandIn | undefined;
  beforeAll(async () => {
    ns = await tempNamespace('pf');
  });
  afterAll(async () => {
    await standIn?.close();
    await ns.remove();
  });

  it('forwards a local port through the API server to the stand-in', async () => {
    await core.createNamespacedPod({
      namespace: ns.name,
      body: {
        metadata: { name: 'proxy' },
        spec: { containers: [{ name: 'istio-proxy', image: 'example.invalid/proxyv2:1', ports: [{ containerPort: 15000 }] }] },
      },
    });
    // Stands in for Envoy's admin API on port 15000.
    standIn = await standInForPod(ns.name, 'proxy', 15000, (req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url, configs: [] }));
    });
    await waitFor('pod proxy to be Running', async () => (await core.readNamespacedPod({ name: 'proxy', namespace: ns.name })).status?.phase === 'Running');

    // What `kubectl port-forward pod/proxy :15000` does: a local listener, one stream per connection.
    const forward = new PortForward(kc);
    const local = createServer((socket) => {
      forward.portForward(ns.name, 'proxy', [15000], socket, null, socket).catch(() => socket.destroy());
    });
    const localPort = await new Promise<number>((resolve) => local.listen(0, '127.0.0.1', () => resolve((local.address() as AddressInfo).port)));
    try {
      // kwok picks up the PortForward object through a watch, so the first tries may miss it.
      const body = await waitFor('a response through the port-forward', () => httpGet(localPort, '/config_dump'), 30_000);
      expect(JSON.parse(body)).toEqual({ path: '/config_dump', configs: [] });
    } finally {
      local.close();
    }
  });

  it("mesh's port-forward adapter finds the pod through its Deployment and reaches the port; a closed port is a clear error", async () => {
    const apps = kube().apps;
    await apps.createNamespacedDeployment({
      namespace: ns.name,
      body: {
        metadata: { name: 'web' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'example.invalid/web:1' }] } },
        },
      },
    });
    const conn = await connect({ kubeconfig: kubeconfigPath() }, {});
    const pod = await waitFor('a Running pod of deployment web', async () => {
      try {
        return await resolvePod(conn, parsePodArgument(`deployment/web.${ns.name}`, 'default'));
      } catch {
        return undefined;
      }
    });
    expect(pod.namespace).toBe(ns.name);
    expect(pod.name).toMatch(/^web-/);
    const webStandIn = await standInForPod(ns.name, pod.name, 15000, (req, res) => res.end(`admin ${req.method} ${req.url}`));
    try {
      const body = await waitFor(
        'an answer through podRequest',
        () => podRequest(conn, pod, 15000, '/logging?level=debug', { method: 'POST' }).catch(() => undefined),
        30_000,
      );
      expect(body).toBe('admin POST /logging?level=debug');
      await expect(podRequest(conn, pod, 15001, '/')).rejects.toThrow(/cannot reach port 15001 of pod web-.*/);
      await expect(resolvePod(conn, parsePodArgument(`deploy/missing.${ns.name}`, 'default'))).rejects.toThrow(
        `deployment missing in namespace ${ns.name} not found`,
      );
    } finally {
      await webStandIn.close();
    }
  });
});

function httpGet(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, timeout: 5_000 }, (res) => {
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

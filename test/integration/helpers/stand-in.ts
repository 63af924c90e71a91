// Serves a pod's port from this process: kwok forwards port-forwards of the pod to a local
// HTTP server, as if the pod's container (e.g. Envoy's admin API on 15000) answered.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { kube } from './kube.js';

/** A local HTTP server standing in for one port of one pod. */
export interface PodStandIn {
  /** The local port the stand-in listens on (127.0.0.1). */
  localPort: number;
  /** Stops the server and deletes the PortForward object. */
  close(): Promise<void>;
}

/**
 * Starts `handler` on 127.0.0.1 and tells kwok (a kwok.x-k8s.io/v1alpha1 PortForward named after
 * the pod) to forward the pod's `port` (or each of several ports, one object per pod) to it. kwok learns
 * of the object through a watch, so the first port-forward may come a moment too early: retry it.
 */
export async function standInForPod(namespace: string, pod: string, port: number | number[], handler: RequestListener): Promise<PodStandIn> {
  const server = createServer(handler);
  const localPort = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const { custom } = kube();
  const ref = { group: 'kwok.x-k8s.io', version: 'v1alpha1', namespace, plural: 'portforwards' };
  await custom.createNamespacedCustomObject({
    ...ref,
    body: {
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'PortForward',
      metadata: { name: pod },
      spec: { forwards: [{ ports: Array.isArray(port) ? port : [port], target: { address: '127.0.0.1', port: localPort } }] },
    },
  });
  return {
    localPort,
    async close() {
      server.close();
      await custom.deleteNamespacedCustomObject({ ...ref, name: pod }).catch(() => undefined);
    },
  };
}

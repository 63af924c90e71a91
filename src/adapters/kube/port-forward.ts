/**
 * `kubectl port-forward` for mesh: a local TCP listener whose every connection becomes one port-forward stream
 * through the API server to a pod's port (client-node's PortForward, websocket protocol). proxy-config and
 * proxy-status use it for one request at a time; dashboard keeps it open until interrupted.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { ClusterError } from '../../errors.js';
import type { KubeConnection } from './client.js';
import type { PodRef } from '../../core/model/pods.js';
import type { LocalEndpoint, PortForwardHandle } from '../../context.js';

/** Opens a local listener forwarding to `pod:remotePort`. Fails with ClusterError when the local port is taken. */
export async function openPortForward(conn: KubeConnection, pod: PodRef, remotePort: number, local: LocalEndpoint = {}): Promise<PortForwardHandle> {
  const { PortForward } = await import('./client-node-forward.js');
  const forward = new PortForward(conn.config);
  const sockets = new Set<Socket>();
  let lastError: string | undefined;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // Stream 1 of each forwarded port carries the kubelet's error text ("connection refused", ...).
    const errors = new Writable({
      write(chunk: Buffer, _enc, done) {
        const text = chunk.toString('utf8').trim();
        if (text) lastError = text.split('\n')[0];
        done();
      },
    });
    forward
      .portForward(pod.namespace, pod.name, [remotePort], socket, errors, socket)
      .then((ws) => {
        const w = typeof ws === 'function' ? ws() : ws;
        w?.on('close', () => socket.end());
        socket.on('close', () => w?.close());
      })
      .catch((error: unknown) => {
        lastError = describeUpgradeError(error);
        socket.destroy();
      });
  });
  const address = local.address ?? '127.0.0.1';
  const localPort = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'already in use' : error.code === 'EADDRNOTAVAIL' ? 'not an address of this machine' : error.message;
      reject(new ClusterError(`cannot listen on ${address}:${local.port ?? 0} for the port-forward: ${reason}`, { cause: error }));
    });
    server.listen(local.port ?? 0, address, () => resolve((server.address() as AddressInfo).port));
  });
  return {
    address,
    localPort,
    pod,
    remotePort,
    lastError: () => lastError,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** client-node rejects the websocket upgrade with the HTTP status in the message; keep it to one line. */
function describeUpgradeError(error: unknown): string {
  // Besides Errors, client-node rejects with the websocket's ErrorEvent ({ message, error }): "[object Object]" says nothing.
  const event = error as { message?: unknown; error?: unknown } | null;
  const message =
    error instanceof Error
      ? error.message
      : typeof event?.message === 'string' && event.message
        ? event.message
        : event?.error instanceof Error
          ? event.error.message
          : String(error);
  return message.split('\n')[0] ?? 'port-forward failed';
}

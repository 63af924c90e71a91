/**
 * One HTTP request to a pod's port through a short-lived port-forward (Envoy's admin API on 15000, istiod's
 * debug endpoints on 15014, ControlZ): what istioctl does for proxy-config and proxy-status.
 */
import http from 'node:http';
import { ClusterError } from '../../errors.js';
import type { KubeConnection } from './client.js';
import { openPortForward } from './port-forward.js';
import type { PodRef } from '../../core/model/pods.js';
import type { PodRequestOptions } from '../../context.js';

/**
 * Sends `method path` to `pod:port` and resolves with the body. A non-2xx answer, a refused port or a stream the
 * API server closes becomes a one-line ClusterError naming the pod and port.
 */
export async function podRequest(conn: KubeConnection, pod: PodRef, port: number, path: string, options: PodRequestOptions = {}): Promise<string> {
  const forward = await openPortForward(conn, pod, port);
  const where = `port ${port} of pod ${pod.name}.${pod.namespace}`;
  try {
    const { status, body } = await request(forward.localPort, path, options.method ?? 'GET', options.timeoutMs ?? 30_000, options.body).catch(
      (error: Error) => {
        const reason =
          forward.lastError() ??
          (error.message === 'socket hang up' ? 'the connection was closed before an answer (is the port open in the pod?)' : error.message);
        throw new ClusterError(`cannot reach ${where}: ${reason}`, { cause: error });
      },
    );
    if (status < 200 || status >= 300) {
      throw new ClusterError(
        `${options.method ?? 'GET'} ${path} on ${where} answered HTTP ${status}${body.trim() ? `: ${body.trim().split('\n')[0]!.slice(0, 200)}` : ''}`,
      );
    }
    return body;
  } finally {
    await forward.close();
  }
}

function request(port: number, path: string, method: string, timeoutMs: number, body?: string): Promise<{ status: number; body: string }> {
  const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, timeout: timeoutMs, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000}s`)));
    req.on('error', reject);
    req.end(body);
  });
}

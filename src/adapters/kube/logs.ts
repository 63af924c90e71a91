/** The Cluster port's `logs` (one container's log streamed from the API server, which proxies the kubelet) and `createToken`. */
import type { LogOptions } from '../../context.js';
import type { PodRef } from '../../core/model/pods.js';
import { type KubeConnection, translateKubeError } from './client.js';
import { RawKube } from './http.js';

/** Opens the log stream of `container` in `pod`; errors are one-line ClusterErrors naming the container. */
export async function podLogs(conn: KubeConnection, pod: PodRef, container: string, options: LogOptions = {}): Promise<AsyncIterable<Uint8Array>> {
  const path = `/api/v1/namespaces/${encodeURIComponent(pod.namespace)}/pods/${encodeURIComponent(pod.name)}/log`;
  const num = (n: number | undefined) => (n === undefined ? undefined : String(Math.max(0, Math.floor(n))));
  try {
    const res = await new RawKube(conn).stream(path, {
      container,
      sinceSeconds: num(options.sinceSeconds),
      sinceTime: options.sinceTime,
      tailLines: num(options.tailLines),
      limitBytes: num(options.limitBytes),
      previous: options.previous ? 'true' : undefined,
    });
    // The kubelet cannot be reached on a node without one (KWOK) only after the headers: the API server then answers
    // with an error status, handled above; a stream cut midway surfaces as an error of the iteration.
    return res;
  } catch (error) {
    throw translateKubeError(error, `read the log of container ${container} of pod ${pod.name}.${pod.namespace}`, conn.server);
  }
}

/** A TokenRequest for a ServiceAccount; the token is returned, nothing is stored. */
export async function createToken(
  conn: KubeConnection,
  namespace: string,
  serviceAccount: string,
  options: { audiences: string[]; expirationSeconds: number },
): Promise<string> {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(serviceAccount)}/token`;
  try {
    const res = (await new RawKube(conn).request('POST', path, {
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { audiences: options.audiences, expirationSeconds: options.expirationSeconds },
      },
    })) as { status?: { token?: string } };
    return res.status?.token ?? '';
  } catch (error) {
    throw translateKubeError(error, `create a token for service account ${serviceAccount} in namespace ${namespace}`, conn.server);
  }
}

/**
 * The WaypointClient (src/core/waypoint/client.ts) over a real API server: Gateways through the InstallClient
 * (server-side apply with field manager mesh, reads, lists, deletes), the namespace label as a JSON merge patch
 * (it touches that one label, as `kubectl label` does), and discovery for "is the Gateway API served".
 */
import type { WaypointClient } from '../../core/waypoint/client.js';
import { GATEWAY_API_VERSION } from '../../core/waypoint/gateway.js';
import { installClient } from './apply.js';
import { type KubeConnection, translateKubeError } from './client.js';
import { RawKube } from './http.js';

/** Builds the WaypointClient for a connection. */
export function waypointClient(conn: KubeConnection): WaypointClient {
  const install = installClient(conn);
  const raw = new RawKube(conn);
  const ref = (namespace: string, name: string) => ({ apiVersion: GATEWAY_API_VERSION, kind: 'Gateway', namespace, name });
  return {
    async gatewayApiServed() {
      try {
        return (await raw.resource(GATEWAY_API_VERSION, 'Gateway')) !== undefined;
      } catch (error) {
        throw translateKubeError(error, 'discover the Gateway API', conn.server);
      }
    },
    listGateways: (namespace, labelSelector) => install.list(GATEWAY_API_VERSION, 'Gateway', { namespace, labelSelector }),
    getGateway: (namespace, name) => install.get(ref(namespace, name)),
    applyGateway: (gateway) => install.apply(gateway, { force: true }),
    deleteGateway: (namespace, name) => install.delete(ref(namespace, name), {}),
    getNamespace: (name) => install.get({ apiVersion: 'v1', kind: 'Namespace', name }),
    async labelNamespace(name, labels) {
      try {
        await raw.request('PATCH', `/api/v1/namespaces/${encodeURIComponent(name)}`, {
          body: { metadata: { labels } },
          contentType: 'application/merge-patch+json',
        });
      } catch (error) {
        throw translateKubeError(error, `label namespace ${name}`, conn.server);
      }
    },
  };
}

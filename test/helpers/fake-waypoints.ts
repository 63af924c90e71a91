/**
 * The WaypointClient over the fake world's objects: the Gateway API is served when the world holds the Gateway CRD
 * (as discovery answers once the CRD is established); Gateways are listed, applied and deleted through the recorded
 * install client, so tests see them in `ctx.installed.calls` in order; a namespace label is a recorded patch.
 */
import type { WaypointClient } from '../../src/core/waypoint/client.js';
import { GATEWAY_API_VERSION, GATEWAY_CRD } from '../../src/core/waypoint/gateway.js';
import { keyOf } from '../../src/core/install/objects.js';
import type { FakeCluster } from './fake-install-client.js';

/** A WaypointClient over `installed`. */
export function fakeWaypoints(installed: FakeCluster): WaypointClient {
  const ref = (namespace: string, name: string) => ({ apiVersion: GATEWAY_API_VERSION, kind: 'Gateway', namespace, name });
  const served = (): boolean => installed.objects.has(keyOf({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: GATEWAY_CRD }));
  return {
    gatewayApiServed: async () => served(),
    listGateways: async (namespace, labelSelector) => (served() ? installed.list(GATEWAY_API_VERSION, 'Gateway', { namespace, labelSelector }) : []),
    getGateway: async (namespace, name) => (served() ? installed.get(ref(namespace, name)) : undefined),
    applyGateway: async (gateway) => installed.apply(gateway, { force: true }),
    deleteGateway: async (namespace, name) => installed.delete(ref(namespace, name)),
    getNamespace: async (name) => installed.get({ apiVersion: 'v1', kind: 'Namespace', name }),
    async labelNamespace(name, labels) {
      installed.calls.push(
        `label Namespace ${name} ${Object.entries(labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')}`,
      );
      const key = keyOf({ apiVersion: 'v1', kind: 'Namespace', name });
      const live = installed.objects.get(key);
      if (!live) throw new Error(`fake: namespace ${name} not found`);
      installed.objects.set(key, { ...live, metadata: { ...live.metadata, labels: { ...live.metadata?.labels, ...labels } } });
    },
  };
}

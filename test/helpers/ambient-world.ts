/** Builders for ambient-mode test worlds: namespaces, pods, services, waypoint Gateways (with conditions), the Gateway CRD. */
import type { KubeObject } from '../../src/core/yaml/load.js';

/** The Gateway API's Gateway CRD, as far as the fakes look at it (its presence means the kind is served). */
export function gatewayCrd(bundleVersion = 'v1.4.0'): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'gateways.gateway.networking.k8s.io', annotations: { 'gateway.networking.k8s.io/bundle-version': bundleVersion } },
    spec: {
      group: 'gateway.networking.k8s.io',
      names: { kind: 'Gateway', plural: 'gateways' },
      versions: [
        { name: 'v1', served: true },
        { name: 'v1beta1', served: true },
      ],
    },
  };
}

/** A Namespace with labels. */
export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** Options of a waypoint Gateway. */
export interface GatewayOptions {
  /** Programmed condition status; undefined: no status at all. */
  programmed?: 'True' | 'False';
  reason?: string;
  message?: string;
  className?: string;
  labels?: Record<string, string>;
  /** The listener's allowedRoutes.namespaces.from (cross-namespace use needs All). */
  allowedFrom?: 'All' | 'Same';
}

/** A Gateway of class istio-waypoint (by default) with the Programmed condition istiod would set. */
export function waypointGw(name: string, ns: string, o: GatewayOptions = {}): KubeObject {
  const gw: KubeObject = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name, namespace: ns, labels: o.labels ?? {} },
    spec: {
      gatewayClassName: o.className ?? 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE', ...(o.allowedFrom ? { allowedRoutes: { namespaces: { from: o.allowedFrom } } } : {}) }],
    },
  };
  if (o.programmed) gw.status = { conditions: [{ type: 'Programmed', status: o.programmed, reason: o.reason ?? '', message: o.message ?? '' }] };
  return gw;
}

/** A running pod with labels (and optionally annotations and a node). */
export function pod(
  name: string,
  ns: string,
  labels: Record<string, string>,
  extra: { annotations?: Record<string, string>; node?: string; sidecar?: boolean } = {},
): KubeObject {
  const containers = [{ name: 'app', image: 'app:1' }, ...(extra.sidecar ? [{ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.30.3' }] : [])];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels, annotations: extra.annotations ?? {} },
    spec: { containers, ...(extra.node ? { nodeName: extra.node } : {}) },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

/** A Service selecting `selector`. */
export function service(name: string, ns: string, selector: Record<string, string>, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, labels }, spec: { selector, ports: [{ name: 'http', port: 9080 }] } };
}

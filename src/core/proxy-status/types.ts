/** xDS type URLs and the short names istioctl prints for them (CDS, LDS, ...), in the order it prints them. */
import { compareStrings } from '../tree.js';

const PREFIX = 'type.googleapis.com/';

/** The xDS types proxy-status knows by name. */
export const TYPE_URL = {
  cluster: `${PREFIX}envoy.config.cluster.v3.Cluster`,
  listener: `${PREFIX}envoy.config.listener.v3.Listener`,
  endpoint: `${PREFIX}envoy.config.endpoint.v3.ClusterLoadAssignment`,
  route: `${PREFIX}envoy.config.route.v3.RouteConfiguration`,
  secret: `${PREFIX}envoy.extensions.transport_sockets.tls.v3.Secret`,
  extensionConfig: `${PREFIX}envoy.config.core.v3.TypedExtensionConfig`,
  nameTable: `${PREFIX}istio.networking.nds.v1.NameTable`,
  proxyConfig: `${PREFIX}istio.mesh.v1alpha1.ProxyConfig`,
  address: `${PREFIX}istio.workload.Address`,
  workload: `${PREFIX}istio.workload.Workload`,
  authorization: `${PREFIX}istio.security.Authorization`,
} as const;

const SHORT: Record<string, string> = {
  [TYPE_URL.cluster]: 'CDS',
  [TYPE_URL.listener]: 'LDS',
  [TYPE_URL.route]: 'RDS',
  [TYPE_URL.endpoint]: 'EDS',
  [TYPE_URL.secret]: 'SDS',
  [TYPE_URL.nameTable]: 'NDS',
  [TYPE_URL.proxyConfig]: 'PCDS',
  [TYPE_URL.extensionConfig]: 'ECDS',
  [TYPE_URL.address]: 'WDS',
  [TYPE_URL.workload]: 'WDS',
  [TYPE_URL.authorization]: 'WADS',
};

/** The short name of a type (CDS, LDS, ...); an unknown type keeps its full URL, as istioctl prints it. */
export function shortType(typeUrl: string): string {
  return SHORT[typeUrl] ?? typeUrl;
}

/** The four core types lead, in istioctl's historical column order; the rest follow sorted by URL. */
const CORE_ORDER: string[] = [TYPE_URL.cluster, TYPE_URL.listener, TYPE_URL.endpoint, TYPE_URL.route];

/** Orders type URLs as istioctl's SUBSCRIBED TYPES column does: CDS, LDS, EDS, RDS, then the others by URL. */
export function compareTypes(a: string, b: string): number {
  const ia = CORE_ORDER.indexOf(a);
  const ib = CORE_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? CORE_ORDER.length : ia) - (ib < 0 ? CORE_ORDER.length : ib);
  return compareStrings(a, b);
}

/** The types the per-type table always shows, even when no proxy watches them (istioctl `--verbosity 1`). */
export const ALWAYS_SHOWN: string[] = [TYPE_URL.cluster, TYPE_URL.listener, TYPE_URL.endpoint, TYPE_URL.route, TYPE_URL.extensionConfig];

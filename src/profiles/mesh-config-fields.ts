/**
 * Top-level fields of Istio 1.30's MeshConfig (istio.io/api mesh/v1alpha1) with their JSON types, so that a
 * misspelt `--set meshConfig.acessLogFile=...` is caught with a suggestion. Nested messages are checked only for
 * being objects: their contents are istiod's to judge.
 */
import type { Schema } from './schema.js';

const s = (type: string | string[]): Schema => ({ type });
const str = s('string');
const bool = s('boolean');
const int = s('integer');
const obj = s('object');
const arr = s('array');
const duration = str;

/** MeshConfig field name → schema. */
export const MESH_CONFIG_FIELDS: Record<string, Schema> = {
  accessLogEncoding: { type: 'string', enum: ['TEXT', 'JSON'] },
  accessLogFile: str,
  accessLogFormat: str,
  ca: obj,
  caCertificates: arr,
  certificates: arr,
  configSources: arr,
  connectTimeout: duration,
  defaultConfig: obj,
  defaultDestinationRuleExportTo: arr,
  defaultHttpRetryPolicy: obj,
  defaultProviders: obj,
  defaultServiceExportTo: arr,
  defaultVirtualServiceExportTo: arr,
  discoverySelectors: arr,
  dnsRefreshRate: duration,
  enableAutoMtls: bool,
  enableEnvoyAccessLogService: bool,
  enablePrometheusMerge: bool,
  enableTracing: bool,
  extensionProviders: arr,
  h2UpgradePolicy: { type: 'string', enum: ['DO_NOT_UPGRADE', 'UPGRADE'] },
  inboundClusterStatName: str,
  inboundTrafficPolicy: obj,
  ingressClass: str,
  ingressControllerMode: { type: 'string', enum: ['UNSPECIFIED', 'OFF', 'DEFAULT', 'STRICT'] },
  ingressSelector: str,
  ingressService: str,
  localityLbSetting: obj,
  meshMTLS: obj,
  outboundClusterStatName: str,
  outboundTrafficPolicy: obj,
  pathNormalization: obj,
  protocolDetectionTimeout: duration,
  proxyHttpPort: int,
  proxyInboundListenPort: int,
  proxyListenPort: int,
  rootNamespace: str,
  serviceScopeConfigs: arr,
  serviceSettings: arr,
  tcpKeepalive: obj,
  tlsDefaults: obj,
  trustDomain: str,
  trustDomainAliases: arr,
  verifyCertificateAtClient: bool,
};

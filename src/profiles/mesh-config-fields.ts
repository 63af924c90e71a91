/**
 * Top-level fields of Istio 1.30's MeshConfig (istio.io/api mesh/v1alpha1) with their JSON types, so that a
 * misspelt `--set meshConfig.acessLogFile=...` is caught with a suggestion. Nested messages are checked only for
 * being objects: their contents are istiod's to judge.
 */
import type { Schema } from './json-schema.js';

const s = (type: string | string[]): Schema => ({ type });
const text = s('string');
const bool = s('boolean');
const int = s('integer');
const obj = s('object');
const arr = s('array');
const duration = text;

/** MeshConfig field name → schema. */
export const MESH_CONFIG_FIELDS: Record<string, Schema> = {
  accessLogEncoding: { type: 'string', enum: ['TEXT', 'JSON'] },
  accessLogFile: text,
  accessLogFormat: text,
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
  inboundClusterStatName: text,
  inboundTrafficPolicy: obj,
  ingressClass: text,
  ingressControllerMode: { type: 'string', enum: ['UNSPECIFIED', 'OFF', 'DEFAULT', 'STRICT'] },
  ingressSelector: text,
  ingressService: text,
  localityLbSetting: obj,
  meshMTLS: obj,
  outboundClusterStatName: text,
  outboundTrafficPolicy: obj,
  pathNormalization: obj,
  protocolDetectionTimeout: duration,
  proxyHttpPort: int,
  proxyInboundListenPort: int,
  proxyListenPort: int,
  rootNamespace: text,
  serviceScopeConfigs: arr,
  serviceSettings: arr,
  tcpKeepalive: obj,
  tlsDefaults: obj,
  trustDomain: text,
  trustDomainAliases: arr,
  verifyCertificateAtClient: bool,
};

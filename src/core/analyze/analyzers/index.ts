/** Every analyzer mesh runs, sorted by name (istioctl's all.go). Add new ones here; nothing is discovered from disk. */
import type { Analyzer } from '../types.js';
import { k8sAnnotations } from './annotations/k8s.js';
import { applicationUid } from './deployment/application-uid.js';
import { mtlsConflict } from './authn/mtls-conflict.js';
import { authorizationPolicies } from './authz/authorization-policies.js';
import { multiService } from './deployment/multi-service.js';
import { deprecatedFields } from './deprecation/fields.js';
import { caCertificates } from './destinationrule/ca-certificates.js';
import { subsetSelectPods } from './destinationrule/subset-select-pods.js';
import { envoyFilterPatches } from './envoyfilter/patches.js';
import { certificate } from './gateway/certificate.js';
import { conflictingGateways } from './gateway/conflicting-gateways.js';
import { ingressGatewayPort } from './gateway/ingress-gateway-port.js';
import { secret } from './gateway/secret.js';
import { injection } from './injection/injection.js';
import { image } from './injection/image.js';
import { imageAuto } from './injection/image-auto.js';
import { schemaValidation } from './schema/validation.js';
import { portName } from './service/port-name.js';
import { protocolAddresses } from './serviceentry/protocol-addresses.js';
import { sidecarSelector } from './sidecar/selector.js';
import { providers } from './telemetry/providers.js';
import { telemetrySelector } from './telemetry/selector.js';
import { conflictingMeshGatewayHosts } from './virtualservice/conflicting-mesh-gateway-hosts.js';
import { destinationHosts } from './virtualservice/destination-hosts.js';
import { destinationRules } from './virtualservice/destination-rules.js';
import { gateways } from './virtualservice/gateways.js';
import { routeMatches } from './virtualservice/route-matches.js';

/** The registry, in alphabetical order of analyzer name (a test keeps it so). */
export const ANALYZERS: readonly Analyzer[] = [
  k8sAnnotations,
  applicationUid,
  authorizationPolicies,
  mtlsConflict,
  multiService,
  deprecatedFields,
  caCertificates,
  subsetSelectPods,
  envoyFilterPatches,
  certificate,
  conflictingGateways,
  ingressGatewayPort,
  secret,
  injection,
  image,
  imageAuto,
  schemaValidation,
  portName,
  protocolAddresses,
  sidecarSelector,
  providers,
  telemetrySelector,
  conflictingMeshGatewayHosts,
  destinationHosts,
  destinationRules,
  gateways,
  routeMatches,
];

/** Every analyzer mesh runs, sorted by name (istioctl's all.go). Add new ones here; nothing is discovered from disk. */
import type { Analyzer } from '../types.js';
import { l7Policy } from './ambient/l7-policy.js';
import { ambientNamespace } from './ambient/namespace.js';
import { useWaypoint } from './ambient/use-waypoint.js';
import { waypointNamespace } from './ambient/waypoint-namespace.js';
import { alphaAnnotations } from './annotations/alpha.js';
import { k8sAnnotations } from './annotations/k8s.js';
import { applicationUid } from './deployment/application-uid.js';
import { mtlsConflict } from './authn/mtls-conflict.js';
import { authorizationPolicies } from './authz/authorization-policies.js';
import { blockedCidrs } from './authn/blocked-cidrs.js';
import { negativeConditions } from './conditions/negative-status.js';
import { multiService } from './deployment/multi-service.js';
import { workloadApi } from './deployment/workload-api.js';
import { deprecatedFields } from './deprecation/fields.js';
import { caCertificates } from './destinationrule/ca-certificates.js';
import { subsetSelectPods } from './destinationrule/subset-select-pods.js';
import { envoyFilterPatches } from './envoyfilter/patches.js';
import { externalControlPlane } from './externalcontrolplane/webhook-urls.js';
import { certificate } from './gateway/certificate.js';
import { conflictingGateways } from './gateway/conflicting-gateways.js';
import { ingressGatewayPort } from './gateway/ingress-gateway-port.js';
import { secret } from './gateway/secret.js';
import { injection } from './injection/injection.js';
import { image } from './injection/image.js';
import { imageAuto } from './injection/image-auto.js';
import { crdVersion } from './k8sgateway/crd-version.js';
import { ineffectiveSelector } from './k8sgateway/selector.js';
import { meshNetworksRegistries } from './meshnetworks/registries.js';
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
import { jwtClaimRoute } from './virtualservice/jwt-claim-route.js';
import { routeMatches } from './virtualservice/route-matches.js';
import { injectionWebhooks } from './webhook/injection-webhooks.js';

/** The registry, in alphabetical order of analyzer name (a test keeps it so). */
export const ANALYZERS: readonly Analyzer[] = [
  l7Policy,
  ambientNamespace,
  useWaypoint,
  waypointNamespace,
  alphaAnnotations,
  k8sAnnotations,
  applicationUid,
  authorizationPolicies,
  mtlsConflict,
  blockedCidrs,
  negativeConditions,
  multiService,
  workloadApi,
  deprecatedFields,
  caCertificates,
  subsetSelectPods,
  envoyFilterPatches,
  externalControlPlane,
  certificate,
  conflictingGateways,
  ingressGatewayPort,
  secret,
  injection,
  image,
  imageAuto,
  crdVersion,
  ineffectiveSelector,
  meshNetworksRegistries,
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
  jwtClaimRoute,
  routeMatches,
  injectionWebhooks,
];

/**
 * The one catalog of analysis messages. Codes, names and levels are Istio's (pkg/config/analysis/msg), so
 * `-S IST0101=...` suppressions, `galley.istio.io/analyze-suppress` annotations and istio.io docs carry over;
 * the message text is mesh's own. Checks only mesh makes use MESH0xxx. Codes are never reused.
 * Istio codes mesh does not report: IST0001 (internal error: mesh throws instead), IST0104/0105/0113-0115/
 * 0117/0119-0122 (retired by Istio); IST0143 (no Istio 1.30 analyzer reports it: it needs the pod's listening
 * sockets); IST0168 (no Istio 1.30 check reports it); IST0170 (compares Services across several clusters).
 * IST0141/0142/0169, MESH0002-0005 and MESH0015/0016 come from `mesh precheck` (core/precheck), not from an analyzer.
 */

/** Severity, worst first. */
export type Level = 'Error' | 'Warning' | 'Info';

/** Levels in order of severity (index 0 is the worst). */
export const LEVELS: readonly Level[] = ['Error', 'Warning', 'Info'];

/** True when `level` is at least as severe as `threshold`. */
export function atLeast(level: Level, threshold: Level): boolean {
  return LEVELS.indexOf(level) <= LEVELS.indexOf(threshold);
}

/** One catalog entry. `template` uses %s (plain) and %q (double-quoted) placeholders, in argument order. */
export interface MessageType {
  code: string;
  name: string;
  level: Level;
  description: string;
  template: string;
}

const entries = [
  ['IST0002', 'Deprecated', 'Warning', 'The configuration uses a deprecated feature.', 'Deprecated: %s'],
  ['IST0101', 'ReferencedResourceNotFound', 'Error', 'A resource being referenced does not exist.', 'Referenced %s not found: %q'],
  [
    'IST0102',
    'NamespaceNotInjected',
    'Info',
    'A namespace is not enabled for Istio injection.',
    "The namespace is not enabled for Istio injection. Run 'kubectl label namespace %s istio-injection=enabled' to enable it, or 'kubectl label namespace %s istio-injection=disabled' to say it needs none.",
  ],
  [
    'IST0103',
    'PodMissingProxy',
    'Warning',
    'A pod in an injected namespace runs without the Istio proxy.',
    'The pod %s has no Istio proxy; restart or redeploy the workload so the injector can add it.',
  ],
  ['IST0106', 'SchemaValidationError', 'Error', 'The resource fails schema validation.', 'Schema validation error: %s'],
  [
    'IST0107',
    'MisplacedAnnotation',
    'Warning',
    'An Istio annotation is set on a kind of resource that ignores it.',
    'Misplaced annotation: %s only has an effect on %s',
  ],
  ['IST0108', 'UnknownAnnotation', 'Warning', 'An annotation in an Istio domain is not one Istio knows.', 'Unknown annotation: %s'],
  [
    'IST0109',
    'ConflictingMeshGatewayVirtualServiceHosts',
    'Error',
    'VirtualServices bound to the mesh gateway define the same host.',
    'The VirtualServices %s bound to the mesh gateway all define host %s; which one applies is undefined. Merge them into one VirtualService.',
  ],
  [
    'IST0110',
    'ConflictingSidecarWorkloadSelectors',
    'Error',
    'Two Sidecar resources select the same workload.',
    'The Sidecars %s in namespace %q both select workload %q; which one applies is undefined.',
  ],
  [
    'IST0111',
    'MultipleSidecarsWithoutWorkloadSelectors',
    'Error',
    'More than one Sidecar in a namespace has no workload selector.',
    'The Sidecars %s in namespace %q have no workload selector; which one applies is undefined.',
  ],
  [
    'IST0112',
    'VirtualServiceDestinationPortSelectorRequired',
    'Error',
    'A route goes to a service with several ports without naming one.',
    'This VirtualService routes to %q, which exposes ports %s; set destination.port to pick one.',
  ],
  [
    'IST0116',
    'DeploymentAssociatedToMultipleServices',
    'Warning',
    'Services selecting the same pods use one port with different protocols.',
    'The deployment %s is selected by services that use port %s with different protocols: %s',
  ],
  [
    'IST0118',
    'PortNameIsNotUnderNamingConvention',
    'Info',
    'A service port name does not say its protocol; Istio will sniff it.',
    'Port name %s (port: %s, targetPort: %s) does not follow the <protocol>[-<suffix>] naming convention, and no appProtocol is set.',
  ],
  [
    'IST0123',
    'NamespaceMultipleInjectionLabels',
    'Warning',
    'A namespace carries more than one kind of injection label.',
    'The namespace has more than one injection label (%s); keep only one.',
  ],
  ['IST0125', 'InvalidAnnotation', 'Warning', 'An Istio annotation has a value Istio rejects.', 'Invalid annotation %s: %s'],
  [
    'IST0126',
    'UnknownMeshNetworksServiceRegistry',
    'Error',
    'A network in meshNetworks takes endpoints from a registry Istio does not know.',
    "Network %s takes endpoints from registry %q, which is neither a built-in registry (Kubernetes, External, Mock), this cluster's ID nor a remote cluster secret; no endpoints come from it.",
  ],
  [
    'IST0127',
    'NoMatchingWorkloadsFound',
    'Warning',
    "No workload matches the resource's selector.",
    'No matching workloads for this resource with the following labels: %s',
  ],
  [
    'IST0128',
    'NoServerCertificateVerificationDestinationLevel',
    'Warning',
    'A DestinationRule originates TLS without caCertificates.',
    'DestinationRule %s in namespace %s has TLS mode %s but no caCertificates, so the server identity of host %s is not verified.',
  ],
  [
    'IST0129',
    'NoServerCertificateVerificationPortLevel',
    'Warning',
    'A port of a DestinationRule originates TLS without caCertificates.',
    'DestinationRule %s in namespace %s has TLS mode %s but no caCertificates, so the server identity of host %s is not verified on port %s.',
  ],
  [
    'IST0130',
    'VirtualServiceUnreachableRule',
    'Warning',
    'A VirtualService rule can never match because an earlier rule takes its traffic.',
    'VirtualService rule %s is never used (%s).',
  ],
  [
    'IST0131',
    'VirtualServiceIneffectiveMatch',
    'Info',
    'A VirtualService match repeats or is covered by a match in an earlier rule.',
    'VirtualService rule %s match %s is never used (an earlier match in rule %s covers it).',
  ],
  [
    'IST0132',
    'VirtualServiceHostNotFoundInGateway',
    'Warning',
    'No host of a VirtualService is served by a Gateway it binds to.',
    'None of the hosts %s of VirtualService %s is served by Gateway %s.',
  ],
  ['IST0133', 'SchemaWarning', 'Warning', 'The resource has a field that validation accepts but warns about.', 'Schema validation warning: %s'],
  [
    'IST0134',
    'ServiceEntryAddressesRequired',
    'Warning',
    'A ServiceEntry with TCP (or unset) protocol ports needs addresses unless IP auto-allocation is on.',
    'ServiceEntry addresses are required for port %s (protocol %s): without them all TCP traffic to the port matches this entry.',
  ],
  [
    'IST0135',
    'DeprecatedAnnotation',
    'Info',
    'A resource uses a deprecated Istio annotation.',
    'Annotation %q is deprecated%s and may stop working in a future Istio release.',
  ],
  [
    'IST0136',
    'AlphaAnnotation',
    'Info',
    'An Istio annotation belongs to an alpha feature, which may not suit production.',
    'Annotation %q belongs to an alpha-phase feature: it may change or be removed in a later release.',
  ],
  [
    'IST0137',
    'DeploymentConflictingPorts',
    'Warning',
    'Services selecting the same pods map one targetPort from different ports.',
    'The deployment %s is selected by services %s that send targetPort %q from different ports: %s.',
  ],
  [
    'IST0138',
    'GatewayDuplicateCertificate',
    'Warning',
    'Several gateways on one workload use the same certificate; HTTP/2 connection reuse can then give 404s.',
    'Gateways %s use the same certificate; clients that reuse HTTP/2 connections may get 404s.',
  ],
  [
    'IST0139',
    'InvalidWebhook',
    'Error',
    'An Istio injection webhook overlaps another or calls a control-plane Service that does not exist.',
    'Invalid webhook: %s',
  ],
  [
    'IST0140',
    'IngressRouteRulesNotAffected',
    'Warning',
    'Subset routing for a host does not apply to traffic a gateway VirtualService sends to that host.',
    'This VirtualService sends gateway traffic to host %s without a subset; the subset routing of VirtualService %s does not apply to requests entering through gateway %s.',
  ],
  [
    'IST0144',
    'InvalidApplicationUID',
    'Warning',
    'An application container runs as UID 1337, which is reserved for the proxy.',
    'User ID (UID) 1337 is reserved for the sidecar proxy; run the application as another user.',
  ],
  [
    'IST0145',
    'ConflictingGateways',
    'Error',
    'Gateways on the same workload and port serve the same hosts.',
    'Conflicts with gateways %s (workload selector %s, port %s, hosts %s).',
  ],
  [
    'IST0146',
    'ImageAutoWithoutInjectionWarning',
    'Warning',
    'A Deployment uses `image: auto` but no injection webhook will fill it in.',
    '%s %s uses `image: auto` but no Istio injection webhook selects it.',
  ],
  [
    'IST0147',
    'ImageAutoWithoutInjectionError',
    'Error',
    'A Pod uses `image: auto` but was not injected.',
    '%s %s uses `image: auto` but no Istio injection webhook selects it.',
  ],
  [
    'IST0148',
    'NamespaceInjectionEnabledByDefault',
    'Info',
    'A namespace without injection labels is injected because enableNamespacesByDefault is on.',
    'The namespace is injected because Istio is installed with enableNamespacesByDefault=true.',
  ],
  [
    'IST0149',
    'JwtClaimBasedRoutingWithoutRequestAuthN',
    'Error',
    'A VirtualService routes on JWT claims at a gateway no RequestAuthentication covers.',
    'The VirtualService routes on JWT claim %s at gateway %s, but no RequestAuthentication applies to its pod %s; the claim is never validated, so the match never succeeds.',
  ],
  [
    'IST0150',
    'ExternalNameServiceTypeInvalidPortName',
    'Warning',
    'An ExternalName service port is named tcp or has an unknown protocol.',
    'Port %s of this ExternalName service has no usable protocol in its name; the proxy may not forward TCP traffic to it correctly.',
  ],
  [
    'IST0151',
    'EnvoyFilterUsesRelativeOperation',
    'Warning',
    'An EnvoyFilter patch uses a relative operation without a priority.',
    'This EnvoyFilter has no priority and patch %s uses the relative operation %s; the filter it is relative to may not exist yet. Use INSERT_FIRST or ADD, or set a priority.',
  ],
  [
    'IST0152',
    'EnvoyFilterUsesReplaceOperationIncorrectly',
    'Error',
    'REPLACE only works on HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST.',
    'Patch %s uses REPLACE on %s; REPLACE only works on HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST.',
  ],
  [
    'IST0153',
    'EnvoyFilterUsesAddOperationIncorrectly',
    'Error',
    'ADD is ignored on ROUTE_CONFIGURATION and HTTP_ROUTE.',
    'Patch %s uses ADD on %s, where it is ignored.',
  ],
  [
    'IST0154',
    'EnvoyFilterUsesRemoveOperationIncorrectly',
    'Error',
    'REMOVE is ignored on ROUTE_CONFIGURATION and HTTP_ROUTE.',
    'Patch %s uses REMOVE on %s, where it is ignored.',
  ],
  ['IST0141', 'InsufficientPermissions', 'Error', 'Permissions the install needs are missing.', 'Missing permission to %s %s, which mesh install needs (%s).'],
  ['IST0142', 'UnsupportedKubernetesVersion', 'Error', 'The Kubernetes version is not supported.', 'Kubernetes %s is older than Istio 1.30 supports (%s).'],
  [
    'IST0155',
    'EnvoyFilterUsesRelativeOperationWithProxyVersion',
    'Warning',
    'An EnvoyFilter patch uses a relative operation and a proxyVersion match without a priority.',
    'This EnvoyFilter has no priority and patch %s uses the relative operation %s next to a proxyVersion match; during an upgrade it may not apply. Use INSERT_FIRST or ADD, or set a priority.',
  ],
  [
    'IST0156',
    'UnsupportedGatewayAPIVersion',
    'Error',
    'A Gateway API CRD does not serve the version Istio needs.',
    'This Gateway API CRD serves versions %s, but Istio needs %s.',
  ],
  [
    'IST0157',
    'InvalidTelemetryProvider',
    'Warning',
    'A Telemetry access-logging entry names no provider and the mesh has no default.',
    'The Telemetry %s in namespace %q has access logging with no providers and the mesh sets no default provider, so it is ignored.',
  ],
  [
    'IST0158',
    'PodsIstioProxyImageMismatchInNamespace',
    'Warning',
    'Pods run an Istio proxy image other than the one the injector now uses.',
    'Pods in this namespace run a proxy image other than %s (pods: %s); redeploy them to pick up the current proxy.',
  ],
  [
    'IST0159',
    'ConflictingTelemetryWorkloadSelectors',
    'Error',
    'Two Telemetry resources select the same workload.',
    'The Telemetries %s in namespace %q both select workload %q; which one applies is undefined.',
  ],
  [
    'IST0160',
    'MultipleTelemetriesWithoutWorkloadSelectors',
    'Error',
    'More than one Telemetry in a namespace has no selector.',
    'The Telemetries %s in namespace %q have no workload selector; which one applies is undefined.',
  ],
  [
    'IST0161',
    'InvalidGatewayCredential',
    'Error',
    'The Secret a Gateway names as its credential is not a usable certificate.',
    'The credential %s of Gateway %s is invalid: %s',
  ],
  [
    'IST0162',
    'GatewayPortNotDefinedOnService',
    'Warning',
    "A Gateway listens on a port its workload's Service does not expose.",
    'The gateway listens on port %s, which no Service in front of its workload (selector %s) exposes; it is unreachable through the Service.',
  ],
  [
    'IST0163',
    'InvalidExternalControlPlaneConfig',
    'Warning',
    'The address a webhook uses to reach an external control plane is not valid.',
    'The external control plane address %q of webhook %s %s; traffic may not reach istiod.',
  ],
  [
    'IST0164',
    'ExternalControlPlaneAddressIsNotAHostname',
    'Info',
    'A webhook reaches an external control plane at an IP address rather than a host name.',
    'Webhook %s reaches the external control plane at an IP address (%s); use a host name in production.',
  ],
  [
    'IST0165',
    'ReferencedInternalGateway',
    'Warning',
    'A VirtualService binds to a Gateway that Istio generates internally for a Kubernetes Gateway.',
    'VirtualService %s binds to %s, which Istio generates internally for a Kubernetes Gateway and may rename; attach routes to the Kubernetes Gateway (HTTPRoute) instead.',
  ],
  [
    'IST0166',
    'IneffectiveSelector',
    'Warning',
    'A policy selector picks the pods of a Kubernetes Gateway, where selectors have no effect.',
    'The selector picks pods of Kubernetes Gateway %s, where a selector has no effect; use targetRefs to attach the policy to the Gateway.',
  ],
  ['IST0167', 'IneffectivePolicy', 'Warning', 'The policy has no effect.', 'The policy has no effect: %s.'],
  [
    'IST0171',
    'NegativeConditionStatus',
    'Warning',
    'The resource reports a status condition that says something is wrong.',
    'Status condition %s is negative (reason: %s): %s',
  ],
  [
    'IST0169',
    'UpdateIncompatibility',
    'Warning',
    'An object in the cluster may behave differently after the upgrade.',
    'The configuration %q changed in release %s: %s. Or install with `--set compatibilityVersion=%s` to keep the old default.',
  ],
  [
    'IST0172',
    'FutureUnsupportedGatewayAPIVersion',
    'Warning',
    'A Gateway API CRD does not serve the version future Istio releases will need.',
    'This Gateway API CRD serves versions %s, but not %s, which later Istio releases require.',
  ],
  [
    'IST0173',
    'DestinationRuleSubsetNotSelectPods',
    'Error',
    'A DestinationRule subset selects no pods.',
    'Subset %s selects no pods of host %s; traffic routed to it fails with 503 (no healthy upstream).',
  ],
  [
    'IST0174',
    'UnknownDestinationRuleHost',
    'Warning',
    'The host of a DestinationRule matches no service in the mesh.',
    'The host %s of this DestinationRule matches no Service or ServiceEntry.',
  ],
  [
    'IST0175',
    'JwksUriFetchUnrestricted',
    'Warning',
    'RequestAuthentications exist but istiod does not restrict where it fetches JWKS URIs from.',
    'istiod does not set BLOCKED_CIDRS_IN_JWKS_URIS, yet %s RequestAuthentication resource(s) exist (%s): istiod will fetch their JWKS URIs from any address, internal ones included. Set it to the ranges to block.',
  ],
  [
    'IST0176',
    'GatewayAPICRDVersionBelowMinimum',
    'Warning',
    'A Gateway API CRD is older than Istio needs; istiod ignores resources of its kind.',
    'Gateway API CRD %q is at bundle version %s, below the %s this Istio needs: istiod does not process %s resources until the CRDs are upgraded.',
  ],
  [
    'MESH0001',
    'MTLSPolicyConflict',
    'Error',
    'A DestinationRule disables TLS to a workload whose PeerAuthentication requires mutual TLS.',
    'DestinationRule sets TLS mode DISABLE for host %s, but PeerAuthentication %s requires STRICT mutual TLS there; requests will be refused.',
  ],
  [
    'MESH0002',
    'UntestedKubernetesVersion',
    'Info',
    'The Kubernetes version is newer than the versions Istio 1.30 is tested on.',
    'Kubernetes %s is newer than the versions Istio 1.30 is tested on (%s); it usually works, but it is not a supported combination.',
  ],
  [
    'MESH0003',
    'ControlPlaneReplacedInPlace',
    'Info',
    'The install replaces a running control plane of another version in place.',
    'Istio %s runs here as revision %s (%s); installing %s without --revision replaces it in place. Use --revision for a canary upgrade, and restart workloads afterwards.',
  ],
  [
    'MESH0004',
    'UnsupportedUpgradeSkew',
    'Warning',
    'A running control plane is too far from the version being installed.',
    'Istio %s runs here (%s, revision %s); moving to %s %s, which Istio does not support. Upgrade in steps of at most two minor versions, and never downgrade in place.',
  ],
  [
    'MESH0005',
    'NewerIstioCRD',
    'Warning',
    'An Istio CRD in the cluster comes from a newer Istio than the one being installed.',
    'CRD %s was installed by Istio %s, newer than %s; installing would replace it with an older schema and may drop fields newer resources use.',
  ],
  [
    'MESH0006',
    'RemovedWorkloadAPI',
    'Error',
    'A workload uses an API version Kubernetes removed in 1.16; the API server refuses it.',
    '%s is no longer served for %s (removed in Kubernetes 1.16; kubectl apply refuses it): use apiVersion: %s',
  ],
  [
    'MESH0007',
    'WorkloadSelectorMissing',
    'Error',
    'A Deployment, StatefulSet, DaemonSet or ReplicaSet has no spec.selector, which apps/v1 requires.',
    'no spec.selector, which %s requires (%s): %s',
  ],
  [
    'MESH0008',
    'L7PolicyWithoutWaypoint',
    'Warning',
    'An AuthorizationPolicy with L7 attributes selects ambient workloads, where ztunnel enforces it and sees only L4.',
    'This AuthorizationPolicy uses L7 attributes (%s) and selects ambient workload(s) %s, %s: ztunnel enforces selector policies at L4 only, so %s. Fix: %s',
  ],
  ['MESH0009', 'UseWaypointNotFound', 'Error', 'istio.io/use-waypoint names a waypoint that does not exist or is not a waypoint.', '%s. Fix: %s'],
  [
    'MESH0010',
    'WaypointTrafficTypeMismatch',
    'Warning',
    'istio.io/use-waypoint names a waypoint whose istio.io/waypoint-for excludes this traffic, so the traffic bypasses it.',
    '%s, so %s traffic bypasses it. Fix: %s',
  ],
  [
    'MESH0011',
    'EnvoyFilterInAmbientNamespace',
    'Warning',
    'An EnvoyFilter for sidecars sits in an ambient namespace, whose pods have no Envoy for it to patch.',
    'EnvoyFilter in ambient namespace %s has no effect on its ztunnel-captured pods (they run no Envoy). Fix: move the patch to a waypoint with targetRefs, or delete it.',
  ],
  [
    'MESH0012',
    'SidecarInjectionInAmbientNamespace',
    'Warning',
    'Sidecar injection is switched on in an ambient namespace: injected pods leave ambient mode.',
    '%s in ambient namespace %s: pods injected with a sidecar are not captured by ztunnel and use no waypoint. Fix: %s',
  ],
  [
    'MESH0013',
    'WaypointNamespaceNotAmbient',
    'Warning',
    'A waypoint sits in a namespace without ambient enrolment, and nothing outside its namespace points at it.',
    'Waypoint %s is in namespace %s, which has no istio.io/dataplane-mode=ambient, and no other namespace uses it: no traffic reaches it. Fix: kubectl label namespace %s istio.io/dataplane-mode=ambient, or point workloads at it with istio.io/use-waypoint-namespace=%s',
  ],
  ['MESH0014', 'WaypointRevisionMismatch', 'Warning', 'istio.io/use-waypoint names a waypoint of another control-plane revision.', '%s. Fix: %s'],
  [
    'MESH0015',
    'AmbientGatewayAPIMissing',
    'Error',
    'The ambient profile needs the Gateway API CRDs (waypoints are Gateways), and the cluster lacks them.',
    'Ambient mode needs the Gateway API for waypoints, but CRD %s %s. Install the standard CRDs first: kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml',
  ],
  [
    'MESH0016',
    'AmbientCNIMissing',
    'Error',
    'The ambient profile needs istio-cni on every node, and neither the install nor the cluster provides it.',
    'Ambient mode needs the istio-cni node agent to redirect pod traffic to ztunnel, but this install leaves it out and no istio-cni-node DaemonSet runs in the cluster. Fix: --set components.cni.enabled=true',
  ],
  [
    'MESH0017',
    'WaypointNamespaceNotAllowed',
    'Warning',
    'istio.io/use-waypoint names a waypoint in another namespace whose listener does not admit this namespace.',
    '%s, so traffic bypasses it. Fix: %s',
  ],
  // MESH0018-MESH0019: reserved for ambient checks.
] as const;

/** Every message code mesh reports. */
export type MessageCode = (typeof entries)[number][0];

/** The catalog, keyed by code, in code order. */
export const MESSAGES: Readonly<Record<MessageCode, MessageType>> = Object.fromEntries(
  entries.map(([code, name, level, description, template]) => [code, { code, name, level, description, template }]),
) as Record<MessageCode, MessageType>;

/** Codes that `mesh precheck` reports from API-server checks rather than from an analyzer (the registry test needs to know). */
export const PRECHECK_CODES: readonly MessageCode[] = ['IST0141', 'IST0142', 'IST0169', 'MESH0002', 'MESH0003', 'MESH0004', 'MESH0005', 'MESH0015', 'MESH0016'];

/** True when `code` is a code mesh knows (for warning about unknown `-S` codes). */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}

/** Fills a template: %s prints the argument (arrays joined with ", " inside brackets), %q quotes it. */
export function formatMessage(code: MessageCode, args: readonly unknown[]): string {
  let i = 0;
  return MESSAGES[code].template.replace(/%[sq]/g, (spec) => {
    const value = args[i++];
    const text = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
    return spec === '%q' ? JSON.stringify(text) : text;
  });
}

/** The istio.io page explaining an IST code; mesh-only codes are explained in docs/commands/analyze.md (no URL). */
export function documentationUrl(code: string): string | undefined {
  if (!code.startsWith('IST')) return undefined;
  return `https://istio.io/v1.30/docs/reference/config/analysis/${code.toLowerCase()}/`;
}

/** A finding after rendering its message and resolving its location: what formats print. */
export interface AnalysisMessage {
  code: MessageCode;
  level: Level;
  /** The message name from the catalog, e.g. ReferencedResourceNotFound. */
  name: string;
  message: string;
  /** `Kind namespace/name` (or `Kind name` when cluster-scoped), istioctl's "origin". */
  origin?: string;
  /** Kind, namespace and name of the resource. */
  resource?: { kind: string; namespace: string; name: string; apiVersion: string };
  /** File the resource came from, and the line of the field (or of the resource). */
  file?: string;
  line?: number;
  /** The analyzer that found it. */
  analyzer: string;
}

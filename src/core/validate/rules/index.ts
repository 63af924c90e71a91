/** Every semantic rule, in alphabetical order of name. Add a rule here; nothing is discovered from disk. */
import type { SemanticRule } from './types.js';
import { authorizationAction } from './security/authorization-action.js';
import { authorizationRules } from './security/authorization-rules.js';
import { destinationRuleHostAndSubsets } from './destinationrule/host-and-subsets.js';
import { destinationRuleTrafficPolicy } from './destinationrule/traffic-policy.js';
import { envoyFilterPatches } from './envoyfilter/patches.js';
import { exportTo } from './common/export-to.js';
import { gatewayServers } from './gateway/servers.js';
import { peerAuthenticationPorts } from './security/peer-authentication.js';
import { proxyConfigSettings } from './common/proxy-config.js';
import { requestAuthenticationJwtRules } from './security/jwt-rules.js';
import { selectorLabels } from './common/selector-labels.js';
import { serverTls } from './common/server-tls.js';
import { serviceEntryHostsAndAddresses } from './serviceentry/hosts-and-addresses.js';
import { serviceEntryPorts } from './serviceentry/ports.js';
import { serviceEntryResolution } from './serviceentry/resolution.js';
import { sidecarListeners } from './sidecar/listeners.js';
import { telemetrySettings } from './telemetry/providers-and-tags.js';
import { virtualServiceDestinations } from './virtualservice/destinations.js';
import { virtualServiceGatewayNames } from './virtualservice/gateway-names.js';
import { virtualServiceHeaderOperations } from './virtualservice/header-operations.js';
import { virtualServiceHosts } from './virtualservice/hosts.js';
import { virtualServiceHttpActions } from './virtualservice/http-actions.js';
import { virtualServiceHttpPolicies } from './virtualservice/http-policies.js';
import { virtualServiceL4Routes } from './virtualservice/l4-routes.js';
import { virtualServiceMatches } from './virtualservice/matches.js';
import { virtualServiceRouteWeights } from './virtualservice/route-weights.js';
import { wasmPluginSettings } from './extensions/wasm-plugin.js';
import { workloadEntryAddress } from './common/workload-entry.js';

export const semanticRules: readonly SemanticRule[] = [
  authorizationAction,
  authorizationRules,
  exportTo,
  selectorLabels,
  serverTls,
  workloadEntryAddress,
  destinationRuleHostAndSubsets,
  destinationRuleTrafficPolicy,
  envoyFilterPatches,
  wasmPluginSettings,
  gatewayServers,
  peerAuthenticationPorts,
  proxyConfigSettings,
  requestAuthenticationJwtRules,
  serviceEntryHostsAndAddresses,
  serviceEntryPorts,
  serviceEntryResolution,
  sidecarListeners,
  telemetrySettings,
  virtualServiceDestinations,
  virtualServiceGatewayNames,
  virtualServiceHeaderOperations,
  virtualServiceHosts,
  virtualServiceHttpActions,
  virtualServiceHttpPolicies,
  virtualServiceL4Routes,
  virtualServiceMatches,
  virtualServiceRouteWeights,
];

/** Rules by kind, built once. */
export function rulesFor(kind: string): readonly SemanticRule[] {
  return byKind().get(kind) ?? [];
}

let cache: Map<string, SemanticRule[]> | undefined;
function byKind(): Map<string, SemanticRule[]> {
  if (!cache) {
    cache = new Map();
    for (const rule of semanticRules) for (const kind of rule.kinds) cache.set(kind, [...(cache.get(kind) ?? []), rule]);
  }
  return cache;
}

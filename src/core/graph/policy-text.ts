/** DestinationRule traffic policies as the short texts the graph shows on hosts, subsets and the edges into them. */
import { obj } from '../model/access.js';
import { compareStrings, isMap, scalarString, type JsonObject } from '../tree.js';
import type { AttributeValue } from './model.js';

/** `{http: {maxRetries: 3}, tcp: {maxConnections: 1}}` → `http.maxRetries=3, tcp.maxConnections=1` (keys sorted). */
export function flatten(value: unknown, prefix = ''): string {
  if (!isMap(value)) return prefix ? `${prefix}=${scalarString(value) ?? JSON.stringify(value)}` : (scalarString(value) ?? '');
  return Object.keys(value)
    .sort(compareStrings)
    .map((k) => flatten(value[k], prefix ? `${prefix}.${k}` : k))
    .filter(Boolean)
    .join(', ');
}

/**
 * The attributes of a traffic policy: load balancer, connection pool, outlier detection, client TLS, and
 * `circuitBreaker` when either limit is set (Istio's circuit breaking is the two together or either alone).
 */
export function policyAttributes(policy: JsonObject | undefined): Record<string, AttributeValue | undefined> {
  if (!policy) return {};
  const tls = policy.tls === undefined ? undefined : (scalarString(obj(policy.tls).mode) ?? 'DISABLE');
  const breaker = policy.connectionPool !== undefined || policy.outlierDetection !== undefined;
  return {
    loadBalancer: policy.loadBalancer === undefined ? undefined : flatten(policy.loadBalancer),
    connectionPool: policy.connectionPool === undefined ? undefined : flatten(policy.connectionPool),
    outlierDetection: policy.outlierDetection === undefined ? undefined : flatten(policy.outlierDetection),
    clientTls: tls,
    circuitBreaker: breaker || undefined,
  };
}

/** A subset's policy over its rule's: each part the subset sets replaces the rule's part (as Istio merges them). */
export function mergePolicies(rule: JsonObject | undefined, subset: JsonObject | undefined): JsonObject | undefined {
  if (!rule) return subset;
  if (!subset) return rule;
  return { ...rule, ...subset };
}

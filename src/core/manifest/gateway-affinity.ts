/**
 * The node affinity the gateway charts write (their `nodeaffinity` helper): `values.gateways.<gw>.nodeSelector`
 * (else `global.defaultNodeSelector`) and `global.arch` become required node selector terms, and each weighted
 * `global.arch` entry a preferred term. The charts never write a pod `nodeSelector` for gateways. A part with
 * nothing in it is rendered empty (null), as the chart's template leaves it.
 */
import { val, type RenderContext } from './context.js';
import { byKey, isMap, type JsonObject } from '../tree.js';

/** The pod `affinity` of a gateway whose values block is `g`. */
export function gatewayAffinity(ctx: RenderContext, g: JsonObject): JsonObject {
  const own = isMap(g.nodeSelector) ? g.nodeSelector : {};
  const fallback = val<JsonObject>(ctx, 'global.defaultNodeSelector');
  const nodeSelector = Object.keys(own).length ? own : isMap(fallback) ? fallback : {};
  const archMap = val<JsonObject>(ctx, 'global.arch');
  const arch = isMap(archMap) ? Object.entries(archMap).sort(byKey) : [];
  const weighted = arch.filter(([, weight]) => Math.trunc(Number(weight)) > 0);
  let required: JsonObject | null = null;
  if (arch.length || Object.keys(nodeSelector).length) {
    const expressions: JsonObject[] = [];
    if (arch.length) expressions.push({ key: 'kubernetes.io/arch', operator: 'In', values: weighted.length ? weighted.map(([a]) => a) : null });
    for (const [key, value] of Object.entries(nodeSelector).sort(byKey)) expressions.push({ key, operator: 'In', values: [String(value)] });
    required = { nodeSelectorTerms: [{ matchExpressions: expressions }] };
  }
  const preferred = weighted.length
    ? weighted.map(([a, weight]) => ({
        weight: Math.trunc(Number(weight)),
        preference: { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: [a] }] },
      }))
    : null;
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required, preferredDuringSchedulingIgnoredDuringExecution: preferred } };
}

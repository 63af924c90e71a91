/**
 * The `values[-rev]` ConfigMap the istiod chart renders for debugging and external tooling: `original-values`, the
 * values the chart was given, and `merged-values`, the values it rendered with (defaults ⊕ given, then everything
 * under `pilot` copied to the top level, as the chart's zzy_descope_legacy step does). Both are pretty JSON with
 * sorted keys, as Helm's toPrettyJson writes them.
 *
 * mesh resolves one values tree with every chart's defaults in it, so two approximations are documented here:
 * `original-values` is what differs from mesh's default profile plus the keys istioctl always passes (its default
 * profile's and the translated spec fields), and `merged-values` also carries the other charts' blocks (cni, ...).
 */
import { defaultProfile } from '../../profiles/default.js';
import { getPath, isMap, merge, setPath, type JsonObject } from '../tree.js';
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, object, ownerLabels, val, type RenderContext } from './context.js';
import { sortedKeys } from './istiod-config.js';

/** Paths istioctl's inputs always set: its default profile's values and what it translates from spec/components. */
const ALWAYS_GIVEN = [
  'defaultRevision',
  'global.istioNamespace',
  'global.configValidation',
  'global.hub',
  'global.tag',
  'gateways.istio-ingressgateway',
  'gateways.istio-egressgateway',
  'ztunnel.resourceName',
  'pilot.enabled',
  'pilot.cni.enabled',
];

/** The parts of `values` that differ from `defaults` (maps compared key by key, everything else as JSON). */
function changed(values: JsonObject, defaults: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(values)) {
    const d = defaults[k];
    if (isMap(v) && isMap(d)) {
      const inner = changed(v, d);
      if (Object.keys(inner).length) out[k] = inner;
    } else if (JSON.stringify(v) !== JSON.stringify(d)) out[k] = v;
  }
  return out;
}

/** Go's json.Marshal escapes <, > and & in strings; toPrettyJson output keeps that. */
const goJson = (v: unknown): string => JSON.stringify(sortedKeys(v), null, 2).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);

/** The values the istiod chart is given (see the module comment for how mesh derives them). */
export function originalValues(ctx: RenderContext): JsonObject {
  const defaults = defaultProfile();
  const out = changed(ctx.values, (defaults.spec.values ?? {}) as JsonObject);
  for (const path of ALWAYS_GIVEN) {
    const v = getPath(ctx.values, path);
    if (v !== undefined && getPath(out, path) === undefined) setPath(out, path, isMap(v) && path.startsWith('gateways.') ? {} : v);
  }
  const meshConfig = isMap(ctx.iop.spec.meshConfig) ? changed(ctx.iop.spec.meshConfig, (defaults.spec.meshConfig ?? {}) as JsonObject) : {};
  if (Object.keys(meshConfig).length) out.meshConfig = meshConfig;
  return out;
}

/** The values ConfigMap (only where the chart renders namespaced resources). */
export function valuesConfigMap(ctx: RenderContext): KubeObject[] {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  if (!(scope === 'all' || scope === 'namespace')) return [];
  const given = originalValues(ctx);
  const merged = merge(ctx.values, isMap(ctx.values.pilot) ? ctx.values.pilot : {});
  if (isMap(ctx.iop.spec.meshConfig)) merged.meshConfig = ctx.iop.spec.meshConfig;
  const labels = { release: 'istio', 'app.kubernetes.io/name': 'istiod', ...chartLabels('istiod'), ...ownerLabels(ctx, 'Pilot') };
  return [
    object('v1', 'ConfigMap', `values${ctx.revSuffix}`, ctx.releaseNamespace, labels, {
      annotations: {
        'kubernetes.io/description':
          'This ConfigMap contains the Helm values used during chart rendering. This ConfigMap is rendered for debugging purposes and external tooling; modifying these values has no effect.',
      },
      data: { 'original-values': goJson(given), 'merged-values': goJson(merged) },
    }),
  ];
}

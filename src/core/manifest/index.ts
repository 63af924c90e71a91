/**
 * Manifest generation, the pure core behind `manifest generate`, `install`, `verify-install` and `uninstall`:
 * resolve the IstioOperator (default ⊕ profile ⊕ -f files ⊕ --set), then render every enabled component's objects
 * in apply order. No I/O: callers read files and pass parsed documents and the injection template texts in.
 */
import { resolveOperator } from '../../profiles/resolve.js';
import { renderContext } from './context.js';
import { injectorConfig, injectorValues, meshConfig } from './istiod-config.js';
import { renderOperator } from './render.js';
import type { GenerateInput, GenerateResult, InjectionTemplates, IstioOperator, ManifestInput } from './types.js';
import type { JsonObject } from '../tree.js';

export type * from './types.js';
export { COMPONENT_ORDER, COMPONENT_TITLES } from './types.js';
export { PROFILE_NAMES } from '../../profiles/index.js';
export { INJECTION_TEMPLATE_FILES, injectionTemplates } from './istiod-config.js';

/**
 * Renders the control plane for the given overlays and flags. Throws UsageError for a bad --set (unknown path or
 * wrong type, with a suggestion) and InputError for an overlay file that is not a valid IstioOperator.
 */
export function generateManifests(input: ManifestInput): GenerateResult {
  const values = resolveValues(input);
  return { values, objects: renderOperator(values, input.templates) };
}

/**
 * Only the resolved IstioOperator, without rendering: what `mesh kube-inject` reads so that the values install
 * sees (e.g. `--set values.global.proxy.resources.requests.cpu=500m`) are the values injection uses.
 */
export function resolveValues(input: GenerateInput): IstioOperator {
  return resolveOperator(input);
}

/** What injection reads from a resolved operator: exactly what the rendered ConfigMaps carry. */
export interface InjectionInputs {
  /** The `values` key of `istio-sidecar-injector` (global, sidecarInjectorWebhook, revision, pilot.cni/env, gateways). */
  values: JsonObject;
  /** The `mesh` key of the `istio` ConfigMap, as an object. */
  meshConfig: JsonObject;
  /** The `config` key of `istio-sidecar-injector` (policy, selectors, injectedAnnotations, defaultTemplates). */
  config: JsonObject;
  /** Revision ('' for the default revision). */
  revision: string;
}

/**
 * The injector's inputs for a resolved operator, so `mesh kube-inject --set ...` and an installed istiod see the
 * same values: `injectionInputs(resolveValues({ sets }), templates)`.
 */
export function injectionInputs(iop: IstioOperator, templates: InjectionTemplates): InjectionInputs {
  const ctx = renderContext(iop);
  return { values: injectorValues(ctx), meshConfig: meshConfig(ctx), config: injectorConfig(ctx, templates), revision: ctx.revision };
}

/**
 * Manifest generation, the pure core behind `manifest generate`, `install`, `verify-install` and `uninstall`:
 * resolve the IstioOperator (default ⊕ profile ⊕ -f files ⊕ --set), then render every enabled component's objects
 * in apply order. No I/O: callers read files and pass parsed documents and the injection template texts in.
 */
import { resolveOperator } from '../../profiles/resolve.js';
import { renderOperator } from './render.js';
import type { GenerateInput, GenerateResult, IstioOperator, ManifestInput } from './types.js';

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

/** Manifest text: multi-document YAML in the order given, and the per-component split `-o dir` writes. */
import { emitYaml } from '../yaml/emit.js';
import type { ComponentName, RenderedObject } from './types.js';
import { COMPONENT_ORDER } from './types.js';
import type { KubeObject } from '../yaml/load.js';

/** Objects as one YAML stream, `---` between documents. */
export function renderManifest(objects: readonly RenderedObject[]): string {
  return objects.map((o) => emitYaml(o.object)).join('---\n');
}

/** Objects grouped by component, components in install order (empty components left out). */
export function splitByComponent(objects: readonly RenderedObject[]): { component: ComponentName; objects: KubeObject[] }[] {
  return COMPONENT_ORDER.map((component) => ({ component, objects: objects.filter((o) => o.component === component).map((o) => o.object) })).filter(
    (g) => g.objects.length > 0,
  );
}

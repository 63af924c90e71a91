/** Reads the sidecar injector ConfigMap (`istio-sidecar-injector[-<rev>]`, key `values`: JSON) from the snapshot. */
import type { AnalysisContext } from '../../types.js';
import { obj } from '../../../model/access.js';
import { scalarString, type JsonObject } from '../../../tree.js';

/** Name of the injector ConfigMap of a revision. */
export function injectorConfigMapName(revision: string | undefined): string {
  return !revision || revision === 'default' ? 'istio-sidecar-injector' : `istio-sidecar-injector-${revision}`;
}

/** The parsed `values` of the injector ConfigMap of `revision`, or undefined when absent or not JSON. */
export function injectorValues(ctx: AnalysisContext, revision: string | undefined): JsonObject | undefined {
  const cm = ctx.find('ConfigMap', ctx.istioNamespace, injectorConfigMapName(revision));
  const text = scalarString(obj(cm?.object.data).values);
  if (!text) return undefined;
  try {
    return obj(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** The proxy image the injector of `revision` uses; Istio 1.30.3's default when there is no injector config. */
export function injectorProxyImage(ctx: AnalysisContext, revision: string | undefined): string {
  const values = injectorValues(ctx, revision);
  const global = obj(values?.global);
  const image = scalarString(obj(global.proxy).image) ?? 'proxyv2';
  if (image.includes('/')) return image;
  return `${scalarString(global.hub) ?? 'docker.io/istio'}/${image}:${scalarString(global.tag) ?? '1.30.3'}`;
}

/**
 * Derives the pseudo-resource `MeshConfig` from the `istio` ConfigMap (key `mesh`) in the Istio namespace,
 * the way istiod reads it; without one, Istio's defaults for the fields analyzers read.
 */
import jsyaml from 'js-yaml';
import type { Resource } from './resource.js';

/** The MeshConfig fields analyzers read (a subset of istio.mesh.v1alpha1.MeshConfig). */
export interface MeshConfigView {
  rootNamespace: string;
  defaultProviders?: { accessLogging?: string[]; tracing?: string[]; metrics?: string[] };
  extensionProviders?: { name?: string; [provider: string]: unknown }[];
  defaultConfig?: { proxyMetadata?: Record<string, string>; image?: { imageType?: string } };
  [key: string]: unknown;
}

/** Builds the MeshConfig resource from the ConfigMaps in the snapshot (a bad `mesh` value falls back to defaults). */
export function deriveMeshConfig(configMaps: readonly Resource[], istioNamespace: string): Resource {
  const cm = configMaps.find((r) => r.name === 'istio' && r.namespace === istioNamespace);
  let spec: MeshConfigView = { rootNamespace: istioNamespace };
  const text = (cm?.object.data as Record<string, unknown> | undefined)?.mesh;
  if (typeof text === 'string') {
    try {
      const parsed = jsyaml.load(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) spec = { rootNamespace: istioNamespace, ...(parsed as object) };
    } catch {
      // A malformed mesh config is istiod's problem to report; analyzers use the defaults.
    }
  }
  return {
    kind: 'MeshConfig',
    namespace: istioNamespace,
    name: 'istio',
    labels: {},
    annotations: {},
    object: { apiVersion: 'mesh.istio.io/v1alpha1', kind: 'MeshConfig', metadata: { name: 'istio', namespace: istioNamespace }, spec },
    origin: cm ? cm.origin : { type: 'default' },
  };
}

/**
 * The pseudo-resource `MeshNetworks` from the `meshNetworks` key of the same ConfigMap, when it has one that parses
 * (istiod's multi-network settings). Its origin is the ConfigMap's, so findings point into that file.
 */
export function deriveMeshNetworks(configMaps: readonly Resource[], istioNamespace: string): Resource | undefined {
  const cm = configMaps.find((r) => r.name === 'istio' && r.namespace === istioNamespace);
  const text = (cm?.object.data as Record<string, unknown> | undefined)?.meshNetworks;
  if (!cm || typeof text !== 'string') return undefined;
  let spec: unknown;
  try {
    spec = jsyaml.load(text);
  } catch {
    return undefined;
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return undefined;
  return {
    kind: 'MeshNetworks',
    namespace: istioNamespace,
    name: 'istio',
    labels: {},
    annotations: {},
    object: { apiVersion: 'mesh.istio.io/v1alpha1', kind: 'MeshNetworks', metadata: { name: 'istio', namespace: istioNamespace }, spec },
    origin: cm.origin,
  };
}

/** The MeshConfig view of a MeshConfig resource. */
export function meshConfigOf(resource: Resource | undefined): MeshConfigView {
  return (resource?.object.spec as MeshConfigView | undefined) ?? { rootNamespace: 'istio-system' };
}

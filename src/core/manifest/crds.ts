/**
 * The CustomResourceDefinitions of every Istio kind Istio 1.30 serves: group, names, served versions and the
 * storage version, with the labels Istio's base chart gives them. The structural openAPIV3Schema of each version
 * comes from `crdSchemaFor` (schemas/, the same source `mesh validate` uses).
 */
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, object, ownerLabels, val, type RenderContext } from './context.js';
import { crdSchemaFor } from './crd-schemas.js';
import type { Values } from './types.js';

/** One Istio kind as a CRD declares it. */
export interface CrdKind {
  /** API group, e.g. networking.istio.io. */
  group: string;
  /** Kind, e.g. VirtualService. */
  kind: string;
  /** Plural resource name. */
  plural: string;
  /** kubectl short names. */
  shortNames?: string[];
  /** Served versions, newest first. */
  versions: string[];
  /** The version objects are stored in. */
  storage: string;
}

const NET3 = ['v1', 'v1alpha3', 'v1beta1'];

/** Istio 1.30's CRD kinds (ISTIO-FACTS.md "API groups and served versions"). */
export const ISTIO_CRDS: readonly CrdKind[] = [
  { group: 'extensions.istio.io', kind: 'TrafficExtension', plural: 'trafficextensions', versions: ['v1alpha1'], storage: 'v1alpha1' },
  { group: 'extensions.istio.io', kind: 'WasmPlugin', plural: 'wasmplugins', versions: ['v1alpha1'], storage: 'v1alpha1' },
  { group: 'networking.istio.io', kind: 'DestinationRule', plural: 'destinationrules', shortNames: ['dr'], versions: NET3, storage: 'v1' },
  { group: 'networking.istio.io', kind: 'EnvoyFilter', plural: 'envoyfilters', versions: ['v1alpha3'], storage: 'v1alpha3' },
  { group: 'networking.istio.io', kind: 'Gateway', plural: 'gateways', shortNames: ['gw'], versions: NET3, storage: 'v1' },
  { group: 'networking.istio.io', kind: 'ProxyConfig', plural: 'proxyconfigs', versions: ['v1beta1'], storage: 'v1beta1' },
  { group: 'networking.istio.io', kind: 'ServiceEntry', plural: 'serviceentries', shortNames: ['se'], versions: NET3, storage: 'v1' },
  { group: 'networking.istio.io', kind: 'Sidecar', plural: 'sidecars', versions: NET3, storage: 'v1' },
  { group: 'networking.istio.io', kind: 'VirtualService', plural: 'virtualservices', shortNames: ['vs'], versions: NET3, storage: 'v1' },
  { group: 'networking.istio.io', kind: 'WorkloadEntry', plural: 'workloadentries', shortNames: ['we'], versions: NET3, storage: 'v1' },
  { group: 'networking.istio.io', kind: 'WorkloadGroup', plural: 'workloadgroups', shortNames: ['wg'], versions: NET3, storage: 'v1' },
  { group: 'security.istio.io', kind: 'AuthorizationPolicy', plural: 'authorizationpolicies', shortNames: ['ap'], versions: ['v1', 'v1beta1'], storage: 'v1' },
  { group: 'security.istio.io', kind: 'PeerAuthentication', plural: 'peerauthentications', shortNames: ['pa'], versions: ['v1', 'v1beta1'], storage: 'v1' },
  { group: 'security.istio.io', kind: 'RequestAuthentication', plural: 'requestauthentications', shortNames: ['ra'], versions: ['v1', 'v1beta1'], storage: 'v1' },
  { group: 'telemetry.istio.io', kind: 'Telemetry', plural: 'telemetries', shortNames: ['telemetry'], versions: ['v1', 'v1alpha1'], storage: 'v1alpha1' },
];

function crd(ctx: RenderContext, k: CrdKind): KubeObject {
  const categories = ['istio-io', `${k.group.split('.')[0]}-istio-io`];
  const names: Values = { categories, kind: k.kind, listKind: `${k.kind}List`, plural: k.plural, singular: k.kind.toLowerCase() };
  if (k.shortNames) names.shortNames = k.shortNames;
  const labels = { ...chartLabels('base'), ...ownerLabels(ctx, 'Base') };
  return object('apiextensions.k8s.io/v1', 'CustomResourceDefinition', `${k.plural}.${k.group}`, undefined, labels, {
    // Keep the CRDs (and so users' resources) when the chart that made them goes away, as Istio does.
    annotations: { 'helm.sh/resource-policy': 'keep' },
    spec: {
      group: k.group,
      names,
      scope: 'Namespaced',
      versions: k.versions.map((v) => ({
        name: v,
        served: true,
        storage: v === k.storage,
        schema: { openAPIV3Schema: crdSchemaFor(k.kind, v) },
        subresources: { status: {} },
      })),
    },
  });
}

/** The CRDs to install (all kinds minus values.base.excludedCRDs), when CRD templates and cluster scope are on. */
export function istioCrds(ctx: RenderContext): KubeObject[] {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  if (!(scope === 'all' || scope === 'cluster') || val(ctx, 'base.enableCRDTemplates') === false) return [];
  const excluded = new Set((val<string[]>(ctx, 'base.excludedCRDs') ?? []).map(String));
  return ISTIO_CRDS.filter((k) => !excluded.has(`${k.plural}.${k.group}`)).map((k) => crd(ctx, k));
}

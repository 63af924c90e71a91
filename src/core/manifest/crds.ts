/**
 * The CustomResourceDefinitions of every Istio kind, built from the same JSON schemas `mesh validate` uses
 * (schemas/, via src/core/validate): group, names, served and storage versions, printer columns from each
 * schema's `x-istio` block, and the structural openAPIV3Schema from `crdSchema(kind, version)`.
 */
import { crdSchema, kindInfo, schemaKinds } from '../model/crd-schema.js';
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, object, ownerLabels, val, type RenderContext } from './context.js';
import { compareStrings, type JsonObject } from '../tree.js';

function crd(ctx: RenderContext, kind: string): KubeObject {
  const info = kindInfo(kind)!;
  const names: JsonObject = { categories: info.categories, kind, listKind: `${kind}List`, plural: info.plural, singular: info.singular };
  if (info.shortNames.length) names.shortNames = info.shortNames;
  // Base labels carry no istio.io/rev: one set of CRDs serves every revision.
  const labels = { ...chartLabels('base'), ...ownerLabels(ctx, 'Base') };
  // All served versions of a kind share one schema (crdSchema's contract): convert once, reuse per version.
  const schema = crdSchema(kind, info.storageVersion);
  return object('apiextensions.k8s.io/v1', 'CustomResourceDefinition', `${info.plural}.${info.group}`, undefined, labels, {
    // Keep the CRDs (and so users' resources) when the chart that made them goes away, as Istio does.
    annotations: { 'helm.sh/resource-policy': 'keep' },
    spec: {
      group: info.group,
      names,
      scope: 'Namespaced',
      versions: info.versions.map((v) => {
        const version: JsonObject = { name: v, served: true, storage: v === info.storageVersion };
        if (info.printerColumns.length) version.additionalPrinterColumns = info.printerColumns;
        version.schema = { openAPIV3Schema: schema };
        version.subresources = { status: {} };
        return version;
      }),
    },
  });
}

/** The Istio kinds CRDs are rendered for, sorted by CRD name (`<plural>.<group>`). */
export function crdKinds(): string[] {
  const name = (k: string) => `${kindInfo(k)!.plural}.${kindInfo(k)!.group}`;
  return schemaKinds().sort((a, b) => compareStrings(name(a), name(b)));
}

/** The CRDs to install (all kinds minus values.base.excludedCRDs), when CRD templates and cluster scope are on. */
export function istioCrds(ctx: RenderContext): KubeObject[] {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  if (!(scope === 'all' || scope === 'cluster') || val(ctx, 'base.enableCRDTemplates') === false) return [];
  const excluded = new Set((val<string[]>(ctx, 'base.excludedCRDs') ?? []).map(String));
  return crdKinds()
    .filter((k) => !excluded.has(`${kindInfo(k)!.plural}.${kindInfo(k)!.group}`))
    .map((k) => crd(ctx, k));
}

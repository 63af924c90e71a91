/**
 * Revision tags over a read of the cluster, as plain data: which revisions have a control plane, which tags
 * exist (tag → revision → namespaces), and what `set` and `remove` must change. The checks follow istioctl
 * 1.30: a tag needs a revision with exactly one injector webhook, may not shadow a revision's name, and is
 * not replaced without --overwrite.
 */
import type { KubeObject } from '../yaml/load.js';
import { UsageError } from '../../errors.js';
import { compareStrings } from '../tree.js';
import { DEFAULT_TAG, REV_LABEL, TAG_LABEL, checkTagName, generateTag, revisionOf } from './generate.js';

/** What the tag commands read from the cluster. */
export interface TagState {
  /** MutatingWebhookConfigurations labelled istio.io/rev (revision injectors and tag webhooks). */
  webhooks: KubeObject[];
  /** Services in the control-plane namespace labelled istio.io/rev (istiod's and the tag Services). */
  services: KubeObject[];
  /** Namespaces labelled istio.io/rev. */
  namespaces: KubeObject[];
  /** The live `istiod-default-validator`, if any. */
  validator?: KubeObject;
}

/** One tag, as `tag list` prints it (also its JSON/YAML output shape: public API). */
export interface TagDescription {
  /** The tag name. */
  tag: string;
  /** The revision it points at. */
  revision: string;
  /** Namespaces labelled istio.io/rev=<tag>, sorted. */
  namespaces: string[];
}

/** Options of `tag set` / `tag generate`. */
export interface SetTagOptions {
  /** The tag to create or move. */
  tag: string;
  /** The revision to point it at. */
  revision: string;
  /** Allow replacing an existing tag (and naming a tag like a revision). */
  overwrite: boolean;
  /** `tag generate`: nothing is applied, so the default injector is not deactivated. */
  generate: boolean;
  /** The control-plane namespace. */
  istioNamespace: string;
  /** --webhook-name. */
  webhookName?: string;
  /** --auto-inject-namespaces. */
  autoInjectNamespaces: boolean;
}

/** What `tag set` applies and deletes. */
export interface SetTagPlan {
  /** The tag's objects, in apply order. */
  objects: KubeObject[];
  /** The revision the tag pointed at before, when it existed. */
  previous?: string;
  /** The old `default` revision injector with its selectors set to never match (default tag only; applied with force). */
  deactivate?: KubeObject;
  /** Objects of this tag from an earlier set that the new set no longer has (e.g. an old --webhook-name). */
  stale: KubeObject[];
}

/** The selector istioctl uses to switch a webhook off without deleting it. */
const NEVER_MATCH = { matchLabels: { 'istio.io/deactivated': 'never-match' } };

const labels = (o: KubeObject): Record<string, string> => o.metadata?.labels ?? {};
const isTagObject = (o: KubeObject): boolean => labels(o)[TAG_LABEL] !== undefined;
const nameOf = (o: KubeObject): string => o.metadata?.name ?? '';

/** Revision → its injector webhook configurations (not tags), for revisions that have one. */
export function revisionWebhooks(state: TagState): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>();
  for (const w of state.webhooks) {
    if (isTagObject(w) || labels(w)[REV_LABEL] === undefined) continue;
    const rev = revisionOf(w);
    out.set(rev, [...(out.get(rev) ?? []), w]);
  }
  return out;
}

/** Every tag in the cluster, sorted by revision then tag (as istioctl lists them). */
export function listTags(state: TagState): TagDescription[] {
  const tags = new Map<string, string>();
  for (const o of [...state.webhooks, ...state.services]) {
    const tag = labels(o)[TAG_LABEL];
    if (tag !== undefined && !tags.has(tag)) tags.set(tag, revisionOf(o));
  }
  return [...tags]
    .map(([tag, revision]) => ({ tag, revision, namespaces: namespacesUsing(state, tag) }))
    .sort((a, b) => compareStrings(a.revision, b.revision) || compareStrings(a.tag, b.tag));
}

/** Namespaces labelled istio.io/rev=<tag>, sorted. */
export function namespacesUsing(state: TagState, tag: string): string[] {
  return state.namespaces
    .filter((n) => labels(n)[REV_LABEL] === tag)
    .map(nameOf)
    .sort(compareStrings);
}

/** The tag's live objects (webhooks, its Service; the default validator for `default`). */
export function tagObjects(state: TagState, tag: string): KubeObject[] {
  const all = [...state.webhooks, ...state.services];
  if (state.validator) all.push(state.validator);
  return all.filter((o) => labels(o)[TAG_LABEL] === tag);
}

/** Checks `set`/`generate` against the cluster and builds the objects; a refusal is a UsageError saying what to do. */
export function planSetTag(state: TagState, options: SetTagOptions): SetTagPlan {
  const { tag, revision } = options;
  checkTagName(tag);
  const revisions = revisionWebhooks(state);
  if (!options.generate && !options.overwrite && tag !== DEFAULT_TAG && (revisions.has(tag) || serviceRevisions(state).has(tag))) {
    throw new UsageError(`cannot create tag "${tag}": a control-plane revision has that name`, {
      hint: 'a tag may not shadow a revision: pick another tag name (or pass --overwrite if you mean it)',
    });
  }
  const canon = revisions.get(revision) ?? [];
  if (canon.length === 0) {
    const found = [...revisions.keys()].sort(compareStrings);
    const existing = listTags(state).find((t) => t.tag === revision);
    throw new UsageError(
      `cannot point tag "${tag}" at revision "${revision}": no control plane found for that revision (no MutatingWebhookConfiguration labelled ${REV_LABEL}=${revision})`,
      {
        hint: existing
          ? `"${revision}" is a tag (pointing at revision ${existing.revision}); tags point at revisions: use --revision ${existing.revision}`
          : found.length
            ? `revisions found: ${found.join(', ')}`
            : 'no Istio control plane found: install one first, e.g. mesh install --revision <rev>',
      },
    );
  }
  if (canon.length > 1) {
    throw new UsageError(
      `cannot point tag "${tag}" at revision "${revision}": it has ${canon.length} injector webhook configurations (${canon.map(nameOf).sort(compareStrings).join(', ')})`,
      {
        hint: 'delete the stale one (kubectl delete mutatingwebhookconfiguration <name>), then run the command again',
      },
    );
  }
  const live = tagObjects(state, tag);
  const previous = live.find((o) => o.kind === 'MutatingWebhookConfiguration') ?? live[0];
  if (previous && !options.overwrite) {
    throw new UsageError(`revision tag "${tag}" already exists (pointing at revision ${revisionOf(previous)})`, {
      hint: `pass --overwrite to point it at revision ${revision}`,
    });
  }
  const objects = generateTag({
    tag,
    canonical: canon[0]!,
    istioNamespace: options.istioNamespace,
    webhookName: options.webhookName,
    autoInjectNamespaces: options.autoInjectNamespaces,
    liveValidator: state.validator,
  });
  const wanted = new Set(objects.map((o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${nameOf(o)}`));
  const stale = live.filter((o) => !wanted.has(`${o.kind}/${o.metadata?.namespace ?? ''}/${nameOf(o)}`));
  const plan: SetTagPlan = { objects, stale };
  if (previous) plan.previous = revisionOf(previous);
  if (tag === DEFAULT_TAG && !options.generate) {
    const old = revisions.get('default')?.[0];
    // Already switched off (by an earlier set or by the install): applying it again would only rewrite ownership.
    if (old && !isDeactivated(old)) plan.deactivate = deactivateInjector(old);
  }
  return plan;
}

/** True for a MutatingWebhookConfiguration whose every hook was switched off by a `default` tag (never-match selectors). */
export function isDeactivated(mwc: KubeObject): boolean {
  const hooks = mwc.kind === 'MutatingWebhookConfiguration' && Array.isArray(mwc.webhooks) ? (mwc.webhooks as Record<string, unknown>[]) : [];
  const never = (s: unknown): boolean => JSON.stringify(s) === JSON.stringify(NEVER_MATCH);
  return hooks.length > 0 && hooks.every((h) => never(h.namespaceSelector) && never(h.objectSelector));
}

function serviceRevisions(state: TagState): Set<string> {
  return new Set(state.services.filter((s) => !isTagObject(s) && labels(s).app === 'istiod').map(revisionOf));
}

/**
 * The `default` revision's own injector with every hook switched off (never-match selectors) rather than
 * deleted, as istioctl does, so that revision can be tagged again later. Labels and annotations are sent too:
 * under server-side apply, fields mesh owned and left out would be removed.
 */
export function deactivateInjector(mwc: KubeObject): KubeObject {
  const hooks = Array.isArray(mwc.webhooks) ? (mwc.webhooks as Record<string, unknown>[]) : [];
  const meta = mwc.metadata ?? {};
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: nameOf(mwc), ...(meta.labels ? { labels: meta.labels } : {}), ...(meta.annotations ? { annotations: meta.annotations } : {}) },
    webhooks: hooks.map((h) => ({ ...structuredClone(h), namespaceSelector: NEVER_MATCH, objectSelector: NEVER_MATCH })),
  };
}

/** What `tag remove` deletes, and the namespaces that would lose injection. */
export function planRemoveTag(state: TagState, tag: string): { objects: KubeObject[]; namespaces: string[] } {
  const objects = tagObjects(state, tag);
  if (objects.length === 0) {
    const known = listTags(state).map((t) => t.tag);
    throw new UsageError(`cannot remove tag "${tag}": no MutatingWebhookConfiguration or Service carries ${TAG_LABEL}=${tag}`, {
      hint: known.length ? `tags found: ${known.join(', ')}` : 'there are no revision tags in this cluster (mesh tag list)',
    });
  }
  return { objects, namespaces: namespacesUsing(state, tag) };
}

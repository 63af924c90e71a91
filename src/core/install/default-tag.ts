/**
 * The `default` revision tag an install creates after its manifests, as istioctl 1.30 does
 * (operator/pkg/webhook WebhooksToDeploy): the tag's webhooks are not part of the render, so without this step
 * nothing validates Istio config that lacks an `istio.io/rev` label and `istio-injection=enabled` namespaces
 * depend on the revision's own injector. The objects come from the tag generator (core/tag), labelled as
 * installer-owned (so `uninstall` removes them) but `owning-resource-not-pruned` (so a later install's prune
 * keeps them when the default moved to another revision).
 */
import type { InstallClient, ProgressSink } from './client.js';
import { NOT_PRUNED_LABEL, describeRef, ownerLabels } from './objects.js';
import type { InstallPlan } from './plan.js';
import { applySetPlan, readTagState } from '../tag/cluster.js';
import { DEFAULT_TAG, REV_LABEL, TAG_LABEL } from '../tag/generate.js';
import { deactivateInjector, planSetTag, type SetTagPlan, type TagState } from '../tag/plan.js';
import type { KubeObject } from '../yaml/load.js';
import { UsageError } from '../../errors.js';

const labels = (o: KubeObject): Record<string, string> => o.metadata?.labels ?? {};

/** True when a `default` tag injector already exists (istioctl's PreviousInstallExists). */
export function defaultTagExists(state: TagState): boolean {
  return state.webhooks.some((w) => labels(w).app === 'sidecar-injector' && labels(w)[TAG_LABEL] === DEFAULT_TAG);
}

/** istioctl's rule: unless the operator manages webhooks, a default install always (re)points the tag; a revision install only creates a missing one. */
export function defaultTagNeeded(plan: InstallPlan, state: TagState): boolean {
  const settings = plan.options.defaultTag;
  if (!settings || settings.operatorManageWebhooks) return false;
  return !defaultTagExists(state) || plan.options.revision === 'default';
}

/**
 * The object to apply for `obj` of the plan: a default install's own injector is applied already switched off
 * when the default tag takes over its work (istioctl applies it live and switches it off afterwards), so a second
 * install changes nothing and no pod is injected twice in between.
 */
export function asApplied(plan: InstallPlan, obj: KubeObject): KubeObject {
  const settings = plan.options.defaultTag;
  const own = obj.kind === 'MutatingWebhookConfiguration' && labels(obj)[TAG_LABEL] === undefined && labels(obj)[REV_LABEL] === 'default';
  return own && plan.options.revision === 'default' && settings && !settings.operatorManageWebhooks ? deactivateInjector(obj) : obj;
}

/**
 * The plan's own injector webhook of its revision put in place of the live one, so a dry run (before anything is
 * applied) can generate the tag from what the install will create.
 */
export function withPlannedInjector(state: TagState, plan: InstallPlan): TagState {
  const planned = plan.objects.filter(
    (o) => o.kind === 'MutatingWebhookConfiguration' && labels(o)[TAG_LABEL] === undefined && labels(o)[REV_LABEL] === plan.options.revision,
  );
  const names = new Set(planned.map((o) => o.metadata?.name));
  return { ...state, webhooks: [...state.webhooks.filter((w) => !names.has(w.metadata?.name)), ...planned] };
}

/**
 * The tag's objects for this install, or undefined when none is needed or none can be made (no injector of the
 * revision, e.g. a remote-cluster install: istioctl then skips the step without failing).
 */
export function planDefaultTag(plan: InstallPlan, state: TagState, dryRun: boolean): SetTagPlan | undefined {
  if (!defaultTagNeeded(plan, state)) return undefined;
  const { revision, namespace, version } = plan.options;
  let tag: SetTagPlan;
  try {
    tag = planSetTag(state, {
      tag: DEFAULT_TAG,
      revision,
      overwrite: true,
      generate: dryRun,
      istioNamespace: namespace,
      autoInjectNamespaces: plan.options.defaultTag?.autoInjectNamespaces ?? false,
    });
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
  // Installer-owned like the rest of the revision (istioctl adds its owner labels), but never pruned.
  const owned = { ...ownerLabels('Pilot', revision, version), [NOT_PRUNED_LABEL]: 'true' };
  const objects = tag.objects.map((o) => ({ ...o, metadata: { ...o.metadata, labels: { ...labels(o), ...owned } } }));
  return { ...tag, objects, stale: [] };
}

/** After the install: reads the cluster, and applies the default tag when istioctl would. Returns the objects applied. */
export async function installDefaultTag(client: InstallClient, plan: InstallPlan, progress: ProgressSink): Promise<KubeObject[]> {
  const tag = planDefaultTag(plan, await readTagState(client, plan.options.namespace), false);
  if (!tag) return [];
  progress.start('Default revision tag');
  for (const obj of tag.objects) progress.update(`applying ${describeRef(obj)}`);
  await applySetPlan(client, tag);
  progress.succeed(`Default revision tag points at revision ${plan.options.revision}`);
  return tag.objects;
}

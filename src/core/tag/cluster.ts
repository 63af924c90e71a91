/**
 * Reads the tag state from a cluster and carries out `tag set` / `tag remove` plans, through the InstallClient
 * (server-side apply with field manager mesh, foreground deletes). No decisions here: plan.ts makes them.
 */
import type { InstallClient } from '../install/client.js';
import { refOf } from '../install/objects.js';
import { DEFAULT_VALIDATOR, REV_LABEL } from './generate.js';
import type { SetTagPlan, TagState } from './plan.js';
import type { KubeObject } from '../yaml/load.js';

const ADMISSION = 'admissionregistration.k8s.io/v1';

/** Lists what the tag commands need: revision/tag webhooks, istiod Services, labelled namespaces, the default validator. */
export async function readTagState(client: InstallClient, istioNamespace: string): Promise<TagState> {
  const [webhooks, services, namespaces, validator] = await Promise.all([
    client.list(ADMISSION, 'MutatingWebhookConfiguration', { labelSelector: REV_LABEL }),
    client.list('v1', 'Service', { namespace: istioNamespace, labelSelector: REV_LABEL }),
    client.list('v1', 'Namespace', { labelSelector: REV_LABEL }),
    client.get({ apiVersion: ADMISSION, kind: 'ValidatingWebhookConfiguration', name: DEFAULT_VALIDATOR }),
  ]);
  const state: TagState = { webhooks, services, namespaces };
  if (validator) state.validator = validator;
  return state;
}

/** Applies a set plan: switch off the old default injector first (so no pod is injected twice), then the tag, then drop stale objects. */
export async function applySetPlan(client: InstallClient, plan: SetTagPlan): Promise<void> {
  // Force: the old injector's selectors belong to whoever installed it; taking them over is the point.
  if (plan.deactivate) await client.apply(plan.deactivate, { force: true });
  for (const obj of plan.objects) await client.apply(obj, { force: true });
  for (const obj of plan.stale) await client.delete(refOf(obj), {});
}

/** Deletes a tag's objects; returns how many were still there. */
export async function deleteTagObjects(client: InstallClient, objects: readonly KubeObject[]): Promise<number> {
  let deleted = 0;
  for (const obj of objects) if (await client.delete(refOf(obj), {})) deleted++;
  return deleted;
}

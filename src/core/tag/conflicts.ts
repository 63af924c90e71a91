/**
 * The check istioctl runs before `tag set` applies: would the new tag webhook overlap another injection webhook
 * (a pod both select is injected twice)? Runs mesh's own webhook analyzer (IST0139) over the cluster's webhooks
 * as they will be after the set: the tag's webhook replacing its old self, the old default injector switched off.
 */
import type { KubeObject } from '../yaml/load.js';
import { buildSnapshot } from '../model/snapshot.js';
import { analyzeSnapshot } from '../analyze/index.js';
import type { SetTagPlan, TagState } from './plan.js';

/** IST0139 messages about the tag's new MutatingWebhookConfiguration; empty when it overlaps nothing. */
export function tagConflicts(state: TagState, plan: SetTagPlan, istioNamespace: string): string[] {
  const mwc = plan.objects.find((o) => o.kind === 'MutatingWebhookConfiguration');
  if (!mwc) return [];
  const name = mwc.metadata?.name;
  const replaced = new Set([name, plan.deactivate?.metadata?.name, ...plan.stale.map((o) => o.metadata?.name)]);
  const after: KubeObject[] = [...state.webhooks.filter((w) => !replaced.has(w.metadata?.name)), mwc];
  if (plan.deactivate) after.push(plan.deactivate);
  // Services are left out on purpose: only overlaps are the tag's business, not the Services other webhooks call.
  const snapshot = buildSnapshot(
    [{ objects: after.map((object) => ({ object, origin: { type: 'cluster' as const } })), complete: ['MutatingWebhookConfiguration'] }],
    { defaultNamespace: istioNamespace, istioNamespace, addDefaults: false },
  );
  const { shown } = analyzeSnapshot(snapshot, { only: ['webhook.Analyzer'], suppressions: [], outputThreshold: 'Error', failureThreshold: 'Error' });
  return shown.filter((m) => m.resource?.name === name).map((m) => m.message);
}

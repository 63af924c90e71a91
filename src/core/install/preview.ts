/**
 * `install --dry-run`: what an install would do to this cluster, object by object, as `kubectl diff` would tell:
 * create (absent), update (the server's dry run of applying the render differs from the live object, with the
 * fields), unchanged, and prune (mesh-owned objects the render no longer has). Reads only: dry-run applies persist
 * nothing. Drift is judged as verify-install judges it (verify.ts diffObject), so both commands agree.
 */
import type { InstallClient } from './client.js';
import { COMPONENT_LABEL, describeRef, refOf, type ObjectRef } from './objects.js';
import type { InstallPlan } from './plan.js';
import { asApplied } from './default-tag.js';
import { describeDrift, diffObject } from './verify.js';
import type { KubeObject } from '../yaml/load.js';

/** What the install would do to one object. */
export type PreviewAction = 'create' | 'update' | 'unchanged' | 'prune';

/** One object of the preview. */
export interface PreviewEntry {
  ref: ObjectRef;
  /** The component it belongs to (Base, Pilot, ...). */
  component: string;
  action: PreviewAction;
  /** For updates: the fields that would change (`path: cluster has X, mesh wants Y`). */
  changes: string[];
}

/** The whole preview (also the JSON shape of `install --dry-run -o json`). */
export interface InstallPreview {
  /** Counts by action. */
  counts: Record<PreviewAction, number>;
  /** Entries in apply order, prunes last. */
  entries: PreviewEntry[];
}

/** Compares the plan with the cluster, object by object. */
export async function previewInstall(
  plan: InstallPlan,
  client: InstallClient,
  prunable: readonly KubeObject[],
  defaultTag: readonly KubeObject[] = [],
): Promise<InstallPreview> {
  const entries: PreviewEntry[] = [];
  // The default tag's objects come after every step, as the install applies them.
  const groups = [
    ...plan.steps.map((s) => ({ component: s.component.id, objects: [...s.crds, ...s.objects, ...s.webhooks] })),
    ...defaultTag.map((o) => ({ component: String(o.metadata?.labels?.[COMPONENT_LABEL] ?? ''), objects: [o] })),
  ];
  for (const { component, objects } of groups) {
    for (const obj of objects) {
      const ref = refOf(obj);
      const live = await client.get(ref);
      if (!live) {
        entries.push({ ref, component, action: 'create', changes: [] });
        continue;
      }
      // As the install applies it (a default install's own injector switched off).
      const predicted = await client.apply(asApplied(plan, obj), { dryRun: true, force: true });
      const changes = diffObject(live, predicted).map(describeDrift);
      entries.push({ ref, component, action: changes.length ? 'update' : 'unchanged', changes });
    }
  }
  for (const obj of prunable) {
    entries.push({ ref: refOf(obj), component: String(obj.metadata?.labels?.[COMPONENT_LABEL] ?? ''), action: 'prune', changes: [] });
  }
  const counts: Record<PreviewAction, number> = { create: 0, update: 0, unchanged: 0, prune: 0 };
  for (const e of entries) counts[e.action]++;
  return { counts, entries };
}

const SIGN: Record<PreviewAction, string> = { create: '+', update: '~', unchanged: '=', prune: '-' };

/**
 * Text for people: every object that would change, with its fields under it; unchanged objects only counted
 * (listed with `verbose`), then a one-line plan summary.
 */
export function formatPreview(preview: InstallPreview, verbose = false): string {
  const lines: string[] = [];
  for (const e of preview.entries) {
    if (e.action === 'unchanged' && !verbose) continue;
    lines.push(`${SIGN[e.action]} ${e.action.padEnd(9)} ${describeRef(e.ref)}`);
    for (const c of e.changes) lines.push(`      ${c}`);
  }
  const { create, update, unchanged, prune } = preview.counts;
  lines.push(`Plan: ${create} to create, ${update} to update, ${prune} to prune, ${unchanged} unchanged (dry run: nothing was changed)`);
  return `${lines.join('\n')}\n`;
}

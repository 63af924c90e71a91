/**
 * verify-install through an InstallClient: for each object of the plan, read it, ask the server what applying
 * the render would make of it (dry run), compare, and check readiness of CRDs and workloads.
 */
import type { InstallClient } from './client.js';
import { isWorkload, refOf } from './objects.js';
import type { InstallPlan } from './plan.js';
import { asApplied } from './default-tag.js';
import { crdReadiness, workloadReadiness } from './readiness.js';
import { describeDrift, diffObject, summarize, type VerifyEntry, type VerifyReport } from './verify.js';
import { diagnoseWorkload } from './wait.js';

/** Compares the plan with the cluster. Reads only (dry-run applies persist nothing). */
export async function runVerify(plan: InstallPlan, client: InstallClient): Promise<VerifyReport> {
  const entries: VerifyEntry[] = [];
  for (const obj of plan.objects) {
    const ref = refOf(obj);
    const live = await client.get(ref);
    if (!live) {
      entries.push({ ref, state: 'missing', details: [] });
      continue;
    }
    const predicted = await client.apply(asApplied(plan, obj), { dryRun: true, force: true });
    const drift = diffObject(live, predicted);
    if (drift.length) {
      entries.push({ ref, state: 'drift', details: drift.map(describeDrift) });
      continue;
    }
    const readiness = obj.kind === 'CustomResourceDefinition' ? crdReadiness(live) : isWorkload(obj.kind) ? workloadReadiness(live) : undefined;
    if (readiness && !readiness.ready) {
      const pods = isWorkload(obj.kind) ? await diagnoseWorkload(client, live) : [];
      entries.push({ ref, state: 'not-ready', details: [readiness.summary, ...pods] });
      continue;
    }
    entries.push({ ref, state: 'ok', details: [] });
  }
  return summarize(entries);
}

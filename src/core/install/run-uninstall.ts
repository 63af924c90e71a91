/**
 * Finds and deletes what `mesh uninstall` removes, through an InstallClient: delete in reverse apply order,
 * wave by wave, waiting until each wave is gone (foreground deletion, so a Deployment is gone with its pods).
 */
import type { KubeObject } from '../yaml/load.js';
import type { Clock, InstallClient, ProgressSink } from './client.js';
import { describeRef, refOf } from './objects.js';
import { listOwned } from './run-install.js';
import { PURGE_QUERIES, deleteWaves, purgeSet, uninstallSet, type UninstallOptions } from './uninstall.js';
import { waitForDeletion, type WaitOptions } from './wait.js';

/** Lists the cluster and returns the objects this uninstall deletes, in delete order. Reads only. */
export async function findUninstallTargets(client: InstallClient, options: UninstallOptions): Promise<KubeObject[]> {
  const owned = uninstallSet(await listOwned(client, options.purge ? undefined : options.revision), options);
  if (!options.purge) return owned;
  const listed: KubeObject[] = [];
  for (const q of PURGE_QUERIES) {
    const items = await client.list(q.apiVersion, q.kind, {
      ...(q.scope === 'istio' ? { namespace: options.istioNamespace } : {}),
      ...(q.fieldSelector ? { fieldSelector: q.fieldSelector } : {}),
    });
    listed.push(...items.map((o) => ({ ...o, apiVersion: o.apiVersion || q.apiVersion, kind: o.kind || q.kind })));
  }
  return purgeSet(owned, listed, options.istioNamespace);
}

/** Deletes the targets wave by wave and waits for each wave to disappear. Returns how many were deleted. */
export async function deleteTargets(
  targets: readonly KubeObject[],
  client: InstallClient,
  clock: Clock,
  progress: ProgressSink,
  wait: WaitOptions,
): Promise<number> {
  let deleted = 0;
  progress.start('Removing');
  try {
    for (const wave of deleteWaves(targets)) {
      for (const obj of wave) {
        progress.update(`deleting ${describeRef(obj)}`);
        if (await client.delete(refOf(obj), {})) deleted++;
      }
      await waitForDeletion(client, clock, wave.map(refOf), wait, progress);
    }
  } catch (error) {
    progress.fail(`Uninstall stopped after deleting ${deleted} object${deleted === 1 ? '' : 's'}`);
    throw error;
  }
  progress.succeed(`Removed ${targets.length} object${targets.length === 1 ? '' : 's'}`);
  return deleted;
}

/** Dry-run text: what would be deleted, in order. */
export function describeTargets(targets: readonly KubeObject[]): string {
  return targets.map((o) => `delete ${describeRef(o)}\n`).join('');
}

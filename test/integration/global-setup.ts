// Vitest global setup for the integration suite: starts one kube-local cluster per vitest worker
// (test files run in parallel, each on its worker's own cluster) and provides their admin
// kubeconfigs. Set MESH_TEST_KUBECONFIG (e.g. after `npm run cluster:up`) to run the suite on a
// cluster that is already up instead, one file at a time.
import type { TestProject } from 'vitest/node';
import { startCluster, stopCluster } from '../cluster/cluster.mjs';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.MESH_TEST_KUBECONFIG;
  if (given) {
    project.provide('kubeconfigs', [given]);
    return async () => {};
  }
  const count = Math.max(1, Number(project.config.maxWorkers) || 1);
  const keepDir = process.env.MESH_TEST_KEEP_CLUSTER_DIR === '1';
  const started = Date.now();
  const settled = await Promise.allSettled(Array.from({ length: count }, () => startCluster({ nodes: 2, keepDir })));
  const clusters = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stopAll = async () => {
    await Promise.all(clusters.map((c) => stopCluster(c, { keepDir })));
  };
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  process.stderr.write(`[cluster] ${count} cluster(s) ready in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  project.provide(
    'kubeconfigs',
    clusters.map((c) => c.kubeconfig),
  );
  return stopAll;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin kubeconfig of each test cluster; worker N (VITEST_POOL_ID) uses the Nth. */
    kubeconfigs: string[];
  }
}

// Vitest global setup for the integration suite: starts one kube-local cluster for the whole run
// and exposes its admin kubeconfig as MESH_TEST_KUBECONFIG. Set MESH_TEST_KUBECONFIG yourself
// (e.g. after `npm run cluster:up`) to run the suite against a cluster that is already up.
import type { TestProject } from 'vitest/node';
import { startCluster, stopCluster } from '../cluster/cluster.mjs';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.MESH_TEST_KUBECONFIG;
  if (given) {
    project.provide('kubeconfig', given);
    return async () => {};
  }
  const started = Date.now();
  const keepDir = process.env.MESH_TEST_KEEP_CLUSTER_DIR === '1';
  const cluster = await startCluster({ nodes: 2, keepDir });
  process.stderr.write(`[cluster] ready in ${((Date.now() - started) / 1000).toFixed(1)}s: ${cluster.kubeconfig}\n`);
  process.env.MESH_TEST_KUBECONFIG = cluster.kubeconfig;
  project.provide('kubeconfig', cluster.kubeconfig);
  return async () => {
    await stopCluster(cluster, { keepDir });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the test cluster's admin kubeconfig. */
    kubeconfig: string;
  }
}

import { defineConfig } from 'vitest/config';

// The integration suite: real kube-apiserver, controllers, scheduler and kwok nodes (test/cluster).
// Each worker gets its own cluster (global setup); on a cluster given by MESH_TEST_KUBECONFIG, files run one at a time.
const shared = Boolean(process.env.MESH_TEST_KUBECONFIG);

export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    // The real-istiod tests have their own configuration (vitest.istiod.config.ts, npm run test:istiod).
    exclude: ['test/integration/istiod/**'],
    globalSetup: ['test/integration/global-setup.ts'],
    setupFiles: ['test/integration/worker-env.ts'],
    fileParallelism: !shared,
    maxWorkers: shared ? 1 : 2,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

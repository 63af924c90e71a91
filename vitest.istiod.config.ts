import { defineConfig } from 'vitest/config';

// The integration tests with a real istiod (npm run test:istiod): Istio's pilot-discovery, built from the
// test/istio module, runs as a local process on the test cluster (test/integration/helpers/istiod.ts).
// One cluster, one file at a time: every file installs the same control plane and starts its own istiod.
export default defineConfig({
  test: {
    include: ['test/integration/istiod/**/*.test.ts'],
    globalSetup: ['test/integration/istiod/global-setup.ts', 'test/integration/global-setup.ts'],
    setupFiles: ['test/integration/worker-env.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

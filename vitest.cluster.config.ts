import { defineConfig } from 'vitest/config';

// The integration suite: real kube-apiserver, controllers, scheduler and kwok nodes (test/cluster).
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    // One cluster is shared, so test files run one at a time.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/cli/**/*.test.ts'],
    // MESH_UPDATE_GOLDEN=1 npm test rewrites golden files (toMatchFileSnapshot); in CI a missing golden fails.
    update: process.env.MESH_UPDATE_GOLDEN === '1',
    testTimeout: 20_000,
    pool: 'forks',
  },
});

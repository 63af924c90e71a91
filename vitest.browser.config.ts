import { defineConfig } from 'vitest/config';

// The browser suite (`npm run test:browser`): mesh graph's HTML page in a real headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core). One file, one browser, run alone: the machine has 2 cores.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The end-to-end suite builds the UI once and starts browser mode itself.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});

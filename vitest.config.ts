import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time: most of a file's time is a child process, a server or
    // Chromium waiting, so two workers on a 2-core machine halve the run (vitest's default
    // there is one).
    maxWorkers: 2,
    // Screens can take longer than expect.poll's default second to show on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    // The end-to-end suite builds the UI once and starts browser mode itself.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});

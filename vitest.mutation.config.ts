import { defineConfig } from 'vitest/config';

// The suite StrykerJS runs against each mutant (npm run test:mutation): the unit and
// integration tests, without the end-to-end tests (Chromium and a renderer build) and
// without tests whose code under test runs in a child process or a worker thread, which
// Stryker cannot switch mutants on in (they would only slow every run down).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: [
      'test/e2e/**',
      'test/integration/import-files-kill.test.ts',
      'test/integration/import-files-cli.test.ts',
      'test/integration/cli-bundle.test.ts',
      'test/integration/demo-cli.test.ts',
      'test/integration/orgs-cli.test.ts',
      'test/integration/core-restart.test.ts',
      'test/integration/workspace-holders.test.ts',
      'test/unit/layers-lint.test.ts',
      'test/unit/electron/desktop-scripts.test.ts',
    ],
    environment: 'node',
    // Mutants are switched at run time, not by reloading modules, so test files may share
    // loaded modules: each mutant's run then takes half the time (every test passes this way).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

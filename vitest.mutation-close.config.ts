import { defineConfig } from 'vitest/config';
import base from './vitest.mutation-imports.config';

// The period-close tests only, for mutating the close area and the period locks
// (stryker.close.config.mjs). The crash test runs its close in a child process, where
// Stryker cannot switch mutants on, so it is left out. A score measured against this
// subset is a lower bound.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/integration/close-checks.test.ts',
      'test/integration/close-check-messages.test.ts',
      'test/integration/close-refusals.test.ts',
      'test/integration/close-locks-consumption.test.ts',
      'test/integration/close-statements.test.ts',
      'test/integration/imports-locked-updates.test.ts',
      'test/integration/reports-export-task.test.ts',
      'test/unit/imports/records/period-locks.test.ts',
    ],
    exclude: [...(base.test?.exclude ?? [])],
  },
});

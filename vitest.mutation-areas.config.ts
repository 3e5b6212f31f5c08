import { defineConfig } from 'vitest/config';
import base from './vitest.mutation-imports.config';

// The payouts, reconciliation and statements tests only, for mutating those areas' money
// code (stryker.areas.config.mjs) on a shared 2-core machine: every other test that opens
// a workspace would only add to the dry run. Same order as the imports config (failed
// first, then shortest). A score measured against this subset is a lower bound.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/unit/fast-allocate.test.ts',
      'test/unit/payouts/**/*.test.ts',
      'test/integration/payouts-*.test.ts',
      'test/unit/reconciliation-*.test.ts',
      'test/integration/reconciliation-*.test.ts',
      'test/unit/statements/**/*.test.ts',
      'test/integration/statements-*.test.ts',
      'test/integration/close-statements.test.ts',
    ],
    exclude: [...(base.test?.exclude ?? [])],
  },
});

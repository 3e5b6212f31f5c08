// @ts-check
// The period close (checks, start, reopen, month state) and the period locks every write
// consults, against the close tests only (see vitest.mutation-close.config.ts):
// npx stryker run stryker.close.config.mjs --concurrency 1
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-close.config.ts' },
  mutate: [
    'src/main/close/checks.ts',
    'src/main/close/check-result.ts',
    'src/main/close/month-state.ts',
    'src/main/close/payouts-check.ts',
    'src/main/close/statements-check.ts',
    'src/main/close/run-checks.ts',
    'src/main/close/start.ts',
    'src/main/close/reopen.ts',
    'src/main/imports/records/period-locks.ts',
  ],
  incrementalFile: 'reports/stryker-incremental-close.json',
  htmlReporter: { fileName: 'reports/mutation-close/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-close/mutation.json' },
};

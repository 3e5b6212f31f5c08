// @ts-check
// The money code of payouts, reconciliation and statements against those areas' tests only
// (see vitest.mutation-areas.config.ts):
// npx stryker run stryker.areas.config.mjs --mutate <files> --concurrency 2
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-areas.config.ts' },
  mutate: [
    'src/main/payouts/fast-allocate.ts',
    'src/main/payouts/allocate.ts',
    'src/main/payouts/balances.ts',
    'src/main/reconciliation/tolerance.ts',
    'src/main/reconciliation/reconcile-record.ts',
    'src/main/statements/statement-lines.ts',
    'src/main/statements/generate.ts',
  ],
  incrementalFile: 'reports/stryker-incremental-areas.json',
  htmlReporter: { fileName: 'reports/mutation-areas/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-areas/mutation.json' },
};

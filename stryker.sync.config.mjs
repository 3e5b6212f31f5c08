// @ts-check
// Sync's guards of local truth: conflicts found and resolved, the record states it
// compares, locked months and kept reconciliations, what a pull stores, against the sync
// tests (vitest.mutation-sync.config.ts):
// npx stryker run stryker.sync.config.mjs --concurrency 1
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-sync.config.ts' },
  mutate: [
    'src/main/sync/detect-conflicts.ts',
    'src/main/sync/conflicts.ts',
    'src/main/sync/kept-reconciled.ts',
    'src/main/sync/record-state.ts',
    'src/main/sync/store-pull.ts',
    'src/main/sync/entity-write.ts',
    'src/main/sync/store-rules.ts',
  ],
  incrementalFile: 'reports/stryker-incremental-sync.json',
  htmlReporter: { fileName: 'reports/mutation-sync/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-sync/mutation.json' },
};

// @ts-check
// src/main/imports/records/ against the import tests only (see vitest.mutation-imports.config.ts):
// npx stryker run stryker.imports.config.mjs --mutate <files> --concurrency 1
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-imports.config.ts' },
  mutate: ['src/main/imports/records/**/*.ts'],
  incrementalFile: 'reports/stryker-incremental-imports.json',
};

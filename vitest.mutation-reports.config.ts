import { defineConfig } from 'vitest/config';
import base from './vitest.mutation-imports.config';

// The reports and showback tests only, for mutating the report catalog, its parameters,
// periods and CSV, and the showback allocation (stryker.reports.config.mjs). A score
// measured against this subset is a lower bound.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/unit/reports/**/*.test.ts', 'test/unit/showback-allocate.test.ts', 'test/integration/reports-*.test.ts', 'test/integration/showback-*.test.ts'],
    exclude: [...(base.test?.exclude ?? []), 'test/integration/*-cli.test.ts'],
  },
});

// @ts-check
// The reports (catalog, parameters, periods, visibility, CSV) and the showback
// allocation, against the reports and showback tests only (vitest.mutation-reports.config.ts):
// npx stryker run stryker.reports.config.mjs --concurrency 1
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-reports.config.ts' },
  mutate: [
    'src/main/reports/get-report.ts',
    'src/main/reports/parameters.ts',
    'src/main/reports/periods.ts',
    'src/main/reports/visibility.ts',
    'src/main/reports/report-csv.ts',
    'src/main/reports/report-month.ts',
    'src/main/reports/showback/allocate.ts',
  ],
  incrementalFile: 'reports/stryker-incremental-reports.json',
  htmlReporter: { fileName: 'reports/mutation-reports/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-reports/mutation.json' },
};

import { defineConfig } from 'vitest/config';
import base from './vitest.mutation-imports.config';

// The sync tests only, for mutating the modules that keep a sync from overwriting local
// truth (stryker.sync.config.mjs). The kill test runs its sync in a child process and the
// desktop-key test in a fake Electron host, where Stryker cannot switch mutants on: left
// out. A score measured against this subset is a lower bound.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/integration/sync-*.test.ts', 'test/unit/sync/record-state.test.ts', 'test/unit/sync/kept-reconciled.test.ts'],
    exclude: [...(base.test?.exclude ?? []), 'test/integration/sync-kill.test.ts', 'test/integration/sync-kill-statements-reports.test.ts', 'test/integration/sync-desktop-keys.test.ts'],
  },
});

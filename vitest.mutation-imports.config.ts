import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config';

/**
 * Failed files first (the one that killed the last mutant likely kills the next), then the
 * shortest: Stryker stops a mutant's run at its first failing test, so a killed mutant
 * costs seconds instead of the slowest files' minute (vitest's own order is longest first).
 */
class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const stats = (file: TestSpecification) => this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`);
    const rank = (file: TestSpecification) => {
      const s = stats(file);
      return s ? (s.failed ? -1 : s.duration) : 0;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// The import tests only, for mutating src/main/imports/records/ on a shared 2-core machine
// (every other test that loads the core also reaches the writers and would run for each of
// their mutants), without the four slowest, which check totals, encodings, bad files and a
// property over random batches rather than a guard. A score measured against this subset
// is a lower bound: the other tests can only kill more mutants.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/unit/imports/**/*.test.ts', 'test/integration/import*.test.ts', 'test/integration/undo-*.test.ts', 'test/integration/same-file-*.test.ts'],
    exclude: [
      ...(base.test?.exclude ?? []),
      'test/integration/imports-control-totals.test.ts',
      'test/integration/imports-records-property.test.ts',
      'test/integration/import-files-encoding.test.ts',
      'test/integration/import-files-bad-input.test.ts',
    ],
    sequence: { sequencer: FastFirst },
  },
});

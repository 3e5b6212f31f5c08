// @ts-check
// Mutation testing of the modules that guard an accountant's data (issue 15):
// `npm run test:mutation`. Not part of `npm test`; see docs/mutation-testing.md.
import { readFileSync } from 'node:fs';

/**
 * Line ranges of the HTTP server's authentication part (the Host check, the bearer token
 * and key lookup, the constant-time compare), found by what the code says rather than by
 * fixed numbers, so they follow the file as it changes. Throws when a landmark is gone.
 */
function httpAuthRanges(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const lineOf = (pattern, from = 0) => {
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
    if (index < 0) throw new Error(`stryker.config.mjs: no line matching ${pattern} in ${file}; update httpAuthRanges`);
    return index + 1;
  };
  /** A function from its signature to the closing brace at the signature's indent. */
  const fn = (signature) => {
    const start = lineOf(signature);
    const indent = /^\s*/.exec(lines[start - 1])[0];
    return [start, lineOf(new RegExp(`^${indent}}`), start)];
  };
  const hostCheck = [lineOf(/const allowedHosts = /), lineOf(/host_not_allowed/) + 1];
  const ranges = [hostCheck, fn(/async function authenticate\(/), fn(/^function safeEqual\(/)];
  // The transport's own permission check, where the server has one.
  if (lines.some((line) => /^\s*function allows\(/.test(line))) ranges.push(fn(/^\s*function allows\(/));
  return ranges.map(([from, to]) => `${file}:${from}-${to}`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/main/imports/records/**/*.ts', 'src/main/grid/**/*.ts', 'src/shared/money.ts', 'src/main/api/registry.ts', ...httpAuthRanges('src/main/api/http-server.ts')],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // The machine is shared and has 2 cores; more runners only queue.
  concurrency: 2,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Build output and caches are not needed in the sandbox copy.
  ignorePatterns: ['.cache', 'out', 'dist', 'test-results', 'bench/.data', '*.closebook', '*.closebook-wal', '*.closebook-shm'],
  thresholds: { high: 90, low: 80, break: 80 },
};

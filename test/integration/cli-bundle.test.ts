import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// bin/closebook.mjs bundles the sources once with esbuild and runs the bundle while no
// source file is newer; a stale bundle is made again.

const CLI = join(process.cwd(), 'bin/closebook.mjs');
// Inside the checkout: the bundle finds better-sqlite3 in its node_modules from there.
const caches: string[] = [];
function cacheDir(): string {
  const dir = join(process.cwd(), '.cache', `cli-test-${process.pid}-${caches.length}`);
  caches.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of caches.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runCli(cache: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CLOSEBOOK_CLI_CACHE: cache, ...env } });
}

describe('the CLI bundle', () => {
  it('is made on the first run, reused while fresh, made again when a source is newer', () => {
    const cache = cacheDir();
    const methods = runCli(cache, ['methods']);
    expect(methods).toContain('revenues.list');
    expect(readdirSync(cache).sort()).toEqual(['core-worker.js', 'export-lines-worker.js', 'import-parse-worker.js', 'main.js']);
    const made = statSync(join(cache, 'main.js')).mtimeMs;

    expect(runCli(cache, ['methods'])).toBe(methods);
    expect(statSync(join(cache, 'main.js')).mtimeMs).toBe(made);

    // Older than every source: stale, so bundled again, with the same result.
    utimesSync(join(cache, 'main.js'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(runCli(cache, ['methods'])).toBe(methods);
    expect(statSync(join(cache, 'main.js')).mtimeMs).toBeGreaterThan(Date.UTC(2001, 0, 1));
  });

  it('CLOSEBOOK_CLI_FROM_SOURCE=1 runs the sources through tsx and makes no bundle', () => {
    const cache = cacheDir();
    expect(runCli(cache, ['methods'], { CLOSEBOOK_CLI_FROM_SOURCE: '1' })).toContain('revenues.list');
    expect(existsSync(cache)).toBe(false);
  });
});

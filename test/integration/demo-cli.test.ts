import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'closebook-demo-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const run = runCli;

describe('closebook demo', () => {
  it('creates the workspace and prints a one-line JSON summary', async () => {
    const path = join(dir, 'ok.closebook');
    const { code, stdout } = await run('demo', '--workspace', path, '--revenues', '2000', '--seed', '3', '--end-period', '2026-06');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ path, orgs: 3, payees: 60, products: 300, revenues: 2000, ms: expect.any(Number) });
  });

  it('refuses an existing non-empty file with a message naming it, and leaves it alone', async () => {
    const path = join(dir, 'taken.closebook');
    writeFileSync(path, 'keep me');
    const { code, stderr } = await run('demo', '--workspace', path, '--revenues', '10');
    expect(code).toBe(1);
    expect(stderr).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe('keep me');
  });

  it.each([
    [['--revenues', 'abc'], '--revenues must be a whole number'],
    [['--revenues=-5'], '--revenues must be a whole number'],
    [['--revenues', '2e6'], '--revenues must be a whole number'],
    [['--revenues', '999999999999'], '--revenues must be a whole number from 0 to'],
    [['--seed', '1.5'], '--seed must be a whole number'],
    [['--end-period', '2026-13'], '--end-period must be a calendar month'],
  ])('rejects %j with a usage error', async (flags, message) => {
    const { code, stderr } = await run('demo', '--workspace', join(dir, 'never.closebook'), ...flags);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: closebook demo');
  });

  it('requires --workspace, so a demo never lands in the default workspace', async () => {
    const { code, stderr } = await run('demo', '--revenues', '10');
    expect(code).toBe(2);
    expect(stderr).toContain('--workspace FILE');
  });
});

import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPathOf } from '../../src/main/db/app-lock';
import { openWorkspace } from '../../src/main/db/workspace';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../src/main/core/in-process';
import { startCore, type CoreHost } from '../../src/main/core/host';
import { tempDir } from '../support/temp-workspace';

// One app at a time on a workspace; the CLI beside it reads freely, and a write it cannot
// make is a 409 that says who holds the workspace, never a 500.

const cores: CoreHost[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});

describe('apps holding a workspace', () => {
  it('refuses a second app with the first one named, and lets it in once the first has closed', async () => {
    const path = join(tempDir(), 'held.closebook');
    const web = await startCore({ workspacePath: path, holder: 'Closebook browser mode' });
    await expect(startCore({ workspacePath: path, holder: 'the Closebook desktop app' })).rejects.toMatchObject({
      code: 'workspace_in_use',
      message: expect.stringMatching(new RegExp(`open in Closebook browser mode \\(process ${process.pid}, since`)),
    });
    // The CLI takes no hold: it reads while the app is open.
    const cli = inProcessCore(openWorkspace(path));
    expect((await cli.call('orgs.list', {}, ALL_PERMISSIONS_PRINCIPAL).result).ok).toBe(true);
    await cli.close();
    await web.close();
    const desktop = await startCore({ workspacePath: path, holder: 'the Closebook desktop app' });
    cores.push(desktop);
  });

  it('takes over the hold of an app that crashed (its process is gone)', async () => {
    const path = join(tempDir(), 'crashed.closebook');
    writeFileSync(lockPathOf(path), JSON.stringify({ app: 'Closebook browser mode', pid: 4194305, host: hostname(), since: '2026-11-30T10:00:00Z' }));
    cores.push(await startCore({ workspacePath: path, holder: 'Closebook browser mode' }));
  });
});

describe('a write while another program holds the write lock', () => {
  it('is a 409 workspace_busy naming the holder, and nothing is changed', async () => {
    const path = join(tempDir(), 'busy.closebook');
    const workspace = openWorkspace(path, { busyTimeoutMs: 50 });
    writeFileSync(lockPathOf(path), JSON.stringify({ app: 'Closebook browser mode', pid: process.pid, host: hostname(), since: '2026-12-02T09:15:00Z' }));
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const core = inProcessCore(workspace);
      const result = await core.call('orgs.create', { name: 'Blocked', currency: 'USD' }, ALL_PERMISSIONS_PRINCIPAL).result;
      expect(result).toMatchObject({
        ok: false,
        error: { type: 'conflict', code: 'workspace_busy', message: expect.stringContaining('being written by Closebook browser mode (process') },
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(workspace.db.prepare('SELECT count(*) FROM orgs').pluck().get()).toBe(0);
    workspace.close();
  });
});

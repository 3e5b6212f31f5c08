import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db/workspace';
import { ORG, syncWorkspace } from './sync-support';

// A sync killed in the middle of its write leaves the workspace as before: its one
// transaction never committed (the payees and products written before the revenues too).

const TABLES = ['payees', 'products', 'revenues', 'import_batches', 'sync_links', 'sync_runs'];

describe('a sync killed while it writes', () => {
  it('leaves no record, batch, link or run, and the cursors as they were', { timeout: 60_000 }, () => {
    const { workspace, dir } = syncWorkspace();
    const path = join(dir, 'test.closebook');
    workspace.close();
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sync-kill-child.ts'), path, ORG], { encoding: 'utf8' });
    expect(child.stdout).toBe('killing\n');
    expect(child.signal).toBe('SIGKILL');
    const reopened = openWorkspace(path);
    try {
      for (const table of TABLES) expect({ table, rows: reopened.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() }).toEqual({ table, rows: 0 });
      // The connection the child saved before syncing is kept, with no cursor moved.
      expect(reopened.db.prepare('SELECT source, cursors FROM sync_connections').all()).toEqual([{ source: 'revenue', cursors: '{}' }]);
      expect(reopened.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sync_kill'").pluck().get()).toBe(0);
    } finally {
      reopened.close();
    }
  });
});

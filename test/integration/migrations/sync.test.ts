import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { tempDir } from '../../support/temp-workspace';

// Step 36 adds sync's tables; nothing already stored changes.
const STEP = MIGRATIONS.findIndex((m) => m.name === 'sync');

describe('migration 36: sync', () => {
  it('opens an older workspace with its rows kept and the sync tables empty; the base URL and status checks hold', () => {
    const path = join(tempDir(), 'old.closebook');
    const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, STEP) });
    old.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('o', 'Org', NULL, '2026-01-01T00:00:00Z')").run();
    old.close();
    const workspace = openWorkspace(path);
    const db = workspace.db;
    expect(db.prepare('SELECT id, name FROM orgs').all()).toEqual([{ id: 'o', name: 'Org' }]);
    expect(db.prepare('SELECT count(*) FROM sync_connections').pluck().get()).toBe(0);
    const connection = db.prepare("INSERT INTO sync_connections (org_id, source, base_url, created_at, updated_at) VALUES ('o', ?, ?, '', '')");
    connection.run('revenue', 'https://www.allocora.com');
    expect(() => connection.run('consumption', 'ftp://files.example.com')).toThrow(/CHECK/);
    expect(() => connection.run('payroll', 'https://x.example.com')).toThrow(/CHECK/);
    expect(() => connection.run('revenue', 'https://other.example.com')).toThrow(/UNIQUE|PRIMARY/);
    const run = db.prepare("INSERT INTO sync_runs (org_id, source, status, started_at, finished_at, message) VALUES ('o', 'revenue', ?, '', '', ?)");
    run.run('failed', 'revenue source (seed 001): 401 Unauthorized.');
    // A failed run says why; a committed one has no message.
    expect(() => run.run('failed', null)).toThrow(/CHECK/);
    expect(() => run.run('committed', 'why')).toThrow(/CHECK/);
    workspace.close();
  });
});

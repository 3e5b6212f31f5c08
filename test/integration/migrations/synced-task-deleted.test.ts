import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { tempDir } from '../../support/temp-workspace';

// Step 42 adds tasks.deleted_on_server_at: NULL (live) for every task already stored, and
// only a synced task can carry it.
const STEP = MIGRATIONS.findIndex((m) => m.name === 'synced-task-deleted');

describe('migration 42: a synced task deleted on the server', () => {
  it("leaves an older workspace's tasks live, and refuses the mark on a local task", () => {
    expect(MIGRATIONS[STEP].id).toBe(42);
    const path = join(tempDir(), 'old.closebook');
    const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, STEP) });
    old.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('o', 'Org', NULL, '2026-01-01T00:00:00Z')").run();
    const insert = old.db.prepare(
      "INSERT INTO tasks (uuid, client_id, user_id, task_type, status, parameters, processing_notes, created_at, updated_at, finished_at, origin) VALUES (?, 'o', 'me', 'ClosingPeriod', 'Completed', '{}', '{}', 't', 't', 't', ?)",
    );
    insert.run('00000000-0000-4000-8000-000000000001', 'local');
    insert.run('00000000-0000-4000-8000-000000000002', 'synced');
    old.close();
    const workspace = openWorkspace(path);
    const db = workspace.db;
    expect(db.prepare('SELECT origin, deleted_on_server_at FROM tasks ORDER BY uuid').all()).toEqual([
      { origin: 'local', deleted_on_server_at: null },
      { origin: 'synced', deleted_on_server_at: null },
    ]);
    expect(() => db.prepare("UPDATE tasks SET deleted_on_server_at = 'x' WHERE origin = 'local'").run()).toThrow(/CHECK/);
    expect(db.prepare("UPDATE tasks SET deleted_on_server_at = 'x' WHERE origin = 'synced'").run().changes).toBe(1);
    workspace.close();
  });
});

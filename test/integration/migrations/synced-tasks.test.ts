import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { tempDir } from '../../support/temp-workspace';

// Step 39 adds tasks.origin; the closes already stored are this app's ('local').
const STEP = MIGRATIONS.findIndex((m) => m.name === 'synced-tasks');

describe('migration 39: synced tasks', () => {
  it('keeps an older workspace\'s tasks as local ones and accepts only local or synced', () => {
    const path = join(tempDir(), 'old.closebook');
    const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, STEP) });
    old.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('o', 'Org', NULL, '2026-01-01T00:00:00Z')").run();
    old.db
      .prepare("INSERT INTO tasks (uuid, client_id, user_id, task_type, status, parameters, processing_notes, created_at, updated_at, finished_at) VALUES (?, 'o', 'me', 'ClosingPeriod', 'Completed', '{}', '{}', 't', 't', 't')")
      .run('00000000-0000-4000-8000-000000000001');
    old.close();
    const workspace = openWorkspace(path);
    const db = workspace.db;
    expect(db.prepare('SELECT uuid, origin FROM tasks').all()).toEqual([{ uuid: '00000000-0000-4000-8000-000000000001', origin: 'local' }]);
    expect(() => db.prepare("UPDATE tasks SET origin = 'elsewhere'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE tasks SET origin = 'synced'").run();
    workspace.close();
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { tempDir } from '../../support/temp-workspace';

// Step 43 adds sync_links.deleted_on_server_at: every link already stored is live (NULL),
// its hashes untouched (the baseline of conflicts does not move).
const STEP = MIGRATIONS.findIndex((m) => m.name === 'synced-link-gone');

describe('migration 43: a synced record the server no longer lists, marked on its link', () => {
  it("leaves an older workspace's links live with their hashes", () => {
    expect(MIGRATIONS[STEP].id).toBe(43);
    const path = join(tempDir(), 'old.closebook');
    const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, STEP) });
    old.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('o', 'Org', NULL, '2026-01-01T00:00:00Z')").run();
    const run = old.db
      .prepare("INSERT INTO sync_runs (org_id, source, status, started_at, finished_at, batches) VALUES ('o', 'statements', 'committed', 't', 't', '{}')")
      .run().lastInsertRowid;
    old.db
      .prepare("INSERT INTO sync_links (org_id, source, entity, source_id, local_id, run_id, synced_at, server_hash, local_hash) VALUES ('o', 'statements', 'statements', 'st_1', 1, ?, 't', 'aaa', 'bbb')")
      .run(run);
    old.close();
    const workspace = openWorkspace(path);
    expect(workspace.db.prepare('SELECT source_id, server_hash, local_hash, deleted_on_server_at FROM sync_links').all()).toEqual([
      { source_id: 'st_1', server_hash: 'aaa', local_hash: 'bbb', deleted_on_server_at: null },
    ]);
    workspace.close();
  });
});

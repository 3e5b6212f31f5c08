import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db/workspace';
import { tempDir } from '../support/temp-workspace';
import { FIXTURES, ORG, seedOrg } from './import-files-support';

// `closebook import commitments|showback_usage FILE`: showback data from files on the command line.
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'closebook.mjs');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('closebook import commitments / showback_usage', () => {
  it('imports both files through their built-in profiles; a bad usage file with --on-error reject writes nothing and exits 1', () => {
    const dir = tempDir();
    const ws = join(dir, 'cli.closebook');
    const workspace = openWorkspace(ws);
    seedOrg(workspace.db);
    workspace.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('org-a-child', 'Org A child', ?, 'x')").run(ORG);
    workspace.close();

    const commitments = cli(['import', 'commitments', join(FIXTURES, 'showback-commitments.csv'), '--workspace', ws, '--org', ORG]);
    expect(commitments.code).toBe(0);
    expect(JSON.parse(commitments.stdout)).toMatchObject({ status: 'committed', counts: { created: 3, error: 0 } });
    const usage = cli(['import', 'showback_usage', join(FIXTURES, 'showback-usage.csv'), '--workspace', ws, '--org', ORG]);
    expect(usage.code).toBe(0);
    expect(JSON.parse(usage.stdout)).toMatchObject({ status: 'committed', counts: { created: 4, error: 0 } });
    const bad = cli(['import', 'showback_usage', join(FIXTURES, 'showback-usage-bad-rows.csv'), '--workspace', ws, '--org', ORG, '--on-error', 'reject']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ status: 'rejected', rowsWritten: 0, counts: { error: 7, blocked_locked_period: 1 } });

    const after = openWorkspace(ws);
    expect(after.db.prepare('SELECT external_id FROM showback_commitments ORDER BY id').pluck().all()).toEqual(['cm-compute', 'cm-storage', 'cm-db']);
    expect(after.db.prepare('SELECT count(*) FROM showback_usage').pluck().get()).toBe(4);
    expect(after.db.prepare("SELECT entity, profile, status FROM import_batches WHERE status = 'committed' ORDER BY id").raw().all()).toEqual([
      ['commitments', 'Commitments list', 'committed'],
      ['showback_usage', 'Showback usage report', 'committed'],
    ]);
    after.close();
  });
});

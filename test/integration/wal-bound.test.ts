import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WAL_SIZE_LIMIT_BYTES } from '../../src/main/db/workspace';
import { ok, ORG, setup, writeCsv } from './import-files-support';

// A large write leaves a -wal file of its own size until the workspace closes, unless it is
// checkpointed and truncated: after every write call it is kept under the limit.
describe('the -wal file after a large write', () => {
  it('stays under the limit after a 100,000-row import, and the rows are all there', async () => {
    const { workspace, core, dir } = setup();
    const lines = ['external_id,kind,occurred_at,amount,currency,description'];
    for (let i = 0; i < 100_000; i++) lines.push(`w${i},sale,2026-10-${String((i % 28) + 1).padStart(2, '0')},${(i % 997) + 0.25},USD,Row ${i} of the large import`);
    const path = writeCsv(dir, 'large.csv', lines);
    const result = await ok<{ counts: { created: number } }>(core, 'imports.commit', { orgId: ORG, entity: 'revenues', path });
    expect(result.counts.created).toBe(100_000);
    expect(statSync(`${workspace.path}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
    expect(workspace.db.prepare('SELECT count(*) FROM revenues').pluck().get()).toBe(100_000);
    expect(workspace.db.pragma('journal_size_limit', { simple: true })).toBe(WAL_SIZE_LIMIT_BYTES);
  });
});

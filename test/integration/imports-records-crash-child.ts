// Run by imports-records-file.test.ts: opens the workspace, writes an import batch of
// many rows inside its transaction, then kills itself before finish() commits.
import { openWorkspace } from '../../src/main/db/workspace';
import { startImportBatch } from '../../src/main/imports/records/import-batch';

const [path, orgId] = process.argv.slice(2);
const workspace = openWorkspace(path);
const batch = startImportBatch(workspace.db, { orgId, entity: 'revenues', source: 'file', operation: 'create_or_update', fileName: 'crash.csv', sha256: 'cd'.repeat(32) });
const records = Array.from({ length: 5000 }, (_, i) => ({
  rowNumber: i + 2,
  record: { external_id: i % 2 ? `ch_${i}` : 'ch_1', occurred_at: '2026-10-07', amount: `${i}.25`, currency: 'USD' },
}));
batch.write(records);
process.stdout.write('written\n');
process.kill(process.pid, 'SIGKILL');

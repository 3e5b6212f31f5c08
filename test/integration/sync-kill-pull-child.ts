// Run by sync-kill-statements-reports.test.ts: a full re-check of one source (statements or
// reports) of the workspace at `path`, against the parent's fake server. Each page or month
// read is logged on stdout (the parent kills this process mid-pull, after a given request).
// With `write`, it kills itself (SIGKILL) at the first row the source writes to its table,
// through a TEMP trigger that lives only in this connection, never in the file.
import { openWorkspace } from '../../src/main/db/workspace';
import { MemoryKeyStore, setSyncKeyStore } from '../../src/main/sync/key-store';
import { runSync } from '../../src/main/sync/run-sync';
import type { SyncSource } from '../../src/shared/contract/sync';

const [path, orgId, source, key, killAt] = process.argv.slice(2) as [string, string, SyncSource, string, 'write' | 'none'];
const TABLE: Partial<Record<SyncSource, string>> = { statements: 'statements', reports: 'synced_report_results' };
const workspace = openWorkspace(path);
const keys = new MemoryKeyStore();
keys.set(orgId, source, key);
setSyncKeyStore(keys);
if (killAt === 'write') {
  workspace.db.function('sync_kill_tick', () => {
    process.stdout.write('killing in the write\n');
    process.kill(process.pid, 'SIGKILL');
    return null;
  });
  for (const event of ['INSERT', 'UPDATE']) {
    workspace.db.exec(`CREATE TEMP TRIGGER sync_kill_${event.toLowerCase()} AFTER ${event} ON main.${TABLE[source]!} BEGIN SELECT sync_kill_tick(); END`);
  }
}
const { runs } = await runSync(workspace.db, { orgId, sources: [source], full: true }, { progress: (event) => process.stdout.write(`${event.message ?? ''}\n`), signal: { aborted: false } });
process.stdout.write(`done: ${runs[0]?.status ?? 'no run'}\n`);

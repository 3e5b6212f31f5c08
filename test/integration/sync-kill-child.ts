// Run by sync-kill.test.ts: syncs the revenue source of a fake seed 001 server into the
// workspace and kills itself (SIGKILL) in the middle of the write, after 6,000 records were
// linked (past the first chunk of 5,000), through a TEMP trigger that lives only in this
// connection, never in the file.
import { openWorkspace } from '../../src/main/db/workspace';
import { saveConnection } from '../../src/main/sync/connections';
import { MemoryKeyStore, setSyncKeyStore } from '../../src/main/sync/key-store';
import { runSync } from '../../src/main/sync/run-sync';
import { startFakeAllocora } from '../support/fake-allocora';

const [path, orgId] = process.argv.slice(2);
const server = await startFakeAllocora({ payees: 3, products: 2, revenues: 8000 });
const workspace = openWorkspace(path);
saveConnection(workspace.db, { orgId, source: 'revenue', baseUrl: server.baseUrl });
const keys = new MemoryKeyStore();
keys.set(orgId, 'revenue', server.key);
setSyncKeyStore(keys);
let linked = 0;
workspace.db.function('sync_kill_tick', () => {
  linked++;
  if (linked === 6000) {
    process.stdout.write('killing\n');
    process.kill(process.pid, 'SIGKILL');
  }
  return null;
});
workspace.db.exec('CREATE TEMP TRIGGER sync_kill AFTER INSERT ON main.sync_links BEGIN SELECT sync_kill_tick(); END');
await runSync(workspace.db, { orgId }, { progress: () => {}, signal: { aborted: false } });
process.stdout.write('not killed\n');

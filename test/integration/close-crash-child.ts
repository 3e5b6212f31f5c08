// Run by close-crash.test.ts: closes a month through the registry and kills itself at the
// chosen progress event (the last one comes inside the finalizing transaction, before it commits).
import { openWorkspace } from '../../src/main/db/workspace';
import { inProcessCore } from '../../src/main/core/in-process';

const [path, orgId, period, killAt] = process.argv.slice(2);
const core = inProcessCore(openWorkspace(path, { create: false }));
let events = 0;
await core.call('close.start', { orgId, period }, { name: 'crash child', permissions: 'all' }, (event) => {
  if (events++ === Number(killAt)) {
    process.stdout.write(`killed at ${event.message}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}).result;
process.stdout.write('finished\n');

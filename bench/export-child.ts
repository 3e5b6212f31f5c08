// Runs one revenues.export through the registry in a process of its own, so its peak
// memory (VmHWM) is the export's and nothing else's. Prints one JSON line.
//   node --import tsx bench/export-child.ts '<json: {workspace, input}>'
import { openWorkspace } from '../src/main/db/workspace';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../src/main/core/in-process';
import { readStatusKb } from './peak-memory';

const { workspace: path, input } = JSON.parse(process.argv[2]) as { workspace: string; input: object };
const core = inProcessCore(openWorkspace(path, { create: false }));
const hwmBeforeKb = readStatusKb('self', 'VmHWM');
const started = performance.now();
const result = await core.call('revenues.export', input, ALL_PERMISSIONS_PRINCIPAL).result;
const ms = performance.now() - started;
const hwmAfterKb = readStatusKb('self', 'VmHWM');
await core.close();
if (!result.ok) {
  process.stderr.write(JSON.stringify(result.error) + '\n');
  process.exit(1);
}
process.stdout.write(JSON.stringify({ ms, hwmBeforeKb, hwmAfterKb, ...(result.value as object) }) + '\n');

// Runs one revenues.export through the registry in a process of its own, so its peak
// memory (VmHWM) is the export's and nothing else's. Prints one JSON line: the call's
// wall clock and CPU time (this process's user + system time around the call, every thread's;
// threadCpuMs: the calling thread's own).
//   node --import tsx bench/export-child.ts '<json: {workspace, input, rowByRow?}>'
// rowByRow: the writer as it was before SQLite built the lines (test/support), called directly.
import { openWorkspace } from '../src/main/db/workspace';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../src/main/core/in-process';
import { exportRevenuesRowByRow } from '../test/support/reference-revenue-export';
import { threadCpuSeconds } from '../src/main/imports/parse-worker/thread-cpu';
import { lastTwoThreadSplit } from '../src/main/export/two-thread-csv';
import { readStatusKb } from './peak-memory';

const { workspace: path, input, rowByRow } = JSON.parse(process.argv[2]) as { workspace: string; input: object; rowByRow?: boolean };
const workspace = openWorkspace(path, { create: false });
const core = inProcessCore(workspace);
const hwmBeforeKb = readStatusKb('self', 'VmHWM');
const cpuBefore = process.cpuUsage();
const threadBefore = threadCpuSeconds();
const started = performance.now();
const result = rowByRow
  ? { ok: true as const, value: exportRevenuesRowByRow(workspace.db, input as Parameters<typeof exportRevenuesRowByRow>[1]) }
  : await core.call('revenues.export', input, ALL_PERMISSIONS_PRINCIPAL).result;
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const threadAfter = threadCpuSeconds();
// This thread's own share (the rest is the lines worker's, and V8's and libuv's helpers).
const threadCpuMs = threadBefore === null || threadAfter === null ? null : (threadAfter - threadBefore) * 1000;
const hwmAfterKb = readStatusKb('self', 'VmHWM');
await core.close();
if (!result.ok) {
  process.stderr.write(JSON.stringify(result.error) + '\n');
  process.exit(1);
}
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, threadCpuMs, split: lastTwoThreadSplit, hwmBeforeKb, hwmAfterKb, ...(result.value as object) }) + '\n');

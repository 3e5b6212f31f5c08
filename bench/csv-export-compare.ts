// revenues.export against the sqlite3 CLI's own CSV output for the same rows, columns
// and order. Each runs in its own process; peak memory is each process's VmHWM, CPU time
// the process's user + system time (GNU time's when /usr/bin/time is there).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REVENUE_COLUMNS } from '../src/shared/contract/revenues';
import { openWorkspace } from '../src/main/db/workspace';
import { revenueExportQuery } from '../src/main/revenues/export';
import { watchPeakMemory } from './peak-memory';

/** The rows each thread of a two-thread export built, and the worker thread's own CPU time (its start included). */
export interface TwoThreadSplit {
  ownRows: number;
  workerRows: number;
  workerCpuSeconds: number | null;
}

export interface ProcessRun {
  ms: number;
  /** User + system CPU time, when known. */
  cpuMs: number | null;
  peakKb: number | null;
  bytes: number;
  rows: number;
}

/** The sqlite3 CLI's version, or null when it is not on PATH. */
export function sqlite3Version(): string | null {
  const run = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim().split(' ').slice(0, 2).join(' ') : null;
}

export const SQLITE3_INSTALL_HINT =
  'the sqlite3 command-line shell is not on PATH; install it (Debian/Ubuntu: `sudo apt-get install -y sqlite3`, macOS: `brew install sqlite`, Windows: sqlite-tools from sqlite.org) to compare the CSV export with it';

const GNU_TIME = '/usr/bin/time';
const TIME_MARK = '__closebook_time__';

function runMeasured(
  command: string,
  args: string[],
  stdoutPath: string | null,
  env: Record<string, string> = {},
): Promise<{ ms: number; cpuMs: number | null; peakKb: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const out = stdoutPath ? openSync(stdoutPath, 'w') : 'pipe';
    // GNU time reports the command's own CPU time and peak RSS when it exits.
    const timed = existsSync(GNU_TIME);
    const started = performance.now();
    const options = { stdio: ['ignore', out, 'pipe'] as ['ignore', typeof out, 'pipe'], env: { ...process.env, ...env } };
    const child = timed ? spawn(GNU_TIME, ['-f', `${TIME_MARK} %U %S %M`, command, ...args], options) : spawn(command, args, options);
    const memory = watchPeakMemory(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const watchedKb = memory.stop();
      if (typeof out === 'number') closeSync(out);
      const time = new RegExp(`${TIME_MARK} ([\\d.]+) ([\\d.]+) (\\d+)`).exec(stderr);
      const cpuMs = time ? (Number(time[1]) + Number(time[2])) * 1000 : null;
      const peakKb = time ? Number(time[3]) : watchedKb;
      if (code !== 0) reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`));
      else resolve({ ms, cpuMs, peakKb, stdout });
    });
  });
}

/**
 * Export through the API in a child process; `ms` and `cpuMs` are the call itself, not
 * Node's start-up. `rowByRow` runs the writer as it was before SQLite built the lines
 * (test/support/reference-revenue-export.ts), to compare bytes and times.
 */
export async function exportThroughApi(
  workspace: string,
  orgId: string,
  outPath: string,
  rowByRow = false,
  oneThread = false,
): Promise<ProcessRun & { wallMs: number; baselineKb: number | null; threadCpuMs: number | null; split: TwoThreadSplit }> {
  const input = { ...exportView(orgId), path: outPath };
  const script = join(import.meta.dirname, 'export-child.ts');
  // oneThread: the export as it runs below its two-thread threshold (src/main/export/two-thread-csv.ts), on the same rows.
  // Otherwise on two threads whatever the load (the export itself takes one thread while the load average leaves no core free).
  const env: Record<string, string> = oneThread ? { CLOSEBOOK_EXPORT_TWO_THREAD_MIN_ROWS: String(Number.MAX_SAFE_INTEGER) } : { CLOSEBOOK_EXPORT_TWO_THREAD_MAX_LOAD: '1000000' };
  const run = await runMeasured(process.execPath, ['--import', 'tsx', script, JSON.stringify({ workspace, input, rowByRow })], null, env);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
    ms: number;
    cpuMs: number;
    threadCpuMs: number | null;
    split: TwoThreadSplit;
    rowCount: number;
    bytes: number;
    hwmBeforeKb: number | null;
    hwmAfterKb: number | null;
  };
  return { ms: result.ms, cpuMs: result.cpuMs, threadCpuMs: result.threadCpuMs, split: result.split, wallMs: run.ms, peakKb: result.hwmAfterKb ?? run.peakKb, baselineKb: result.hwmBeforeKb, bytes: result.bytes, rows: result.rowCount };
}

/** The view both exports run: the org's revenues, all periods, by date, every column. */
export function exportView(orgId: string) {
  return { orgId, period: null, sortModel: [{ colId: 'occurredAt', sort: 'asc' as const }], filterModel: {}, columns: [...REVENUE_COLUMNS] };
}

/** A bound value as an SQL literal (the sqlite3 shell cannot bind anonymous `?` parameters). */
function sqlLiteral(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value === null) return 'NULL';
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Replaces each `?` outside string literals with its parameter, in order. */
export function inlineParameters(sql: string, params: readonly unknown[]): string {
  let out = '';
  let next = 0;
  let quoted = false;
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    if (ch === '?' && !quoted) {
      if (next >= params.length) throw new Error('more ? than parameters');
      out += sqlLiteral(params[next++]);
    } else out += ch;
  }
  if (next !== params.length) throw new Error(`${params.length - next} parameters left over`);
  return out;
}

/**
 * The row statement of the view (revenueExportQuery in src/main/revenues/export.ts), its
 * parameters written in: the exact statement revenues.export ran when it wrote row by row,
 * and the rows, order and plan it writes now. revenues.export now runs its key statement
 * (the same WHERE and ORDER BY) and then builds the lines of 4,096 keys at a time in SQL
 * with functions of its own (registered from JS), which the sqlite3 shell does not have:
 * sqlite3 runs this row statement and writes the CSV itself, so the comparison measures
 * reading and writing the same rows, not a different plan.
 */
export function sqlite3ExportSql(workspace: string, orgId: string): string {
  const opened = openWorkspace(workspace, { create: false });
  try {
    const query = revenueExportQuery(opened.db, exportView(orgId));
    return `${inlineParameters(query.sql, query.params)};`;
  } finally {
    opened.close();
  }
}

export async function exportThroughSqlite3(workspace: string, orgId: string, outPath: string): Promise<ProcessRun> {
  const run = await runMeasured('sqlite3', ['-readonly', '-csv', '-header', workspace, sqlite3ExportSql(workspace, orgId)], outPath);
  return { ms: run.ms, cpuMs: run.cpuMs, peakKb: run.peakKb, bytes: statSync(outPath).size, rows: countLines(outPath) - 1 };
}

function countLines(path: string): number {
  const text = readFileSync(path);
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === 10) lines++;
  return lines;
}

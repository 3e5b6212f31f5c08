// revenues.export against the sqlite3 CLI's own CSV output for the same rows, columns
// and order. Each runs in its own process; peak memory is each process's VmHWM.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REVENUE_COLUMNS } from '../src/shared/contract/revenues';
import { openWorkspace } from '../src/main/db/workspace';
import { revenueExportQuery } from '../src/main/revenues/export';
import { watchPeakMemory } from './peak-memory';

export interface ProcessRun {
  ms: number;
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

function runMeasured(command: string, args: string[], stdoutPath: string | null): Promise<{ ms: number; peakKb: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const out = stdoutPath ? openSync(stdoutPath, 'w') : 'pipe';
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', out, 'pipe'] });
    const memory = watchPeakMemory(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const peakKb = memory.stop();
      if (typeof out === 'number') closeSync(out);
      if (code !== 0) reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`));
      else resolve({ ms, peakKb, stdout });
    });
  });
}

/** Export through the API in a child process; `ms` is the call itself, not Node's start-up. */
export async function exportThroughApi(workspace: string, orgId: string, outPath: string): Promise<ProcessRun & { wallMs: number; baselineKb: number | null }> {
  const input = { ...exportView(orgId), path: outPath };
  const script = join(import.meta.dirname, 'export-child.ts');
  const run = await runMeasured(process.execPath, ['--import', 'tsx', script, JSON.stringify({ workspace, input })], null);
  const result = JSON.parse(run.stdout) as { ms: number; rowCount: number; bytes: number; hwmBeforeKb: number | null; hwmAfterKb: number | null };
  return { ms: result.ms, wallMs: run.ms, peakKb: result.hwmAfterKb ?? run.peakKb, baselineKb: result.hwmBeforeKb, bytes: result.bytes, rows: result.rowCount };
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
 * The exact statement revenues.export runs for the view (src/main/revenues/export.ts),
 * its parameters written in: sqlite3 then reads the same rows with the same plan, and
 * the comparison measures the writing, not the plan.
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
  return { ms: run.ms, peakKb: run.peakKb, bytes: statSync(outPath).size, rows: countLines(outPath) - 1 };
}

function countLines(path: string): number {
  const text = readFileSync(path);
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === 10) lines++;
  return lines;
}

// revenues.export against the sqlite3 CLI's own CSV output for the same rows, columns
// and order. Each runs in its own process; peak memory is each process's VmHWM.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REVENUE_COLUMN_LABELS } from '../src/shared/contract/revenue-labels';
import { REVENUE_COLUMNS } from '../src/shared/contract/revenues';
import { REVENUE_FROM, REVENUE_GRID_COLUMNS } from '../src/main/revenues/columns';
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
  const input = { orgId, sortModel: [{ colId: 'occurredAt', sort: 'asc' }], columns: [...REVENUE_COLUMNS], path: outPath };
  const script = join(import.meta.dirname, 'export-child.ts');
  const run = await runMeasured(process.execPath, ['--import', 'tsx', script, JSON.stringify({ workspace, input })], null);
  const result = JSON.parse(run.stdout) as { ms: number; rowCount: number; bytes: number; hwmBeforeKb: number | null; hwmAfterKb: number | null };
  return { ms: result.ms, wallMs: run.ms, peakKb: result.hwmAfterKb ?? run.peakKb, baselineKb: result.hwmBeforeKb, bytes: result.bytes, rows: result.rowCount };
}

/**
 * The same rows through `sqlite3 -csv`: same columns and headings, same order, the
 * amount formatted from integer micros in SQL (no float) like the API's.
 */
export function sqlite3ExportSql(orgId: string, limit: number): string {
  if (!/^[0-9a-f-]{36}$/.test(orgId)) throw new Error(`unexpected org id ${orgId}`); // inlined below, so checked
  const amount = `(CASE WHEN r.amount_micros < 0 THEN '-' ELSE '' END || (abs(r.amount_micros) / 1000000) || '.' || printf('%06d', abs(r.amount_micros) % 1000000))`;
  const select = REVENUE_COLUMNS.map((c) => `${c === 'amount' ? amount : REVENUE_GRID_COLUMNS[c].sql} AS "${REVENUE_COLUMN_LABELS[c]}"`).join(', ');
  return `SELECT ${select} ${REVENUE_FROM} WHERE r.org_id = '${orgId}' ORDER BY r.occurred_at ASC, r.id ASC LIMIT ${limit};`;
}

export async function exportThroughSqlite3(workspace: string, orgId: string, limit: number, outPath: string): Promise<ProcessRun> {
  const run = await runMeasured('sqlite3', ['-readonly', '-csv', '-header', workspace, sqlite3ExportSql(orgId, limit)], outPath);
  return { ms: run.ms, peakKb: run.peakKb, bytes: statSync(outPath).size, rows: countLines(outPath) - 1 };
}

function countLines(path: string): number {
  const text = readFileSync(path);
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === 10) lines++;
  return lines;
}

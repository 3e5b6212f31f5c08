// Speed and memory of a whole file import, against the sqlite3 CLI's `.import` as yardstick.
//   npx tsx bench/import-revenues.ts [rows=1000000] [--1gb]
// Generates bench/.data/import-revenues-<rows>.csv once (~100 bytes a row), then times in
// the same run: (a) sqlite3 `.import` of it into a table keyed by external_id; (b)
// `closebook import revenues` of it, with full validation, into a fresh workspace; (c) the
// same import again (every row skipped_duplicate); (d) the peak RSS of (b). --1gb also
// imports a generated ~1 GB file for its peak RSS (e), then deletes it. (a2) writes the same
// rows with sqlite3 into the workspace's own schema, unvalidated: the floor on that schema.
// Prints figures only.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/db/workspace';

const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const withGigabyte = process.argv.includes('--1gb');
const root = join(import.meta.dirname, '..');
const dir = join(import.meta.dirname, '.data');
const BIN = join(root, 'bin', 'closebook.mjs');
const ORG = 'bench';
const PAYEES = 50;
const COLUMNS = ['external_id', 'kind', 'occurred_at', 'amount', 'currency', 'quantity', 'description', 'payee_external_id', 'refund_of'];

if (spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status !== 0) {
  console.error('bench/import-revenues needs the sqlite3 command-line shell on PATH (apt-get install -y sqlite3).');
  process.exit(1);
}
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Row i: mostly sales spread over March 2026, every 20th a refund of the sale before it, every 10th description quoted. */
function line(i: number): string {
  const id = `rev_${String(i).padStart(8, '0')}`;
  const day = String((i % 28) + 1).padStart(2, '0');
  const cents = ((i * 7919) % 10_000_000) + 100;
  const refund = i % 20 === 19;
  const amount = `${refund ? '-' : ''}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  const description = i % 10 === 0 ? `"Bundle ""Pro"", seats ${i % 50}"` : `Order ${i} via web store`;
  const refundOf = refund ? `rev_${String(i - 1).padStart(8, '0')}` : '';
  return `${id},${refund ? 'refund' : 'sale'},2026-03-${day}T${String(i % 24).padStart(2, '0')}:05:11Z,${amount},USD,${(i % 5) + 1},${description},payee_${i % PAYEES},${refundOf}\n`;
}

async function generate(path: string, count: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(path);
  let chunk = COLUMNS.join(',') + '\n';
  for (let i = 0; i < count; i++) {
    chunk += line(i);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** A new workspace with the org, its open periods and the payees the file names. */
function freshWorkspace(path: string): void {
  removeDb(path);
  const workspace = openWorkspace(path);
  const db = workspace.db;
  const now = '2026-02-01T00:00:00Z';
  db.prepare("INSERT INTO orgs (id, name, created_at) VALUES (?, 'Bench Org', ?)").run(ORG, now);
  db.prepare("INSERT INTO periods (org_id, period, status) VALUES (?, '2026-03', 'in_progress')").run(ORG);
  const payee = db.prepare('INSERT INTO payees (org_id, external_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (let p = 0; p < PAYEES; p++) payee.run(ORG, `payee_${p}`, `Payee ${p}`, now, now);
  workspace.close();
}

interface Timed {
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Run a command, with /usr/bin/time where present for CPU seconds and peak RSS; else peak RSS from /proc (VmHWM). */
async function timed(command: string, args: string[], input?: string): Promise<Timed> {
  const started = performance.now();
  const child = timeBin ? spawn(timeBin, ['-f', '@@ %U %S %M', command, ...args]) : spawn(command, args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peakKb = 0;
  const poll = timeBin
    ? null
    : setInterval(() => {
        const hwm = /VmHWM:\s+(\d+)/.exec(safeRead(`/proc/${child.pid}/status`));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      }, 50);
  if (input !== undefined) child.stdin.end(input);
  else child.stdin.end();
  const [code] = (await once(child, 'exit')) as [number | null];
  if (poll) clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  const usage = /@@ ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  return {
    seconds,
    cpuSeconds: usage ? Number(usage[1]) + Number(usage[2]) : null,
    peakRssMb: usage ? Number(usage[3]) / 1024 : peakKb ? peakKb / 1024 : null,
    stdout,
    stderr: stderr.replace(/@@ .*\n?/, ''),
    code,
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function closebookImport(file: string, workspace: string): Promise<Timed> {
  return timed(process.execPath, [BIN, 'import', 'revenues', file, '--workspace', workspace, '--org', ORG, '--operation', 'create_only']);
}

function summary(run: Timed): string {
  if (run.code !== 0) return `FAILED (exit ${run.code}): ${run.stderr.trim().split('\n').at(-1)}`;
  const result = JSON.parse(run.stdout) as { counts: Record<string, number>; amountWritten: string };
  const counts = Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`)
    .join(', ');
  return `${counts}; amount ${result.amountWritten}`;
}

const cpu = (t: Timed) => (t.cpuSeconds === null ? '' : ` / ${t.cpuSeconds.toFixed(2)} s CPU`);
const rate = (t: Timed, n: number) => `${Math.round(n / t.seconds).toLocaleString('en-US')} rows/s`;

const csv = join(dir, `import-revenues-${rows}.csv`);
if (!existsSync(csv)) {
  const started = performance.now();
  await generate(csv, rows);
  console.log(`generated ${csv} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const megabytes = statSync(csv).size / 1e6;
console.log(`file: ${rows.toLocaleString('en-US')} rows, ${megabytes.toFixed(1)} MB`);

// (a) The yardstick: sqlite3 parses the CSV and inserts every row into a keyed table, nothing checked.
const cliDb = join(dir, 'import-revenues-sqlite3.db');
removeDb(cliDb);
const script = [
  'PRAGMA journal_mode=WAL;',
  'PRAGMA synchronous=FULL;',
  `CREATE TABLE revenues (${COLUMNS.map((c) => (c === 'external_id' ? 'external_id TEXT PRIMARY KEY' : c)).join(', ')});`,
  '.mode csv',
  `.import --skip 1 ${csv} revenues`,
  'SELECT count(*) FROM revenues;',
].join('\n');
const a = await timed('sqlite3', [cliDb], script + '\n');
console.log(`(a) sqlite3 .import:                    ${a.seconds.toFixed(2)} s wall${cpu(a)} (${rate(a, rows)}), ${a.stdout.trim().split('\n').at(-1)} rows`);

// (a2) What the yardstick leaves out: the same rows written by sqlite3 itself, in C, into a
// workspace's real revenues table (its constraints and the grid's indexes, dropped and built
// again at the end as the import does), with no validation at all: the floor for (b) on this schema.
const floorWorkspace = join(dir, 'import-revenues-floor.closebook');
freshWorkspace(floorWorkspace);
const floorScript = [
  'PRAGMA synchronous=FULL;',
  'PRAGMA cache_size=-65536;',
  'PRAGMA foreign_keys=ON;',
  `CREATE TEMP TABLE f (${COLUMNS.join(', ')});`,
  '.mode csv',
  `.import --skip 1 ${csv} f`,
  'BEGIN;',
  `INSERT INTO import_batches (org_id, entity, source, operation, on_error, status, created_at) VALUES ('${ORG}', 'revenues', 'cli', 'create_only', 'skip', 'committed', '2026-02-01T00:00:00Z');`,
  'DROP INDEX revenues_period_occurred;',
  'DROP INDEX revenues_period_amount_kind;',
  `INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, payee_id, amount_micros, currency, quantity, description, refund_of, created_at, updated_at, batch_id, source_row)
     SELECT '${ORG}', f.external_id, f.kind, f.occurred_at, substr(f.occurred_at, 1, 7), p.id, CAST(round(f.amount * 1000000) AS INTEGER), f.currency,
       CAST(f.quantity AS INTEGER), f.description, nullif(f.refund_of, ''), '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', (SELECT max(id) FROM import_batches), f.rowid + 1
     FROM f LEFT JOIN payees p ON p.org_id = '${ORG}' AND p.external_id = f.payee_external_id ORDER BY f.rowid;`,
  'CREATE INDEX revenues_period_occurred ON revenues(org_id, period, occurred_at);',
  'CREATE INDEX revenues_period_amount_kind ON revenues(org_id, period, amount_micros, kind);',
  'COMMIT;',
  'SELECT count(*) FROM revenues;',
].join('\n');
const a2 = await timed('sqlite3', [floorWorkspace], floorScript + '\n');
console.log(`(a2) sqlite3 into the workspace schema:  ${a2.seconds.toFixed(2)} s wall${cpu(a2)} (${rate(a2, rows)}), ${a2.stdout.trim().split('\n').at(-1)} rows, nothing validated`);
console.log(`    ratio a2/a: ${(a2.seconds / a.seconds).toFixed(2)} (the floor for (b) on this schema)`);
removeDb(floorWorkspace);

// (b) The whole import: parse, map, validate every row against the workspace, write, one transaction.
const workspace = join(dir, 'import-revenues.closebook');
freshWorkspace(workspace);
const b = await closebookImport(csv, workspace);
console.log(`(b) closebook import (fresh workspace): ${b.seconds.toFixed(2)} s wall${cpu(b)} (${rate(b, rows)}); ${summary(b)}`);
console.log(`    ratio b/a: ${(b.seconds / a.seconds).toFixed(2)} wall${a.cpuSeconds && b.cpuSeconds ? `, ${(b.cpuSeconds / a.cpuSeconds).toFixed(2)} CPU` : ''} (target <= 1.0); b/a2: ${(b.seconds / a2.seconds).toFixed(2)}`);

// (c) The same file again: every row found and skipped.
const c = await closebookImport(csv, workspace);
console.log(`(c) closebook re-import (same file):    ${c.seconds.toFixed(2)} s wall${cpu(c)} (${rate(c, rows)}); ${summary(c)}`);
console.log(`    ratio c/a: ${(c.seconds / a.seconds).toFixed(2)} wall (target < 0.5)`);
console.log(`(d) peak RSS of (b): ${b.peakRssMb === null ? 'not measured' : `${b.peakRssMb.toFixed(0)} MB`}; of (c): ${c.peakRssMb === null ? 'not measured' : `${c.peakRssMb.toFixed(0)} MB`}`);

if (withGigabyte) {
  const bigRows = Math.round((1e9 / (megabytes * 1e6)) * rows);
  const big = join(dir, 'import-revenues-1gb.csv');
  const bigWorkspace = join(dir, 'import-revenues-1gb.closebook');
  await generate(big, bigRows);
  freshWorkspace(bigWorkspace);
  const e = await closebookImport(big, bigWorkspace);
  console.log(
    `(e) 1 GB file (${bigRows.toLocaleString('en-US')} rows, ${(statSync(big).size / 1e9).toFixed(2)} GB): ${e.seconds.toFixed(1)} s wall, peak RSS ${e.peakRssMb?.toFixed(0) ?? '?'} MB (target < 500 MB); ${summary(e)}`,
  );
  rmSync(big, { force: true });
  removeDb(bigWorkspace);
}
removeDb(cliDb);

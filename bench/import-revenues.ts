// Speed and memory of a whole file import, against the sqlite3 CLI's `.import` as yardstick.
//   npx tsx bench/import-revenues.ts [rows=1000000] [--ids random|sequential|both] [--1gb]
// Real exports' ids are not sequential (txn_1QhA2bC3dE4fG5h, ch_3Qh…, UUIDs, #1001:SKU:1):
// `random` (the default) mixes those shapes in random order, so the unique key is hit all
// over; `sequential` (rev_00000001, …) reaches it in order; `both` runs the two one after
// the other. Generates bench/.data/import-revenues-<ids>-<rows>.csv once (~100 bytes a row), then times in
// the same run: (a) sqlite3 `.import` of it into a table keyed by external_id; (b)
// `closebook import revenues` of it, with full validation, into a fresh workspace; (c) the
// same import again with the default operation (every row skipped_duplicate) and (c2) with
// create_or_update (every row unchanged); (d) the peak RSS of (b). --1gb also
// imports a generated ~1 GB file for its peak RSS (e, parse worker on), then deletes it. (b) reads and
// maps the file on a second thread (the parse worker) while the first writes; (b1) is the same import
// with the worker off. (a2) writes the same
// rows with sqlite3 into the workspace's own schema, unvalidated, with every index of the
// table (the unique key included) dropped first and built again before COMMIT: the floor.
// Prints figures only.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/db/workspace';

const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const idsArg = process.argv.includes('--ids') ? process.argv[process.argv.indexOf('--ids') + 1] : 'random';
if (!['random', 'sequential', 'both'].includes(idsArg)) {
  console.error(`--ids takes random, sequential or both, not ${idsArg}`);
  process.exit(1);
}
type IdShape = 'random' | 'sequential';
const idShapes: IdShape[] = idsArg === 'both' ? ['random', 'sequential'] : [idsArg as IdShape];
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

const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP', 'JPY'];
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 32-bit mix of i (splitmix-style): the same id for the same row on every run. */
function mix(i: number, salt: number): number {
  let x = (i ^ salt) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function base62(i: number, length: number, salt: number): string {
  let out = '';
  for (let k = 0; out.length < length; k++) {
    let v = mix(i, salt + k * 0x9e3779b9);
    for (let d = 0; d < 5 && out.length < length; d++, v = Math.floor(v / 62)) out += BASE62[v % 62];
  }
  return out;
}

/** Row i's id as real processors write them: Stripe-like, charges, UUIDs, order:SKU:line; unpadded, in no order. */
function randomId(i: number): string {
  switch (mix(i, 7) % 4) {
    case 0:
      return `txn_${base62(i, 16, 11)}`;
    case 1:
      return `ch_3Q${base62(i, 22, 13)}`;
    case 2: {
      const h = [mix(i, 17), mix(i, 19), mix(i, 23), mix(i, 29)].map((v) => v.toString(16).padStart(8, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }
    default:
      // Unique per row: the order number and line come from i itself.
      return `#${1001 + Math.floor(i / 3)}:SKU-${mix(i, 31) % 997}:${(i % 3) + 1}`;
  }
}

const idOf = (shape: IdShape, i: number) => (shape === 'random' ? randomId(i) : `rev_${String(i).padStart(8, '0')}`);

/** Row i: mostly sales spread over March 2026 in four currencies, every 20th a refund of the sale before it, every 10th description quoted. */
function line(shape: IdShape, i: number): string {
  const id = idOf(shape, i);
  const day = String((i % 28) + 1).padStart(2, '0');
  const cents = ((i * 7919) % 10_000_000) + 100;
  const refund = i % 20 === 19;

  const description = i % 10 === 0 ? `"Bundle ""Pro"", seats ${i % 50}"` : `Order ${i} via web store`;
  const refundOf = refund ? idOf(shape, i - 1) : '';
  // Several currencies, a block of 20 rows at a time (a refund and its sale share one).
  const currency = CURRENCIES[Math.floor(i / 20) % CURRENCIES.length];
  // Yen have no minor unit: whole amounts.
  const units = currency === 'JPY' ? String(cents) : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  const amount = `${refund ? '-' : ''}${units}`;
  return `${id},${refund ? 'refund' : 'sale'},2026-03-${day}T${String(i % 24).padStart(2, '0')}:05:11Z,${amount},${currency},${(i % 5) + 1},${description},payee_${i % PAYEES},${refundOf}\n`;
}

async function generate(shape: IdShape, path: string, count: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // Written beside and renamed when complete: a run stopped half-way never leaves a short file to reuse.
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let chunk = COLUMNS.join(',') + '\n';
  for (let i = 0; i < count; i++) {
    chunk += line(shape, i);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  renameSync(partial, path);
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
  /** The 1-minute load average when the run ended: the machine may be shared. */
  load: number;
}

/** Run a command, with /usr/bin/time where present for CPU seconds and peak RSS; else peak RSS from /proc (VmHWM). */
async function timed(command: string, args: string[], input?: string, env?: NodeJS.ProcessEnv): Promise<Timed> {
  const started = performance.now();
  const options = env ? { env: { ...process.env, ...env } } : {};
  const child = timeBin ? spawn(timeBin, ['-f', '@@ %U %S %M', command, ...args], options) : spawn(command, args, options);
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
    load: loadavg()[0],
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** `closebook import revenues`, with the default operation unless one is named; parseWorker: on (from 0 bytes) or off, else the default. */
function closebookImport(file: string, workspace: string, operation?: 'create_only' | 'create_or_update', parseWorker?: boolean): Promise<Timed> {
  const threshold = parseWorker === undefined ? {} : { CLOSEBOOK_PARSE_WORKER_MIN_BYTES: parseWorker ? '0' : String(Number.MAX_SAFE_INTEGER) };
  const env = { CLOSEBOOK_PARSE_WORKER_REPORT: '1', ...threshold };
  return timed(process.execPath, [BIN, 'import', 'revenues', file, '--workspace', workspace, '--org', ORG, ...(operation ? ['--operation', operation] : [])], undefined, env);
}

/** Every index of the revenues table, the unique key included, as the schema declares them. */
function revenueIndexes(path: string): Array<{ name: string; sql: string }> {
  const workspace = openWorkspace(path, { create: false });
  try {
    return workspace.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'revenues' AND sql IS NOT NULL ORDER BY name").all() as Array<{ name: string; sql: string }>;
  } finally {
    workspace.close();
  }
}

function summary(run: Timed): string {
  if (run.code !== 0) return `FAILED (exit ${run.code}): ${run.stderr.trim().split('\n').at(-1)}`;
  const result = JSON.parse(run.stdout) as { counts: Record<string, number>; amountWritten: Array<{ currency: string; amount: string }> };
  const counts = Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`)
    .join(', ');
  const written = result.amountWritten.map((a) => `${a.amount} ${a.currency}`).join(', ') || 'none';
  return `${counts}; amount written ${written}`;
}

const cpu = (t: Timed) => `${t.cpuSeconds === null ? '' : ` / ${t.cpuSeconds.toFixed(2)} s CPU (${(t.cpuSeconds / t.seconds).toFixed(2)} cores)`}, load ${t.load.toFixed(1)}`;
/**
 * An import's CPU time by thread (CLOSEBOOK_PARSE_WORKER_REPORT): the importing thread's is the
 * critical path when the second core is free; the rest is the parse worker's and V8's and
 * libuv's helper threads (garbage collection, file reads).
 */
function threadSplit(t: Timed, floor: Timed): string {
  const importing = /importing thread: ([\d.]+) s CPU/.exec(t.stderr);
  const worker = /parse worker: \d+ rows, ([\d.]+) s CPU/.exec(t.stderr);
  if (!importing || !t.cpuSeconds) return 'CPU by thread: not measured';
  const main = Number(importing[1]);
  const parse = worker ? Number(worker[1]) : 0;
  const vsFloor = floor.cpuSeconds ? ` (${(main / floor.cpuSeconds).toFixed(2)}x a2's CPU)` : '';
  return `CPU by thread: importing ${main.toFixed(2)} s${vsFloor}, parse worker ${worker ? `${parse.toFixed(2)} s` : 'none'}, helpers ${(t.cpuSeconds - main - parse).toFixed(2)} s`;
}

const rate = (t: Timed, n: number) => `${Math.round(n / t.seconds).toLocaleString('en-US')} rows/s`;

async function benchShape(shape: IdShape): Promise<number> {
  const csv = join(dir, `import-revenues-${shape}-${rows}.csv`);
  if (!existsSync(csv)) {
    const started = performance.now();
    await generate(shape, csv, rows);
    console.log(`generated ${csv} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const megabytes = statSync(csv).size / 1e6;
  console.log(`\n== ${shape} ids (e.g. ${idOf(shape, 0)}, ${idOf(shape, 1)}, ${idOf(shape, 2)}) ==\nfile: ${rows.toLocaleString('en-US')} rows, ${megabytes.toFixed(1)} MB`);

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
  // workspace's real revenues table (its constraints; every index of the table, the unique key
  // included, dropped and built again before COMMIT), with no validation at all: the floor for (b).
  const floorWorkspace = join(dir, 'import-revenues-floor.closebook');
  freshWorkspace(floorWorkspace);
  const indexes = revenueIndexes(floorWorkspace);
  const floorScript = [
    'PRAGMA synchronous=FULL;',
    'PRAGMA cache_size=-65536;',
    'PRAGMA foreign_keys=ON;',
    `CREATE TEMP TABLE f (${COLUMNS.join(', ')});`,
    '.mode csv',
    `.import --skip 1 ${csv} f`,
    'BEGIN;',
    `INSERT INTO import_batches (org_id, entity, source, operation, on_error, status, created_at) VALUES ('${ORG}', 'revenues', 'cli', 'create_only', 'skip', 'committed', '2026-02-01T00:00:00Z');`,
    ...indexes.map((index) => `DROP INDEX ${index.name};`),
    `INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, payee_id, amount_micros, currency, quantity, description, refund_of, created_at, updated_at, batch_id, source_row)
       SELECT '${ORG}', f.external_id, f.kind, f.occurred_at, substr(f.occurred_at, 1, 7), p.id, CAST(round(f.amount * 1000000) AS INTEGER), f.currency,
         CAST(f.quantity AS INTEGER), f.description, nullif(f.refund_of, ''), '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', (SELECT max(id) FROM import_batches), f.rowid + 1
       FROM f LEFT JOIN payees p ON p.org_id = '${ORG}' AND p.external_id = f.payee_external_id ORDER BY f.rowid;`,
    ...indexes.map((index) => `${index.sql};`),
    'COMMIT;',
    'SELECT count(*) FROM revenues;',
  ].join('\n');
  const a2 = await timed('sqlite3', [floorWorkspace], floorScript + '\n');
  console.log(`(a2) sqlite3 into the workspace schema:  ${a2.seconds.toFixed(2)} s wall${cpu(a2)} (${rate(a2, rows)}), ${a2.stdout.trim().split('\n').at(-1)} rows, nothing validated, ${indexes.length} indexes rebuilt (${indexes.map((i) => i.name).join(', ')})`);
  console.log(`    ratio a2/a: ${(a2.seconds / a.seconds).toFixed(2)} (the floor for (b) on this schema)`);
  removeDb(floorWorkspace);

  // (b) The whole import: parse, map, validate every row against the workspace, write, one transaction.
  const workspace = join(dir, 'import-revenues.closebook');
  freshWorkspace(workspace);
  const b = await closebookImport(csv, workspace, undefined, true);
  console.log(`(b) closebook import, parse worker on:  ${b.seconds.toFixed(2)} s wall${cpu(b)} (${rate(b, rows)}); ${summary(b)}`);
  console.log(`    ${threadSplit(b, a2)}`);
  console.log(`    ratio b/a2: ${(b.seconds / a2.seconds).toFixed(2)} wall (target <= 1.0)${a2.cpuSeconds && b.cpuSeconds ? `, ${(b.cpuSeconds / a2.cpuSeconds).toFixed(2)} CPU` : ''}; b/a: ${(b.seconds / a.seconds).toFixed(2)} wall${a.cpuSeconds && b.cpuSeconds ? `, ${(b.cpuSeconds / a.cpuSeconds).toFixed(2)} CPU` : ''}`);

  // (b1) The same import with the file read and mapped in the importing thread (no parse worker), back to back.
  const inThreadWorkspace = join(dir, 'import-revenues-in-thread.closebook');
  freshWorkspace(inThreadWorkspace);
  const b1 = await closebookImport(csv, inThreadWorkspace, undefined, false);
  console.log(`(b1) the same, parse worker off:         ${b1.seconds.toFixed(2)} s wall${cpu(b1)} (${rate(b1, rows)}); ${summary(b1)}`);
  console.log(`    ${threadSplit(b1, a2)}\n    ratio b1/a2: ${(b1.seconds / a2.seconds).toFixed(2)} wall${a2.cpuSeconds && b1.cpuSeconds ? `, ${(b1.cpuSeconds / a2.cpuSeconds).toFixed(2)} CPU` : ''}; b/b1: ${(b.seconds / b1.seconds).toFixed(2)} wall${b.cpuSeconds && b1.cpuSeconds ? `, ${(b.cpuSeconds / b1.cpuSeconds).toFixed(2)} CPU` : ''}`);
  removeDb(inThreadWorkspace);

  // (c) The same file again with the default operation (create_only): every row found and skipped;
  // (c2) with create_or_update: every row found, compared and unchanged.
  const c = await closebookImport(csv, workspace);
  console.log(`(c) re-import, default operation:      ${c.seconds.toFixed(2)} s wall${cpu(c)} (${rate(c, rows)}); ${summary(c)}`);
  console.log(`    ratio c/a: ${(c.seconds / a.seconds).toFixed(2)} wall (target <= 0.5)`);
  const c2 = await closebookImport(csv, workspace, 'create_or_update');
  console.log(`(c2) re-import, --operation create_or_update:${c2.seconds.toFixed(2)} s wall${cpu(c2)} (${rate(c2, rows)}); ${summary(c2)}`);
  console.log(`    ratio c2/a: ${(c2.seconds / a.seconds).toFixed(2)} wall (target <= 0.5)`);
  console.log(`(d) peak RSS of (b): ${b.peakRssMb === null ? 'not measured' : `${b.peakRssMb.toFixed(0)} MB`}; of (c): ${c.peakRssMb === null ? 'not measured' : `${c.peakRssMb.toFixed(0)} MB`}`);
  removeDb(workspace);
  removeDb(cliDb);
  return megabytes;
}

let megabytes = 0;
for (const shape of idShapes) megabytes = await benchShape(shape);

if (withGigabyte) {
  const bigRows = Math.round((1e9 / (megabytes * 1e6)) * rows);
  const big = join(dir, 'import-revenues-1gb.csv');
  const bigWorkspace = join(dir, 'import-revenues-1gb.closebook');
  await generate(idShapes[0], big, bigRows);
  freshWorkspace(bigWorkspace);
  const e = await closebookImport(big, bigWorkspace, undefined, true);
  console.log(
    `(e) 1 GB file (${bigRows.toLocaleString('en-US')} rows, ${(statSync(big).size / 1e9).toFixed(2)} GB): ${e.seconds.toFixed(1)} s wall, peak RSS ${e.peakRssMb?.toFixed(0) ?? '?'} MB (target < 500 MB); ${summary(e)}`,
  );
  rmSync(big, { force: true });
  removeDb(bigWorkspace);
}

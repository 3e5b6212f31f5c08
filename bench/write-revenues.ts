// Speed of the import writer alone (no CSV parsing): stores N generated revenue records
// in one batch, then writes the same records again as a re-import of the same file
// (all skipped_duplicate), and prints rows/s for both.
//   npx tsx bench/write-revenues.ts [rows=1000000] [--cli]
// --cli also times the sqlite3 CLI's `.import` of the same rows as CSV into a table keyed
// by external_id, the yardstick the file import is held to.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/db/workspace';
import { startImportBatch, type RecordAtRow } from '../src/main/imports/records/import-batch';

const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const withCli = process.argv.includes('--cli');
const CHUNK = 10_000;
const dir = join(import.meta.dirname, '.data');
mkdirSync(dir, { recursive: true });
const path = join(dir, 'write-revenues.closebook');
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });

/** Record i as a file mapping hands it over: text cells, a few refunds of earlier sales. */
function record(i: number): Record<string, string> {
  const day = String((i % 28) + 1).padStart(2, '0');
  const cents = ((i * 7919) % 10_000_000) + 100;
  const refund = i % 20 === 19;
  return {
    external_id: `rev_${String(i).padStart(8, '0')}`,
    occurred_at: `2026-03-${day}T${String(i % 24).padStart(2, '0')}:05:11Z`,
    kind: refund ? 'refund' : 'sale',
    amount: `${refund ? '-' : ''}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    currency: 'USD',
    quantity: String((i % 5) + 1),
    description: `Order ${i} via web store`,
    payee_external_id: `payee_${i % 50}`,
    ...(refund ? { refund_of: `rev_${String(i - 1).padStart(8, '0')}` } : {}),
  };
}

const workspace = openWorkspace(path);
const db = workspace.db;
const now = '2026-03-01T00:00:00Z';
db.prepare("INSERT INTO orgs (id, name, created_at) VALUES ('bench', 'Bench Org', ?)").run(now);
const payee = db.prepare("INSERT INTO payees (org_id, external_id, name, created_at, updated_at) VALUES ('bench', ?, ?, ?, ?)");
for (let p = 0; p < 50; p++) payee.run(`payee_${p}`, `Payee ${p}`, now, now);

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

function importOnce(label: string): number {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let writing = 0;
  const batch = startImportBatch(db, { orgId: 'bench', entity: 'revenues', source: 'cli', operation: 'create_only', fileName: 'bench.csv', sha256: 'ab'.repeat(32) });
  for (let start = 0; start < rows; start += CHUNK) {
    const chunk: RecordAtRow[] = [];
    for (let i = start; i < Math.min(rows, start + CHUNK); i++) chunk.push({ rowNumber: i + 2, record: record(i) });
    const t = performance.now();
    batch.write(chunk, { rows: 'problems' });
    writing += performance.now() - t;
  }
  const t = performance.now();
  const summary = batch.finish({ onError: 'reject' });
  const finishing = performance.now() - t;
  writing += finishing;
  const wall = (performance.now() - started) / 1000;
  const c = summary.counts;
  console.log(
    `${label}: ${rows.toLocaleString('en-US')} rows, writer ${(writing / 1000).toFixed(2)} s wall (${Math.round(rows / (writing / 1000)).toLocaleString('en-US')} rows/s; ` +
      `finish ${(finishing / 1000).toFixed(2)} s), with record generation ${wall.toFixed(2)} s wall / ${cpuSeconds(cpu).toFixed(2)} s CPU; ` +
      `created ${c.created}, skipped_duplicate ${c.skipped_duplicate}, error ${c.error}, amount ${summary.amountWritten}`,
  );
  return writing / 1000;
}

const first = importOnce('import   ');
const again = importOnce('re-import');
const check = db.prepare("SELECT count(*) AS n, sum(amount_micros) AS total FROM revenues WHERE org_id = 'bench'").safeIntegers(true).get() as { n: bigint; total: bigint };
console.log(`stored: ${check.n} rows; re-import took ${((again / first) * 100).toFixed(0)}% of the import`);
workspace.close();

if (withCli) {
  const csv = join(dir, `write-revenues-${rows}.csv`);
  const keys = Object.keys(record(0)).filter((k) => k !== 'refund_of');
  let text = keys.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    const r = record(i);
    text += keys.map((k) => r[k]).join(',') + '\n';
  }
  writeFileSync(csv, text);
  const target = join(dir, 'write-revenues-cli.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  const script = `PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\nCREATE TABLE r (${keys.map((k) => (k === 'external_id' ? 'external_id TEXT PRIMARY KEY' : k)).join(', ')});\n.mode csv\n.import --skip 1 ${csv} r\n`;
  const started = performance.now();
  // Under /usr/bin/time (where present) to also get the CLI's CPU seconds, which stay
  // comparable when the machine is busy.
  const timed = existsSync('/usr/bin/time');
  const run = timed
    ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'sqlite3', target], { input: script, encoding: 'utf8' })
    : spawnSync('sqlite3', [target], { input: script, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  console.log(
    `sqlite3 .import of the same rows: ${seconds.toFixed(2)} s wall (${Math.round(rows / seconds).toLocaleString('en-US')} rows/s)` +
      (cpu ? ` / ${(Number(cpu[1]) + Number(cpu[2])).toFixed(2)} s CPU` : ''),
  );
}

// Speed and memory of the CSV parsing layer on a generated revenue export.
//   npx tsx bench/parse-csv.ts [rows=1000000] [--cells]
// Generates bench/.data/revenues-<rows>.csv once (~100 bytes a row), streams it through
// openCsv, and prints rows/s, MB/s and peak RSS. --cells also reads every amount and date
// with parseAmount/parseDate, as the import does. If the sqlite3 CLI is installed, its
// `.import` of the same file is timed for comparison.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { openCsv, parseAmount, parseDate } from '../src/main/imports/parse/index';

const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const readCells = process.argv.includes('--cells');
const dir = join(import.meta.dirname, '.data');
const path = join(dir, `revenues-${rows}.csv`);

async function generate(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(path);
  let chunk = 'external_id,occurred_at,kind,payee,product,amount,currency,quantity,description\r\n';
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const cents = (i * 7919) % 10_000_000;
    const amount = `${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
    const kind = i % 20 === 0 ? 'refund' : 'sale';
    // Every tenth description needs quoting: an embedded comma and doubled quotes.
    const description = i % 10 === 0 ? `"Bundle ""Pro"", seats ${i % 50}"` : `Order ${i} via web store`;
    chunk += `rev_${String(i).padStart(8, '0')},2026-03-${day}T${String(i % 24).padStart(2, '0')}:05:11Z,${kind},Payee ${i % 997},Product ${i % 113},"${amount}",USD,${(i % 5) + 1},${description}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

if (!existsSync(path)) {
  const started = performance.now();
  await generate();
  console.log(`generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const bytes = statSync(path).size;

const started = performance.now();
const cpuBefore = process.cpuUsage();
const file = await openCsv(path);
let count = 0;
let badCells = 0;
for await (const batch of file.batches()) {
  count += batch.length;
  if (readCells) {
    for (const row of batch) {
      if (!parseAmount(row.cells[5], { convention: 'dot' }).ok) badCells++;
      if (!parseDate(row.cells[1], 'ISO').ok) badCells++;
    }
  }
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// CPU time is the steadier figure on a shared machine; wall time includes waiting for it.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `parsed ${count.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s: ` +
    `${Math.round(count / seconds).toLocaleString('en-US')} rows/s, ${(bytes / 1e6 / seconds).toFixed(0)} MB/s, ` +
    `CPU ${cpuSeconds.toFixed(2)} s (incl. GC threads), peak RSS ${peakRssMb.toFixed(0)} MB` +
    (readCells ? `, amounts and dates read (${badCells} rejected)` : ''),
);
console.log(`encoding: ${file.info.encoding.reason}; delimiter: ${file.info.dialect.reason}`);

try {
  const sqliteStarted = performance.now();
  // The CLI also parses the CSV and writes every row to the database.
  execFileSync('sqlite3', [':memory:', '.mode csv', `.import ${path} revenues`, 'SELECT count(*) FROM revenues;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  console.log(`sqlite3 CLI .import of the same file (in-memory db): ${((performance.now() - sqliteStarted) / 1000).toFixed(2)} s`);
} catch {
  console.log('sqlite3 CLI not available for comparison');
}

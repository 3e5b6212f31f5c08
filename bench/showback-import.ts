// Showback data from files: a year of usage for a parent org and 4 child orgs (by default
// 2,000 accounts x 8 services x 12 months = 192,000 rows, sub-cent amounts, two currencies)
// as one showback_usage CSV through the built-in profile, and 60 commitments as one
// commitments CSV. Times, in process, imports.commit of each, the same usage file again
// (every row unchanged) and the undo of the usage batch. Prints wall clock, CPU and load
// average beside each figure; asserts nothing.
//   npx tsx bench/showback-import.ts [--accounts N]
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inProcessCore } from '../src/main/core/in-process';
import { addMonths, periodOfDate } from '../src/shared/period';
import { seededRandom } from './seeded-random';
import { tempBenchWorkspace } from './temp-bench-workspace';
import { callOk } from './time-grid-views';

const SERVICES = ['Compute', 'Database', 'Storage', 'Analytics', 'Network', 'Containers', 'Serverless', 'Backup'];
const ORGS = ['bench-parent', 'bench-a', 'bench-b', 'bench-c', 'bench-d'];
const { values } = parseArgs({ options: { accounts: { type: 'string', default: '2000' } } });
const accountCount = Number(values.accounts);

const { microMoney: money } = seededRandom(7);

const bench = tempBenchWorkspace('showback-import');
const { dir, workspace } = bench;
const core = inProcessCore(workspace);
const call = <T>(method: string, input: object) => callOk<T>(core, method, input);

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');
async function timed<T>(label: string, run: () => Promise<T>, rows: number): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `${label.padEnd(52)} ${wall.toFixed(0).padStart(7)} ms wall  ${cpuMs.toFixed(0).padStart(7)} ms CPU  ${Math.round((rows / wall) * 1000).toLocaleString('en-US').padStart(9)} rows/s  load ${load()}`,
  );
  return value;
}

try {
  const db = workspace.db;
  const insertOrg = db.prepare("INSERT INTO orgs (id, name, parent_id, created_at, currency) VALUES (?, ?, ?, '2024-01-01T00:00:00Z', 'USD')");
  ORGS.forEach((id, i) => insertOrg.run(id, `Org ${i}`, i === 0 ? null : ORGS[0]));
  const end = periodOfDate(new Date());
  const months = Array.from({ length: 12 }, (_, i) => addMonths(end, i - 11));

  const usagePath = join(dir, 'usage.csv');
  let usageRows = 0;
  function* usageLines() {
    yield 'Month,Account,Service,Child Org,Currency,On-Demand Cost,Covered Cost';
    for (const month of months) {
      for (let a = 0; a < accountCount; a++) {
        const org = ORGS[a % ORGS.length];
        const currency = a % 10 === 0 ? 'EUR' : 'USD';
        for (const service of SERVICES) {
          usageRows++;
          yield `${month},acct-${String(a).padStart(5, '0')},${service},${org},${currency},${money(400)},${money(2_000)}`;
        }
      }
    }
  }
  await writeLines(usagePath, usageLines());
  const commitmentsPath = join(dir, 'commitments.csv');
  await writeLines(commitmentsPath, [
    'Commitment ID,Name,Currency,Purchase Date,Term Start,Term End,Monthly Premium,Commitment Cost,Rebates,Allocation,Fixed Shares',
    ...Array.from({ length: 60 }, (_, i) => {
      const method = ['proportional', 'even', 'fixed'][i % 3];
      const shares = method === 'fixed' ? 'service: Compute=50; Database=30; Storage=20' : '';
      return `cm-${i},Plan ${i},${i % 10 === 0 ? 'EUR' : 'USD'},${months[0]}-01,${months[0]}-01,${months[11]}-28,${money(50_000)},${money(2_000)},${money(500)},${method},${shares}`;
    }),
  ]);
  const megabytes = (statSync(usagePath).size / 1024 / 1024).toFixed(1);
  console.log(`showback import: ${usageRows.toLocaleString('en-US')} usage rows (${megabytes} MB), 60 commitments; ${accountCount} accounts x ${SERVICES.length} services x 12 months`);

  const input = (entity: string, path: string) => ({ orgId: ORGS[0], entity, path, onError: 'reject' });
  await timed('commitments: 60 rows created', () => call('imports.commit', input('commitments', commitmentsPath)), 60);
  const first = await timed<{ batchId: number; counts: { created: number } }>(
    'showback_usage: every row created',
    () => call('imports.commit', input('showback_usage', usagePath)),
    usageRows,
  );
  if (first.counts.created !== usageRows) throw new Error(`created ${first.counts.created} of ${usageRows}`);
  await timed('showback_usage: the same file, every row unchanged', () => call('imports.commit', input('showback_usage', usagePath)), usageRows);
  // The re-import changed nothing, so it is undone first (undo goes newest first).
  const batches = db.prepare("SELECT id FROM import_batches WHERE entity = 'showback_usage' ORDER BY id DESC").pluck().all() as number[];
  await call('imports.undo', { batchId: batches[0] });
  await timed('undo of the first usage batch (rows removed)', () => call('imports.undo', { batchId: first.batchId }), usageRows);
} finally {
  bench.remove();
}

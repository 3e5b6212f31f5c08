// Showback benchmark: a parent org with 4 child orgs holding a year of showback data far
// larger than the demo's (by default 2,000 accounts x 8 services x 12 months = 192,000 usage
// rows in two currencies, 60 commitments of every allocation method), written through
// showback.usageBatch / commitments.batch (100 records a call). Then times each showback
// report type's rows for one month and its months (the periods' input) against issue 12's
// goals (a report's month under 1 s, its periods under 100 ms). Prints; asserts nothing.
//   npx tsx bench/showback.ts [--accounts N] [--runs N]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { inProcessCore } from '../src/main/core/in-process';
import { showbackReportTypes } from '../src/main/reports/showback/report-types';
import { addMonths, periodOfDate } from '../src/shared/period';
import { seededRandom } from './seeded-random';
import { tempBenchWorkspace } from './temp-bench-workspace';
import { callOk } from './time-grid-views';

const ROWS_TARGET_MS = 1_000;
const MONTHS_TARGET_MS = 100;
const SERVICES = ['Compute', 'Database', 'Storage', 'Analytics', 'Network', 'Containers', 'Serverless', 'Backup'];

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } } });
const accountCount = Number(values.accounts);
const runs = Number(values.runs);

const { random, between, microMoney: money } = seededRandom(11);

const bench = tempBenchWorkspace('showback');
const { workspace } = bench;
const core = inProcessCore(workspace);
const call = (method: string, input: object) => callOk<{ meta: { error: number } }>(core, method, input);
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

try {
  const db = workspace.db;
  const end = periodOfDate(new Date());
  const months = Array.from({ length: 12 }, (_, i) => addMonths(end, i - 11));
  const orgs = ['bench-parent', 'bench-a', 'bench-b', 'bench-c', 'bench-d'];
  const insertOrg = db.prepare("INSERT INTO orgs (id, name, parent_id, created_at, currency) VALUES (?, ?, ?, '2024-01-01T00:00:00Z', 'USD')");
  orgs.forEach((id, i) => insertOrg.run(id, `Org ${i}`, i === 0 ? null : orgs[0]));

  const setup = performance.now();
  const commitments = Array.from({ length: 60 }, (_, i) => {
    const start = months[between(0, 11)];
    const method = (['proportional', 'even', 'fixed'] as const)[i % 3];
    return {
      external_id: `cm-${i}`,
      name: `Commitment ${i}`,
      currency: i % 4 === 0 ? 'EUR' : 'USD',
      purchase_date: `${addMonths(start, -1)}-15`,
      term_start: `${start}-01`,
      term_end: `${addMonths(start, 11)}-28`,
      monthly_premium: money(50_000),
      commitment_cost: money(2_000),
      rebates: money(500),
      allocation_method: method,
      ...(method === 'fixed'
        ? { fixed_shares: { dimension: 'child_org', shares: [{ target: 'bench-a', percent: '33.333333' }, { target: 'bench-b', percent: '66.666667' }] } }
        : {}),
    };
  });
  for (let i = 0; i < commitments.length; i += 100) await call('commitments.batch', { orgId: orgs[0], records: commitments.slice(i, i + 100) });
  let usageRows = 0;
  let batch: object[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await call('showback.usageBatch', { orgId: orgs[0], records: batch });
    if (result.meta.error > 0) throw new Error('a usage record was refused');
    usageRows += batch.length;
    batch = [];
  };
  for (const month of months) {
    for (let a = 0; a < accountCount; a++) {
      for (const service of SERVICES) {
        batch.push({
          month,
          account: `acct-${String(a).padStart(6, '0')}`,
          service,
          child_org_id: orgs[a % orgs.length],
          currency: a % 5 === 0 ? 'EUR' : 'USD',
          on_demand_cost: money(300),
          covered_cost: random() < 0.1 ? '0' : money(900),
        });
        if (batch.length === 100) await flush();
      }
    }
  }
  await flush();
  const setupMs = performance.now() - setup;

  const month = months[10];
  const asked = { year: Number(month.slice(0, 4)), month: Number(month.slice(5)) };
  const params = { currency: null, allocation_method: 'as_committed' };
  const load = loadavg().map((l) => l.toFixed(2)).join(' / ');
  console.log(`showback bench: ${usageRows.toLocaleString('en-US')} usage rows over 12 months, ${commitments.length} commitments; ${cpus().length} cores, load average ${load}`);
  console.log(`  written through the batch methods in ${(setupMs / 1000).toFixed(1)} s (${Math.round(usageRows / (setupMs / 1000)).toLocaleString('en-US')} rows/s)`);
  for (const report of showbackReportTypes) {
    const rowTimes: number[] = [];
    const rowCpu: number[] = [];
    const monthTimes: number[] = [];
    let rows = 0;
    for (let r = 0; r < runs; r++) {
      let cpu = process.cpuUsage();
      let started = performance.now();
      rows = report.rows(db, orgs[0], asked, params).length;
      rowTimes.push(performance.now() - started);
      rowCpu.push(cpuMs(cpu));
      cpu = process.cpuUsage();
      started = performance.now();
      report.months(db, orgs[0], params);
      monthTimes.push(performance.now() - started);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    console.log(
      `  ${report.report_type.padEnd(24)} ${month}: ${rows.toLocaleString('en-US').padStart(6)} rows in ${median(rowTimes).toFixed(1)} ms (CPU ${median(rowCpu).toFixed(1)} ms; goal < ${ROWS_TARGET_MS} ms); ` +
        `months ${median(monthTimes).toFixed(1)} ms (goal < ${MONTHS_TARGET_MS} ms); median of ${runs}`,
    );
  }
  console.log(`  load average after: ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
} finally {
  bench.remove();
}

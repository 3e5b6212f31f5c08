// Reports benchmark (issue 12, Speed): a demo workspace (bench/.data/, made once and reused)
// of N revenues over the 12 months ending this month, in three orgs, with the demo's year of
// showback, consumption and statements. Takes the parent org's month before last (the demo
// closed it: it is reopened first), runs its payouts and reconciliation (not timed as part of the close), then times a close
// of that month with its checks (--runs times: close, reopen, ..., ending closed). Then, for
// that finalized month, every report in the catalog: reports.get as JSON and as CSV, and
// reports.periods, each --runs times. Prints wall clock and CPU time (the machine is shared)
// with the load average; asserts nothing. Targets: a report under 1 s, its periods under
// 100 ms, a close under 10 s, at 10,000,000 revenues.
//   npx tsx bench/reports.ts [--revenues N] [--runs N] [--fresh]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Task } from '../src/shared/contract/tasks';
import type { ReportCatalogEntry, ReportCsv, ReportJson, ReportPeriod } from '../src/shared/contract/reports';
import { addMonths, periodOfDate } from '../src/shared/period';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { ensureBenchWorkspace } from './bench-workspace';
import { callOk } from './time-grid-views';

const { values } = parseArgs({
  options: {
    revenues: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '3' },
    fresh: { type: 'boolean', default: false },
  },
});
const revenues = Number(values.revenues);
const runs = Math.max(1, Number(values.runs));
const log = (line = '') => process.stdout.write(line + '\n');
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const load = () => `load ${loadavg()[0].toFixed(1)}`;

interface Timing {
  wall: number;
  cpu: number;
}

/** Wall clock and this process's CPU time (user + system) of one call. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T } & Timing> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const value = await work();
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The median run (by wall clock) of several. */
function median(timings: Timing[]): Timing {
  return [...timings].sort((a, b) => a.wall - b.wall)[Math.floor(timings.length / 2)]!;
}
const show = (t: Timing) => `${ms(t.wall)} (cpu ${ms(t.cpu)})`;

// The demo ends this month: the current month is in progress (the daily report's in_progress
// period). The month closed here is the one before last: the demo closed it already (it is
// reopened, run and closed again), while last month still waits for some billing.
const endPeriod = periodOfDate(new Date());
// Seed 2: a file of its own (bench:close closes and reopens seed 1's months).
const bench = ensureBenchWorkspace({ revenues, seed: 2, endPeriod, fresh: values.fresh });
log(`reports benchmark: ${revenues.toLocaleString('en-US')} revenues over 12 months (demo ${bench.reused ? 'reused' : `made in ${ms(bench.createdMs)}`}), ${cpus().length} cores, ${load()}`);

const workspace = openWorkspace(bench.path, { create: false });
const core = inProcessCore(workspace);
const db = workspace.db;
const period = addMonths(endPeriod, -2);
// The parent org: it holds the demo's showback commitments as well as revenues.
const org = db
  .prepare(
    `SELECT p.org_id AS orgId, p.status, (SELECT count(*) FROM revenues r WHERE r.org_id = p.org_id AND r.period = p.period) AS n
     FROM periods p JOIN orgs o ON o.id = p.org_id WHERE p.period = ? AND o.parent_id IS NULL`,
  )
  .get(period) as { orgId: string; status: string; n: number };
log(`month ${period} of org ${org.orgId}: ${org.n.toLocaleString('en-US')} revenues (${db.prepare('SELECT count(*) FROM revenues WHERE org_id = ?').pluck().get(org.orgId) as number} in the org's year)`);

// Closing needs an up-to-date payout run and reconciled (or held) consumption: done first, untimed.
if (org.status === 'finalized') await callOk(core, 'close.reopen', { orgId: org.orgId, period, reason: 'benchmark: closed again below' });
let step = await timed(() => callOk(core, 'payouts.run', { orgId: org.orgId, period }));
log(`payouts.run (before the close, not part of it): ${show(step)}`);
step = await timed(async () => {
  await callOk(core, 'reconciliation.run', { orgId: org.orgId, period });
  const review = db
    .prepare("SELECT uuid FROM consumption_records WHERE org_id = ? AND billing_period = ? AND is_finalized = 1 AND is_reconciled = 0 AND coalesce(review_status, '') <> 'held'")
    .pluck()
    .all(org.orgId, `${period}-01`) as string[];
  for (let i = 0; i < review.length; i += 100) await callOk(core, 'reconciliation.hold', { uuids: review.slice(i, i + 100), note: 'benchmark: held for review' });
});
log(`reconciliation.run and holds (not part of the close): ${show(step)}`);

const closes: Timing[] = [];
for (let i = 0; i < runs; i++) {
  if (i > 0) await callOk(core, 'close.reopen', { orgId: org.orgId, period, reason: 'benchmark run' });
  const close = await timed(() => callOk<Task>(core, 'close.start', { orgId: org.orgId, period }));
  if (close.value.status !== 'Completed') {
    log(`the close ended ${close.value.status}: ${close.value.processing_notes.errors.map((e) => e.message).join(' | ')}`);
    process.exit(1);
  }
  closes.push(close);
  log(`  close ${i + 1}: ${show(close)}, ${close.value.processing_notes.records_to_process.toLocaleString('en-US')} records, ${load()}`);
}
log(`close.start with its checks, median of ${runs}: ${show(median(closes))} (target under 10 s)`);
log();

const { reports } = await callOk<{ reports: ReportCatalogEntry[] }>(core, 'reports.list', { orgId: org.orgId });
const month = { year: Number(period.slice(0, 4)), month: Number(period.slice(5)) };
log(`report (month ${period}, finalized)          rows   get json            get csv             periods`);
for (const report of reports) {
  const ask = { orgId: org.orgId, report_type: report.report_type };
  const periodsRuns: Timing[] = [];
  let periods: ReportPeriod[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await timed(() => callOk<{ periods: ReportPeriod[] }>(core, 'reports.periods', ask));
    periods = t.value.periods;
    periodsRuns.push(t);
  }
  // The closed month when the report has it, else its newest period (a report with none is skipped).
  const chosen = periods.find((p) => p.year === month.year && p.month === month.month) ?? periods[0];
  if (!chosen) {
    log(`${report.report_type.padEnd(42)} no period; periods ${show(median(periodsRuns))}`);
    continue;
  }
  const jsonRuns: Timing[] = [];
  const csvRuns: Timing[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const json = await timed(() => callOk<ReportJson>(core, 'reports.get', { ...ask, year: chosen.year, month: chosen.month }));
    rows = json.value.row_count;
    jsonRuns.push(json);
    csvRuns.push(await timed(() => callOk<ReportCsv>(core, 'reports.get', { ...ask, year: chosen.year, month: chosen.month, format: 'csv' })));
  }
  const which = chosen.year === month.year && chosen.month === month.month ? '' : ` (${chosen.year}-${String(chosen.month).padStart(2, '0')})`;
  log(`${(report.report_type + which).padEnd(42)} ${String(rows).padStart(5)}   ${show(median(jsonRuns)).padEnd(19)} ${show(median(csvRuns)).padEnd(19)} ${show(median(periodsRuns))}`);
}
log(`medians of ${runs} runs; targets: a report under 1 s, its periods under 100 ms; ${load()}`);

// The biggest month of any org (a child org holds more revenues than the parent): the revenue
// report there, the first call (pages not yet cached) and the median of the rest.
const biggest = db
  .prepare(
    `SELECT p.org_id AS orgId, p.period, (SELECT count(*) FROM revenues r WHERE r.org_id = p.org_id AND r.period = p.period) AS n
     FROM periods p WHERE p.status = 'finalized' ORDER BY n DESC LIMIT 1`,
  )
  .get() as { orgId: string; period: string; n: number };
const askBiggest = { orgId: biggest.orgId, report_type: 'revenue_by_product_and_kind', year: Number(biggest.period.slice(0, 4)), month: Number(biggest.period.slice(5)) };
const first = await timed(() => callOk<ReportJson>(core, 'reports.get', askBiggest));
const rest: Timing[] = [];
for (let i = 0; i < runs; i++) rest.push(await timed(() => callOk<ReportCsv>(core, 'reports.get', { ...askBiggest, format: 'csv' })));
const periodsBiggest = await timed(() => callOk(core, 'reports.periods', { orgId: biggest.orgId, report_type: 'revenue_by_product_and_kind' }));
// Periods narrowed by a parameter: each candidate month is tested for a matching row (XAU,
// gold, is a currency no demo revenue has: every month is tested and none matches).
for (const params of [{ currency: 'USD' }, { kind: 'adjustment' }, { currency: 'EUR', kind: 'refund' }, { currency: 'XAU' }]) {
  const t = await timed(() => callOk<{ periods: ReportPeriod[] }>(core, 'reports.periods', { orgId: biggest.orgId, report_type: 'revenue_by_product_and_kind', params }));
  log(`  periods ${JSON.stringify(params)}: ${t.value.periods.length} in ${show(t)}`);
}
log(
  `revenue_by_product_and_kind, the biggest month (${biggest.period}, ${biggest.n.toLocaleString('en-US')} revenues, ${first.value.row_count} rows): ` +
    `first ${show(first)}, CSV median ${show(median(rest))}, periods ${show(periodsBiggest)}; ${load()}`,
);
await core.close();

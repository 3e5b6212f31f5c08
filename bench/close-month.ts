// Close benchmark: a demo workspace (bench/.data/, made once and reused) of N revenues over
// 12 months in three orgs, four currencies, ids in random order. Picks the open month with
// the most revenues, runs its payouts once (a close needs an up-to-date run; timed apart),
// then times close.checks, close.start (every check, then the month finalized in one
// transaction) and close.reopen, --runs times. Prints; asserts nothing. Target (issue 12):
// a close of one month under 10 s at 10,000,000 revenues.
// --workspace FILE closes the biggest open month of a copy of another workspace instead
// (e.g. bench:payouts' one month of 1,000,000 revenues), to time a month larger than the demo's.
//   npx tsx bench/close-month.ts [--revenues N] [--runs N] [--fresh] [--workspace FILE]
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { CloseReadiness } from '../src/shared/contract/close';
import type { Task } from '../src/shared/contract/tasks';
import { addMonths, periodOfDate } from '../src/shared/period';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { BENCH_DATA_DIR, ensureBenchWorkspace } from './bench-workspace';
import { callOk } from './time-grid-views';

const { values } = parseArgs({
  options: {
    revenues: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    fresh: { type: 'boolean', default: false },
    workspace: { type: 'string' },
  },
});
const revenues = Number(values.revenues);
const runs = Math.max(1, Number(values.runs));
const log = (line = '') => process.stdout.write(line + '\n');
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The demo ends last month, so its two open months have both ended and can be closed.
const endPeriod = addMonths(periodOfDate(new Date()), -1);
let path: string;
if (values.workspace) {
  // A copy through SQLite's backup API: the close and reopen runs never touch the original.
  path = join(BENCH_DATA_DIR, 'close-copy.closebook');
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const source = new Database(values.workspace, { readonly: true });
  await source.backup(path);
  source.close();
  const total = new Database(path, { readonly: true });
  log(`close benchmark: a copy of ${values.workspace} (${(total.prepare('SELECT count(*) FROM revenues').pluck().get() as number).toLocaleString('en-US')} revenues), ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
  total.close();
} else {
  const bench = ensureBenchWorkspace({ revenues, seed: 1, endPeriod, fresh: values.fresh });
  path = bench.path;
  log(`close benchmark: ${revenues.toLocaleString('en-US')} revenues over 12 months (demo ${bench.reused ? 'reused' : `made in ${ms(bench.createdMs)}`}), ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
}

const workspace = openWorkspace(path, { create: false });
const core = inProcessCore(workspace);
const db = workspace.db;
const month = db
  .prepare(
    `SELECT r.org_id AS orgId, r.period, count(*) AS n FROM periods p JOIN revenues r ON r.org_id = p.org_id AND r.period = p.period
     WHERE p.status = 'in_progress' AND p.period <= ?
       AND NOT EXISTS (SELECT 1 FROM consumption_records c WHERE c.org_id = p.org_id AND c.billing_period = p.period || '-01' AND c.is_finalized = 0)
     GROUP BY r.org_id, r.period ORDER BY n DESC LIMIT 1`,
  )
  .get(endPeriod) as { orgId: string; period: string; n: number };
const currencies = db.prepare('SELECT count(DISTINCT currency) FROM revenues WHERE org_id = ? AND period = ?').pluck().get(month.orgId, month.period) as number;
log(`month ${month.period} of org ${month.orgId}: ${month.n.toLocaleString('en-US')} revenues in ${currencies} currencies`);

let started = performance.now();
await callOk(core, 'payouts.run', { orgId: month.orgId, period: month.period });
log(`payouts.run (needed before a close, not part of it): ${ms(performance.now() - started)}`);
// The demo's consumption of the month: reconciled, and what needs review held, so the close can pass.
started = performance.now();
await callOk(core, 'reconciliation.run', { orgId: month.orgId, period: month.period });
const review = db
  .prepare("SELECT uuid FROM consumption_records WHERE org_id = ? AND billing_period = ? AND is_finalized = 1 AND is_reconciled = 0 AND coalesce(review_status, '') <> 'held'")
  .pluck()
  .all(month.orgId, `${month.period}-01`) as string[];
for (let i = 0; i < review.length; i += 100) await callOk(core, 'reconciliation.hold', { uuids: review.slice(i, i + 100), note: 'benchmark: held for review' });
log(`reconciliation.run and ${review.length} records held (not part of the close): ${ms(performance.now() - started)}`);

const checks: number[] = [];
const closes: number[] = [];
const reopens: number[] = [];
for (let i = 0; i < runs; i++) {
  started = performance.now();
  const readiness = await callOk<CloseReadiness>(core, 'close.checks', { orgId: month.orgId, period: month.period });
  checks.push(performance.now() - started);
  started = performance.now();
  const task = await callOk<Task>(core, 'close.start', { orgId: month.orgId, period: month.period });
  closes.push(performance.now() - started);
  if (task.status !== 'Completed') {
    log(`the close ended ${task.status}: ${task.processing_notes.errors.map((e) => e.message).join(' | ')}`);
    log(`checks: ${readiness.checks.map((c) => `${c.id}=${c.outcome}`).join(', ')}`);
    process.exit(1);
  }
  started = performance.now();
  await callOk(core, 'close.reopen', { orgId: month.orgId, period: month.period, reason: 'benchmark run' });
  reopens.push(performance.now() - started);
  log(`  run ${i + 1}: close.checks ${ms(checks[i])}, close.start ${ms(closes[i])} (${task.processing_notes.records_to_process.toLocaleString('en-US')} records), close.reopen ${ms(reopens[i])}`);
}
log(`close.start, median of ${runs}: ${ms(median(closes))} (target under 10 s at 10,000,000 revenues); close.checks ${ms(median(checks))}; close.reopen ${ms(median(reopens))}`);
await core.close();

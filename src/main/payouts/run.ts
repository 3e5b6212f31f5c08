import type { PayoutPayeeLine, PayoutRun } from '../../shared/contract/payouts';
import type { RuleConflicts } from '../../shared/contract/rules';
import { ApiFailure, notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { balanceKey, closingBalances, markLaterRunsStale, openingBalances, type Balances } from './balances';
import { rememberMonthShares } from './explain';
import { passMonth, type MonthPass, type PassOptions } from './month-pass';
import { payeeLine, type PayeeFacts } from './payee-figures';
import { MonthShareSet } from './share-collector';

export function findRuleConflicts(db: Database.Database, orgId: string, period: string): RuleConflicts {
  assertOrg(db, orgId);
  return { orgId, period, conflicts: passMonth(db, orgId, period).conflicts };
}

export function conflictFailure(pass: MonthPass): ApiFailure {
  const first = pass.conflicts[0];
  return new ApiFailure(
    'conflict',
    'rule_conflicts',
    `${pass.conflicts.length} set(s) of active ${first.scope} rules cover the same revenues on the same day (first: ${first.rules.map((r) => r.externalId ?? r.id).join(' and ')} on revenue ${first.firstRevenue.externalId ?? first.firstRevenue.id}); make one inactive or change their dates, then run again`,
    { conflicts: pass.conflicts },
  );
}

/** Every payee and currency with a share this month or a balance carried in, by payee id then currency. */
function payeeLines(pass: MonthPass, opening: Balances): PayoutPayeeLine[] {
  const facts = new Map<number, PayeeFacts>(
    pass.payees.map((p) => [p.id, { id: p.id, externalId: p.external_id, name: p.name, onHold: p.on_hold === 1, thresholdMicros: BigInt(p.threshold_micros) }]),
  );
  const keys = new Map<string, { payeeId: number; currency: string }>();
  for (const s of pass.sums.values()) keys.set(balanceKey(s.payeeId, s.currency), s);
  for (const key of opening.keys()) {
    const bar = key.indexOf('|');
    keys.set(key, { payeeId: Number(key.slice(0, bar)), currency: key.slice(bar + 1) });
  }
  const none = { earned: 0n, reversed: 0n, adjusted: 0n };
  return [...keys.entries()]
    .sort(([, a], [, b]) => a.payeeId - b.payeeId || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map(([key, { payeeId, currency }]) =>
      payeeLine(facts.get(payeeId) ?? { id: payeeId, externalId: null, name: '', onHold: false, thresholdMicros: 0n }, currency, opening.get(key) ?? 0n, pass.sums.get(key) ?? none),
    );
}

/**
 * payouts.run: the month allocated and its result stored (replacing an earlier run of the
 * same month), read and written in one transaction so it sees one state of the workspace.
 * Opening balances are the closing balances of the latest earlier stored run; when this
 * run changes the balances a later stored run started from, that run (and those after it)
 * are marked stale. Refused for a finalized month (its stored run stays as signed off)
 * and while active rules conflict; nothing is stored then.
 */
export function runPayouts(db: Database.Database, orgId: string, period: string, ranBy: string): PayoutRun {
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  assertOrg(db, orgId);
  // The pass's shares, kept for payouts.explain once the run is stored.
  const shares = new MonthShareSet();
  const { run, pass } = db.transaction(() => storeRun(db, orgId, period, ranBy, { listener: shares })).immediate();
  rememberMonthShares(db, orgId, period, shares, pass);
  return run;
}

/**
 * The body of a run, for a caller already in a transaction of its own (the demo, which
 * writes a whole workspace in one): the same checks, allocation and stored result.
 */
export function storePayoutRun(db: Database.Database, orgId: string, period: string, ranBy: string): PayoutRun {
  return storeRun(db, orgId, period, ranBy, {}).run;
}

function storeRun(db: Database.Database, orgId: string, period: string, ranBy: string, options: PassOptions): { run: PayoutRun; pass: MonthPass } {
  const status = db.prepare('SELECT status FROM periods WHERE org_id = ? AND period = ?').pluck().get(orgId, period) as string | undefined;
  if (status === 'finalized') {
    throw new ApiFailure('conflict', 'period_finalized', `${period} is finalized: its payouts cannot be run again (payouts.get shows the stored run)`, { field: 'period', period });
  }
  const pass = passMonth(db, orgId, period, options);
  if (pass.conflicts.length > 0) throw conflictFailure(pass);
  const opening = openingBalances(db, orgId, period);
  const payees = payeeLines(pass, opening.balances);
  const figures = {
    orgId,
    period,
    openingFrom: opening.from,
    revenueCount: pass.revenueCount,
    currencies: pass.currencies,
    payees,
    warnings: [...opening.warnings, ...pass.warnings],
  };
  const ranAt = new Date().toISOString().slice(0, 19) + 'Z';
  db.prepare('INSERT OR REPLACE INTO payout_runs (org_id, period, ran_at, ran_by, result, stale_reason) VALUES (?, ?, ?, ?, ?, NULL)').run(orgId, period, ranAt, ranBy, JSON.stringify(figures));
  markLaterRunsStale(db, orgId, period, closingBalances(payees), ranAt);
  return { run: { ...figures, ranAt, ranBy, stale: null }, pass };
}

export function getPayoutRun(db: Database.Database, orgId: string, period: string): PayoutRun {
  assertOrg(db, orgId);
  const row = db.prepare('SELECT ran_at, ran_by, result, stale_reason FROM payout_runs WHERE org_id = ? AND period = ?').get(orgId, period) as
    | { ran_at: string; ran_by: string; result: string; stale_reason: string | null }
    | undefined;
  if (!row) throw notFound('payout_run_not_found', `The payouts of ${period} have not been run`, { field: 'period', period });
  // Runs stored before balances carried have no openingFrom.
  const figures = { openingFrom: null, ...(JSON.parse(row.result) as object) } as Omit<PayoutRun, 'ranAt' | 'ranBy' | 'stale'>;
  return { ...figures, ranAt: row.ran_at, ranBy: row.ran_by, stale: row.stale_reason };
}

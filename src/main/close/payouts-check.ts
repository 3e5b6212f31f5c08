import type { TaskNote } from '../../shared/contract/tasks';
import { decimalToMicros } from '../../shared/money';
import { failed, passed, plural, warned, type CheckResult, type CloseCheck } from './check-result';

const ID = 'payouts';
const LABEL = 'The payout run is up to date';

/**
 * A closed month's payouts are the stored run as signed off (payouts.run refuses a
 * finalized month), so the run must match the month's data when it closes. Errors: the
 * month has revenues and was never run; the run is stale (an earlier month ran again with
 * other balances); or its revenues differ from the month's now (count or exact total per
 * currency: rows imported, changed or undone since). Warnings: rules or payees saved after
 * the run (a change that keeps the totals could still move shares).
 */
export const payoutsCheck: CloseCheck = {
  id: ID,
  label: LABEL,
  run(db, orgId, period): CheckResult {
    const now = db
      .prepare('SELECT currency, count(*) AS n, sum(amount_micros) AS total FROM revenues WHERE org_id = ? AND period = ? GROUP BY currency ORDER BY currency')
      .safeIntegers(true)
      .all(orgId, period) as Array<{ currency: string; n: bigint; total: bigint }>;
    const count = now.reduce((sum, c) => sum + Number(c.n), 0);
    const run = db.prepare('SELECT ran_at, result, stale_reason FROM payout_runs WHERE org_id = ? AND period = ?').get(orgId, period) as
      | { ran_at: string; result: string; stale_reason: string | null }
      | undefined;
    if (!run) {
      if (count === 0) return passed(ID, LABEL, 'No revenues in this month, so no payouts to run.');
      return failed(ID, LABEL, [{ check: ID, code: 'payouts_not_run', count, message: `The payouts of this month have not been run (${plural(count, 'revenue')}): run them first.` }]);
    }
    if (run.stale_reason !== null) {
      return failed(ID, LABEL, [{ check: ID, code: 'payouts_stale', message: `The payout run is stale (${run.stale_reason}): run the month again.` }]);
    }
    const stored = JSON.parse(run.result) as { revenueCount: number; currencies: Array<{ currency: string; revenue: string }> };
    const storedTotals = new Map(stored.currencies.map((c) => [c.currency, decimalToMicros(c.revenue)]));
    const differing = now.filter((c) => storedTotals.get(c.currency) !== c.total).map((c) => c.currency);
    for (const currency of storedTotals.keys()) if (!now.some((c) => c.currency === currency)) differing.push(currency);
    if (stored.revenueCount !== count || differing.length > 0) {
      const what = stored.revenueCount !== count ? `${plural(stored.revenueCount, 'revenue')} when run, ${count.toLocaleString('en-US')} now` : `the total in ${differing.sort().join(', ')} changed`;
      return failed(ID, LABEL, [{ check: ID, code: 'payouts_out_of_date', message: `The month's revenues changed after the payout run of ${run.ran_at} (${what}): run the month again.` }]);
    }
    const warnings: TaskNote[] = [];
    const rules = db
      .prepare('SELECT count(*) FROM rule_versions v JOIN rules r ON r.id = v.rule_id WHERE r.org_id = ? AND v.saved_at > ?')
      .pluck()
      .get(orgId, run.ran_at) as number;
    if (rules) warnings.push({ check: ID, code: 'rules_saved_after_run', count: rules, message: `${plural(rules, 'rule version')} saved after the run; run the month again if they apply to it.` });
    const payees = db.prepare('SELECT count(*) FROM payees WHERE org_id = ? AND updated_at > ?').pluck().get(orgId, run.ran_at) as number;
    if (payees) warnings.push({ check: ID, code: 'payees_changed_after_run', count: payees, message: `${plural(payees, 'payee')} changed after the run (holds, minimums); run the month again if it matters.` });
    if (warnings.length) return warned(ID, LABEL, warnings);
    return passed(ID, LABEL, `Run ${run.ran_at} over the month's ${plural(count, 'revenue')}, unchanged since.`);
  },
};

import type { PayoutCurrencyTotals, PayoutGroup, PayoutGroupLine, PayoutGroupOrg } from '../../shared/contract/payouts';
import { decimalToMicros, microsToDecimal } from '../../shared/money';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { orgAndDescendants } from '../orgs/org-subtree';
import { getPayoutRun } from './run';

type Sums = { revenue: bigint; allocated: bigint; unallocated: bigint };

/**
 * payouts.group: the org's month and every org's below it, read from their stored runs (a
 * consolidated view runs nothing). Totals are added in micro-units per currency, so they tie
 * out exactly to the orgs' own totals.
 */
export function getPayoutGroup(db: Database.Database, orgId: string, period: string): PayoutGroup {
  assertOrg(db, orgId);
  const names = new Map(
    (db.prepare('SELECT id, name FROM orgs').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]),
  );
  const orgs: PayoutGroupOrg[] = [];
  const payees: PayoutGroupLine[] = [];
  const sums = new Map<string, Sums>();
  for (const id of orgAndDescendants(db, orgId)) {
    const orgName = names.get(id) ?? id;
    const run = storedRun(db, id, period);
    if (!run) {
      orgs.push({ orgId: id, orgName, status: 'not_run', ranAt: null, revenueCount: 0 });
      continue;
    }
    orgs.push({ orgId: id, orgName, status: run.stale ? 'stale' : 'run', ranAt: run.ranAt, revenueCount: run.revenueCount });
    for (const line of run.payees) payees.push({ ...line, orgId: id, orgName });
    for (const c of run.currencies) {
      const sum = sums.get(c.currency) ?? { revenue: 0n, allocated: 0n, unallocated: 0n };
      sum.revenue += decimalToMicros(c.revenue);
      sum.allocated += decimalToMicros(c.allocated);
      sum.unallocated += decimalToMicros(c.unallocated);
      sums.set(c.currency, sum);
    }
  }
  const currencies: PayoutCurrencyTotals[] = [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => ({ currency, revenue: microsToDecimal(s.revenue), allocated: microsToDecimal(s.allocated), unallocated: microsToDecimal(s.unallocated) }));
  return { orgId, period, orgs, currencies, payees };
}

function storedRun(db: Database.Database, orgId: string, period: string) {
  try {
    return getPayoutRun(db, orgId, period);
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'payout_run_not_found') return null;
    throw error;
  }
}

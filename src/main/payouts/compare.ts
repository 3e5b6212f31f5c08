import type { PayoutCompareLine, PayoutComparison } from '../../shared/contract/payouts';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { passMonth, type MonthPass } from './month-pass';
import { conflictFailure } from './run';

// payouts.compare: "what would this rule change have done". The month is allocated twice in
// one read transaction, with the rules as they are and with each chosen rule deciding the
// whole month as the chosen saved version (its own dates and status still apply); nothing
// is stored. Compared per payee and currency on the month's net (earned + reversed +
// adjusted), the part a rule decides; balances and thresholds do not depend on the rule.

interface CompareInput {
  orgId: string;
  period: string;
  ruleVersions: Array<{ ruleId: number; version: number }>;
}

const net = (s: { earned: bigint; reversed: bigint; adjusted: bigint }) => s.earned + s.reversed + s.adjusted;

export function comparePayouts(db: Database.Database, input: CompareInput): PayoutComparison {
  assertOrg(db, input.orgId);
  const versions = new Map<number, number>();
  input.ruleVersions.forEach((rv) => versions.set(rv.ruleId, rv.version));
  const [current, proposed] = db.transaction((): [MonthPass, MonthPass] => [passMonth(db, input.orgId, input.period), passMonth(db, input.orgId, input.period, { versions })])();
  if (current.conflicts.length > 0) throw conflictFailure(current);
  if (proposed.conflicts.length > 0) throw conflictFailure(proposed);

  const names = new Map(current.payees.map((p) => [p.id, p]));
  const keys = new Set([...current.sums.keys(), ...proposed.sums.keys()]);
  const payees: PayoutCompareLine[] = [];
  for (const key of keys) {
    const before = current.sums.get(key);
    const after = proposed.sums.get(key);
    const { payeeId, currency } = (before ?? after)!;
    const was = before ? net(before) : 0n;
    const will = after ? net(after) : 0n;
    const payee = names.get(payeeId);
    payees.push({
      payeeId,
      payeeExternalId: payee?.external_id ?? null,
      payeeName: payee?.name ?? '',
      currency,
      current: microsToDecimal(was),
      proposed: microsToDecimal(will),
      difference: microsToDecimal(will - was),
    });
  }
  // The lines that change first, then by payee and currency.
  const unchanged = (line: PayoutCompareLine) => Number(line.current === line.proposed);
  payees.sort((a, b) => unchanged(a) - unchanged(b) || a.payeeId - b.payeeId || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));

  const proposedTotals = new Map(proposed.currencies.map((c) => [c.currency, c]));
  const currencies = current.currencies.map((c) => {
    const p = proposedTotals.get(c.currency)!;
    return { currency: c.currency, revenue: c.revenue, currentAllocated: c.allocated, proposedAllocated: p.allocated, currentUnallocated: c.unallocated, proposedUnallocated: p.unallocated };
  });
  return { orgId: input.orgId, period: input.period, ruleVersions: input.ruleVersions, currencies, payees };
}

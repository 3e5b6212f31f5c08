import type { PayoutPayeeLine } from '../../shared/contract/payouts';
import { decimalToMicros } from '../../shared/money';
import type { Database } from '../db/driver';

// What carries between months. A run's closing balance per payee and currency is what it
// held (payee on hold) plus what it kept below the threshold (or negative); the next
// month's opening balance is the closing balance of the latest earlier month that was run.
// Payable amounts are paid out and never carry.

/** "payeeId|currency" -> micro-units. */
export type Balances = Map<string, bigint>;

export const balanceKey = (payeeId: number, currency: string) => `${payeeId}|${currency}`;

/** A stored run's closing balances (runs stored before closing existed: held + below threshold). */
export function closingBalances(lines: readonly Partial<PayoutPayeeLine>[]): Balances {
  const balances: Balances = new Map();
  for (const line of lines) {
    const closing = line.closing !== undefined ? decimalToMicros(line.closing) : decimalToMicros(line.held ?? '0') + decimalToMicros(line.belowThreshold ?? '0');
    if (closing !== 0n) balances.set(balanceKey(line.payeeId!, line.currency!), closing);
  }
  return balances;
}

/** Non-zero opening balances a stored run's lines say it started from. */
function openingsOf(lines: readonly Partial<PayoutPayeeLine>[]): Balances {
  const balances: Balances = new Map();
  for (const line of lines) {
    const opening = decimalToMicros(line.opening ?? '0');
    if (opening !== 0n) balances.set(balanceKey(line.payeeId!, line.currency!), opening);
  }
  return balances;
}

function sameBalances(a: Balances, b: Balances): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

interface StoredRunRow {
  period: string;
  result: string;
  stale_reason: string | null;
}

export interface Opening {
  /** The month whose run gave the balances; null when no earlier month was run. */
  from: string | null;
  balances: Balances;
  /** Said in the run's warnings: a gap before this month, or an opening from a stale run. */
  warnings: string[];
}

export function previousMonth(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The opening balances of `period`: the closing balances of the latest earlier stored run. */
export function openingBalances(db: Database.Database, orgId: string, period: string): Opening {
  const row = db.prepare('SELECT period, result, stale_reason FROM payout_runs WHERE org_id = ? AND period < ? ORDER BY period DESC LIMIT 1').get(orgId, period) as StoredRunRow | undefined;
  if (!row) return { from: null, balances: new Map(), warnings: [] };
  const warnings: string[] = [];
  const previous = previousMonth(period);
  if (row.period !== previous) warnings.push(`${previous} has not been run: opening balances come from ${row.period}'s run`);
  if (row.stale_reason !== null) warnings.push(`opening balances come from ${row.period}'s run, which is stale (${row.stale_reason})`);
  const lines = (JSON.parse(row.result) as { payees: Partial<PayoutPayeeLine>[] }).payees;
  return { from: row.period, balances: closingBalances(lines), warnings };
}

/**
 * After `period` was stored with `closing`: the next stored run (and every run after it)
 * is marked stale when it did not start from exactly these balances. A run that still
 * matches is left as it is; running a month again clears its own mark.
 */
export function markLaterRunsStale(db: Database.Database, orgId: string, period: string, closing: Balances, ranAt: string): number {
  const next = db.prepare('SELECT period, result, stale_reason FROM payout_runs WHERE org_id = ? AND period > ? ORDER BY period LIMIT 1').get(orgId, period) as StoredRunRow | undefined;
  if (!next) return 0;
  const stored = JSON.parse(next.result) as { openingFrom?: string | null; payees: Partial<PayoutPayeeLine>[] };
  const startedHere = stored.openingFrom === period || (stored.openingFrom == null && closing.size === 0);
  if (startedHere && sameBalances(openingsOf(stored.payees), closing)) return 0;
  const reason = `${period} was run again at ${ranAt} and ${next.period}'s opening balances no longer match its closing balances; run ${next.period} again`;
  return db.prepare('UPDATE payout_runs SET stale_reason = ? WHERE org_id = ? AND period >= ?').run(reason, orgId, next.period).changes;
}

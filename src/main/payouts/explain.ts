import type { PayoutExplainPage, PayoutExplainRow } from '../../shared/contract/payouts';
import { microsToDecimal } from '../../shared/money';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { passMonth, type MonthPass, type SumsByPayee } from './month-pass';
import { MonthShareSet, type PayeeShareList } from './share-collector';

// payouts.explain: the revenue rows behind a payee's figures. Shares are not stored per
// revenue (a month of a million revenues would write millions of rows on every run): the
// month pass hands every payee's shares to a MonthShareSet, kept in memory for the next
// calls. payouts.run keeps the set its own pass made, so explaining a month just run reads
// the run's shares; otherwise (no run since the app started, or a write since) the first
// call allocates the month again with the run's code. The memory is keyed by the
// connection's change count and SQLite's data_version: any write to the workspace (a
// revenue, a rule, a payee) makes the next explain allocate again, so a page never shows
// shares of an older state.

interface MonthShares {
  key: string;
  set: MonthShareSet;
  /** Per "payeeId|currency": earned + reversed + adjusted, the sum of the payee's shares. */
  sums: SumsByPayee;
}

let remembered: MonthShares | null = null;

function stateKey(db: Database.Database, orgId: string, period: string): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  return `${db.name}|${orgId}|${period}|${changes}|${dataVersion}`;
}

/** payouts.run, after its transaction commits: the shares its pass collected answer explain. */
export function rememberMonthShares(db: Database.Database, orgId: string, period: string, set: MonthShareSet, pass: MonthPass): void {
  remembered = { key: stateKey(db, orgId, period), set: set.finish(pass), sums: pass.sums };
}

function monthShares(db: Database.Database, orgId: string, period: string): MonthShares {
  const key = stateKey(db, orgId, period);
  if (remembered?.key === key) return remembered;
  remembered = null;
  const set = new MonthShareSet();
  const pass = db.transaction(() => passMonth(db, orgId, period, { listener: set }))();
  remembered = { key, set: set.finish(pass), sums: pass.sums };
  return remembered;
}

/** The positions of the payee's rows to page through: all, or those of one currency. */
function positionsOf(set: MonthShareSet, shares: PayeeShareList, currency: string | undefined): Int32Array | null {
  if (currency === undefined) return null;
  let positions = shares.positions.get(currency);
  if (!positions) {
    const wanted = set.currencies.indexOf(currency);
    const inCurrency = (i: number) => set.currencyIndexes[shares.revenues[i]] === wanted;
    let count = 0;
    for (let i = 0; i < shares.count; i++) if (inCurrency(i)) count++;
    positions = new Int32Array(count);
    for (let i = 0, at = 0; i < shares.count; i++) if (inCurrency(i)) positions[at++] = i;
    shares.positions.set(currency, positions);
  }
  return positions;
}

interface ExplainInput {
  orgId: string;
  period: string;
  payeeId: number;
  currency?: string;
  startRow: number;
  endRow: number;
}

export function explainPayouts(db: Database.Database, input: ExplainInput): PayoutExplainPage {
  assertOrg(db, input.orgId);
  const payee = db.prepare('SELECT id FROM payees WHERE id = ? AND org_id = ?').get(input.payeeId, input.orgId);
  if (!payee) throw notFound('payee_not_found', `No payee with id ${input.payeeId} in org ${input.orgId}`, { field: 'payeeId' });
  const month = monthShares(db, input.orgId, input.period);
  const shares = month.set.payee(input.payeeId);
  const totals = month.set.currencies
    .filter((currency) => input.currency === undefined || currency === input.currency)
    .flatMap((currency) => {
      const sums = month.sums.get(`${input.payeeId}|${currency}`);
      return sums ? [{ currency, share: microsToDecimal(sums.earned + sums.reversed + sums.adjusted) }] : [];
    })
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
  const currency = input.currency ?? null;
  if (!shares) return { payeeId: input.payeeId, currency, rows: [], rowCount: 0, totals };

  const positions = positionsOf(month.set, shares, input.currency);
  const rowCount = positions ? positions.length : shares.count;
  const at: number[] = [];
  for (let i = input.startRow; i < Math.min(input.endRow, rowCount); i++) at.push(positions ? positions[i] : i);
  const ids = at.map((i) => month.set.revenueIds[shares.revenues[i]]);
  const found = new Map<number, Omit<PayoutExplainRow, 'share' | 'ruleId' | 'ruleExternalId' | 'ruleName' | 'ruleVersion' | 'basis'>>();
  if (ids.length > 0) {
    const rows = db
      .prepare(
        `SELECT r.id, r.external_id, r.kind, r.occurred_at, r.amount_micros, r.currency, r.refund_of, p.external_id AS product_external_id, p.name AS product_name
         FROM revenues r LEFT JOIN products p ON p.id = r.product_id WHERE r.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as Array<{
      id: number;
      external_id: string | null;
      kind: PayoutExplainRow['kind'];
      occurred_at: string;
      amount_micros: number;
      currency: string;
      refund_of: string | null;
      product_external_id: string | null;
      product_name: string | null;
    }>;
    for (const r of rows) {
      found.set(r.id, {
        revenueId: r.id,
        revenueExternalId: r.external_id,
        kind: r.kind,
        occurredAt: r.occurred_at,
        productExternalId: r.product_external_id,
        productName: r.product_name,
        currency: r.currency,
        amount: microsToDecimal(BigInt(r.amount_micros)),
        refundOf: r.refund_of,
      });
    }
  }
  const rows: PayoutExplainRow[] = ids.map((id, i) => {
    const position = at[i];
    const rule = month.set.ruleOf(shares.revenues[position]);
    return {
      ...found.get(id)!,
      share: microsToDecimal(BigInt(shares.micros[position])),
      ruleId: rule?.ruleId ?? null,
      ruleExternalId: rule?.externalId ?? null,
      ruleName: rule?.state.name ?? null,
      ruleVersion: rule?.version ?? null,
      basis: rule && rule.state.splits.some((s) => s.payee_id === input.payeeId) ? 'rule' : 'fallback',
    };
  });
  return { payeeId: input.payeeId, currency, rows, rowCount, totals };
}

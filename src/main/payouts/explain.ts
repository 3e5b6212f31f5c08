import type { PayoutExplainPage, PayoutExplainRow } from '../../shared/contract/payouts';
import { microsToDecimal } from '../../shared/money';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { ExactSum } from './exact-sum';
import { passMonth } from './month-pass';
import type { ChosenVersion } from './rule-choice';

// payouts.explain: the revenue rows behind a payee's figures. Shares are not stored per
// revenue (a month of a million revenues would write millions of rows on every run), so
// the month is allocated again with the same code as the run, and every payee's shares are
// kept in memory for the next calls. The memory is keyed by the connection's change count
// and SQLite's data_version: any write to the workspace (a revenue, a rule, a payee) makes
// the next explain allocate again, so a page never shows shares of an older state.

interface PayeeShares {
  revenueIds: number[];
  /** Share in micro-units (a row's share never exceeds its amount, so it is an exact JS integer). */
  micros: number[];
  /** Index into `rules`; -1: no rule (fallbacks only). */
  ruleIndexes: number[];
  /** Index into `currencies`. */
  currencyIndexes: number[];
  totals: Map<string, ExactSum>;
  /** Per currency asked for: the positions of its rows, made on first ask. */
  positions: Map<string, number[]>;
}

interface MonthShares {
  key: string;
  rules: ChosenVersion[];
  currencies: string[];
  byPayee: Map<number, PayeeShares>;
}

let remembered: MonthShares | null = null;

function stateKey(db: Database.Database, orgId: string, period: string): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  return `${db.name}|${orgId}|${period}|${changes}|${dataVersion}`;
}

function monthShares(db: Database.Database, orgId: string, period: string): MonthShares {
  const key = stateKey(db, orgId, period);
  if (remembered?.key === key) return remembered;
  const rules: ChosenVersion[] = [];
  const ruleIndex = new Map<string, number>();
  const byPayee = new Map<number, PayeeShares>();
  const currencies: string[] = [];
  db.transaction(() =>
    passMonth(db, orgId, period, {
      onAllocation(revenueId, currency, rule, parts) {
        let index = -1;
        if (rule) {
          const ruleKey = `${rule.ruleId}.${rule.version}`;
          index = ruleIndex.get(ruleKey) ?? rules.length;
          if (index === rules.length) {
            rules.push(rule);
            ruleIndex.set(ruleKey, index);
          }
        }
        let currencyIndex = currencies.indexOf(currency);
        if (currencyIndex < 0) currencyIndex = currencies.push(currency) - 1;
        for (let i = 0; i < parts.count; i++) {
          let shares = byPayee.get(parts.payeeIds[i]);
          if (!shares) byPayee.set(parts.payeeIds[i], (shares = { revenueIds: [], micros: [], ruleIndexes: [], currencyIndexes: [], totals: new Map(), positions: new Map() }));
          shares.revenueIds.push(revenueId);
          shares.micros.push(parts.micros[i]);
          shares.ruleIndexes.push(index);
          shares.currencyIndexes.push(currencyIndex);
          let total = shares.totals.get(currency);
          if (!total) shares.totals.set(currency, (total = new ExactSum()));
          total.add(parts.micros[i]);
        }
      },
    }),
  )();
  for (const shares of byPayee.values()) inRevenueOrder(shares);
  remembered = { key, rules, currencies, byPayee };
  return remembered;
}

/** The month is read in table order: a payee's rows are put in revenue id order for paging. */
function inRevenueOrder(shares: PayeeShares): void {
  const ids = shares.revenueIds;
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1] < ids[i];
  if (sorted) return;
  const order = Array.from(ids.keys()).sort((a, b) => ids[a] - ids[b]);
  shares.revenueIds = order.map((i) => ids[i]);
  shares.micros = order.map((i) => shares.micros[i]);
  shares.ruleIndexes = order.map((i) => shares.ruleIndexes[i]);
  shares.currencyIndexes = order.map((i) => shares.currencyIndexes[i]);
}

/** The positions of the payee's rows to page through: all, or those of one currency. */
function positionsOf(month: MonthShares, shares: PayeeShares, currency: string | undefined): number[] | null {
  if (currency === undefined) return null;
  let positions = shares.positions.get(currency);
  if (!positions) {
    const wanted = month.currencies.indexOf(currency);
    positions = [];
    for (let i = 0; i < shares.currencyIndexes.length; i++) if (shares.currencyIndexes[i] === wanted) positions.push(i);
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
  const shares = month.byPayee.get(input.payeeId);
  const totals = [...(shares?.totals ?? new Map<string, ExactSum>()).entries()]
    .filter(([currency]) => input.currency === undefined || currency === input.currency)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, sum]) => ({ currency, share: microsToDecimal(sum.value()) }));
  const currency = input.currency ?? null;
  if (!shares) return { payeeId: input.payeeId, currency, rows: [], rowCount: 0, totals };

  const positions = positionsOf(month, shares, input.currency);
  const rowCount = positions ? positions.length : shares.revenueIds.length;
  const at: number[] = [];
  for (let i = input.startRow; i < Math.min(input.endRow, rowCount); i++) at.push(positions ? positions[i] : i);
  const ids = at.map((i) => shares.revenueIds[i]);
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
    const rule = shares.ruleIndexes[position] >= 0 ? month.rules[shares.ruleIndexes[position]] : null;
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

import type { Page } from '../../shared/contract/grid';
import type { RevenueKind, RevenueRow } from '../../shared/contract/revenues';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { notFound } from '../api/failure';
import { assertOrg } from '../orgs/assert-org';
import { REVENUE_FROM, REVENUE_TABLES } from './columns';
import { neededFrom, queryPage } from '../grid/page-query';
import { compileRevenueView, revenueQuery, type RevenueView } from './view';

export const REVENUE_SELECT = `
  SELECT r.id, r.external_id, r.org_id, o.name AS org_name, r.kind, r.occurred_at, r.period, p.name AS payee_name,
         pr.name AS product_name, pr.category AS product_category, r.amount_micros,
         r.currency, r.quantity, r.description, r.refund_of`;

interface RevenueRecord {
  id: number;
  external_id: string | null;
  org_id: string;
  org_name: string;
  kind: RevenueKind;
  occurred_at: string;
  period: string;
  payee_name: string | null;
  product_name: string | null;
  product_category: string | null;
  amount_micros: number;
  currency: string;
  quantity: number;
  description: string | null;
  refund_of: string | null;
}

export function toRevenueRow(r: RevenueRecord): RevenueRow {
  return {
    id: r.id,
    externalId: r.external_id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    occurredAt: r.occurred_at,
    period: r.period,
    payeeName: r.payee_name,
    productName: r.product_name,
    productCategory: r.product_category,
    amount: microsToDecimal(r.amount_micros),
    currency: r.currency,
    quantity: r.quantity,
    description: r.description,
    refundOf: r.refund_of,
  };
}

/** One grid page and the number of rows the view matches. */
export function listRevenues(db: Database.Database, view: RevenueView & { startRow: number; endRow: number }): Page<RevenueRow> {
  const page = queryPage<RevenueRecord>(db, revenueQuery(db, view, REVENUE_SELECT), view);
  return { rows: page.rows.map(toRevenueRow), rowCount: page.rowCount };
}

/** Count and exact totals per currency (BigInt sums: no rounding at any size). */
export function summarizeRevenues(db: Database.Database, view: RevenueView) {
  const { where, params } = compileRevenueView(db, view);
  const groups = db
    .prepare(`SELECT r.currency AS currency, count(*) AS n, sum(r.amount_micros) AS total ${neededFrom(REVENUE_TABLES, where)} WHERE ${where} GROUP BY r.currency ORDER BY r.currency`)
    .safeIntegers(true)
    .all(...params) as Array<{ currency: string; n: bigint; total: bigint }>;
  return {
    rowCount: groups.reduce((sum, g) => sum + Number(g.n), 0),
    totals: groups.map((g) => ({ currency: g.currency, amount: microsToDecimal(g.total) })),
  };
}

/** One revenue of the org, by record id: what an import outcome's Record opens. */
export function getRevenue(db: Database.Database, { orgId, id }: { orgId: string; id: number }): RevenueRow {
  assertOrg(db, orgId);
  const found = db.prepare(`${REVENUE_SELECT} ${REVENUE_FROM} WHERE r.id = ? AND r.org_id = ?`).get(id, orgId) as RevenueRecord | undefined;
  if (!found) {
    throw notFound('revenue_not_found', `There is no revenue ${id} in this organization: it was never written, or an undo removed it.`, { id });
  }
  return toRevenueRow(found);
}

import { REVENUE_KINDS, type RevenueColumn } from '../../shared/contract/revenues';
import type { GridColumn } from '../grid/columns';

/** The revenues grid's allowlist: column id -> fixed SQL. */
export const REVENUE_GRID_COLUMNS: Readonly<Record<RevenueColumn, GridColumn>> = {
  externalId: { sql: 'r.external_id', kind: 'text' },
  // (period, date) orders exactly as the date does, and matches the (org, period, date) index.
  occurredAt: { sql: 'r.occurred_at', kind: 'date', sortTerms: ['r.period', 'r.occurred_at'] },
  kind: { sql: 'r.kind', kind: 'set', values: REVENUE_KINDS },
  // Filters on joined names pick keys first (see GridColumn.lookup): the (org, payee, period)
  // index then counts a payee filter's rows without reading them.
  payeeName: { sql: 'p.name', kind: 'text', lookup: { key: 'r.payee_id', table: 'payees', column: 'name' } },
  productName: { sql: 'pr.name', kind: 'text', lookup: { key: 'r.product_id', table: 'products', column: 'name' } },
  productCategory: { sql: 'pr.category', kind: 'text', lookup: { key: 'r.product_id', table: 'products', column: 'category' } },
  amount: { sql: 'r.amount_micros', kind: 'money' },
  currency: { sql: 'r.currency', kind: 'text' },
  orgName: { sql: 'o.name', kind: 'text', lookup: { key: 'r.org_id', table: 'orgs', column: 'name' } },
  quantity: { sql: 'r.quantity', kind: 'number' },
  description: { sql: 'r.description', kind: 'text' },
  refundOf: { sql: 'r.refund_of', kind: 'text' },
  period: { sql: 'r.period', kind: 'text' },
};

export const REVENUE_TABLES = {
  base: 'revenues r',
  joins: {
    p: 'LEFT JOIN payees p ON p.id = r.payee_id',
    pr: 'LEFT JOIN products pr ON pr.id = r.product_id',
    o: 'LEFT JOIN orgs o ON o.id = r.org_id',
  },
} as const;

export const REVENUE_FROM = `FROM revenues r ${Object.values(REVENUE_TABLES.joins).join(' ')}`;

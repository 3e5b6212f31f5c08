import { REVENUE_KINDS, type RevenueColumn } from '../../shared/contract/revenues';
import type { GridColumn } from '../grid/columns';

/** The revenues grid's allowlist: column id -> fixed SQL. */
export const REVENUE_GRID_COLUMNS: Readonly<Record<RevenueColumn, GridColumn>> = {
  externalId: { sql: 'r.external_id', kind: 'text' },
  occurredAt: { sql: 'r.occurred_at', kind: 'date' },
  kind: { sql: 'r.kind', kind: 'set', values: REVENUE_KINDS },
  payeeName: { sql: 'p.name', kind: 'text' },
  productName: { sql: 'pr.name', kind: 'text' },
  productCategory: { sql: 'pr.category', kind: 'text' },
  amount: { sql: 'r.amount_micros', kind: 'money' },
  currency: { sql: 'r.currency', kind: 'text' },
  quantity: { sql: 'r.quantity', kind: 'number' },
  description: { sql: 'r.description', kind: 'text' },
  refundOf: { sql: 'r.refund_of', kind: 'text' },
  period: { sql: 'r.period', kind: 'text' },
};

export const REVENUE_FROM = `
  FROM revenues r
  LEFT JOIN payees p ON p.id = r.payee_id
  LEFT JOIN products pr ON pr.id = r.product_id`;

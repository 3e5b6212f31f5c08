import type { RevenueColumn, RevenueKind } from './revenues';

/** Column headings, shared by the grid and the CSV export so both read the same. */
export const REVENUE_COLUMN_LABELS: Record<RevenueColumn, string> = {
  externalId: 'External ID',
  occurredAt: 'Date',
  kind: 'Kind',
  payeeName: 'Payee',
  productName: 'Product',
  productCategory: 'Category',
  amount: 'Amount',
  currency: 'Currency',
  orgName: 'Organization',
  quantity: 'Quantity',
  description: 'Description',
  refundOf: 'Refund of',
  period: 'Period',
};

/** Kinds as the screen shows them, and the CSV export writes them. */
export const REVENUE_KIND_LABELS: Record<RevenueKind, string> = {
  sale: 'Sale',
  refund: 'Refund',
  adjustment: 'Adjustment',
};

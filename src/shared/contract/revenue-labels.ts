import type { RevenueColumn } from './revenues';

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
  quantity: 'Quantity',
  description: 'Description',
  refundOf: 'Refund of',
  period: 'Period',
};

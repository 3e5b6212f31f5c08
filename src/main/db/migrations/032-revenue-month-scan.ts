import type { Migration } from './types';

// Payouts speed (issue 9). payouts.run, explain and compare read every revenue of a month:
// this index holds the columns they read, in (org, month, id) order, so the month is read
// from the index alone (no table row; the table's rows are twice as wide) in pages of rows
// keyed by id, and in id order whatever other index a grid view adds on the month.
export const revenueMonthScan: Migration = {
  id: 32,
  name: 'revenue-month-scan',
  sql: `CREATE INDEX revenues_month_scan ON revenues(org_id, period, id, kind, occurred_at, product_id, amount_micros, currency, refund_of);`,
};

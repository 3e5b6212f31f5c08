import type { Migration } from './types';

// Grid pages filtered by payee (issue 8, item 14). A payee filter is written as
// `payee_id IN (payees whose name matches)` (grid/sql.ts, lookup columns):
// - (org, payee, period) counts such a view, and any whole-org view, on a narrow index;
// - the date index carries the payee so a payee-filtered page in date order is found on the
//   index alone. The id is named before the payee so the entries stay in (date, id) order:
//   the grid's last sort term is the id, and without it SQLite sorts every date's ties.
export const revenuePayeeIndexes: Migration = {
  id: 34,
  name: 'revenue-payee-indexes',
  sql: `
    DROP INDEX revenues_period_occurred;
    CREATE INDEX revenues_period_occurred ON revenues(org_id, period, occurred_at, id, payee_id);
    CREATE INDEX revenues_payee_period ON revenues(org_id, payee_id, period);
  `,
};

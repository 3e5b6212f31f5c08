import type { Migration } from './types';

// Reconciliation speed (issue 10). A month holds ~100,000 consumption records; a year ~1,000,000.
// - consumption_records_period serves a month of an org: the grid's pages in id order, the
//   run, and consumption.list with orgId. The id is named right after the month so the
//   entries stay in (month, id) order (the order pages are read in), and the flags, the
//   review state, the customer name and the two sell amounts follow it, so a filter on them
//   is counted, and the run decides each record, on the index alone (no row is read).
// - consumption_records_all_periods serves consumption.list without an org the same way:
//   (month, id) order with the two flags, so `billing_period_from/to` + `is_finalized`
//   counts ~1,000,000 entries of the index instead of as many rows.
// - consumption_records_license carries the resource name: an imported consumption or billing
//   row naming its resource by name is matched on it (org, license, month, name) in one
//   lookup, where SQLite walked every record of the org's month for each row (a 1,000,000-row
//   consumption file took ~24x sqlite3's .import of it).
// - consumption_records_resource_uri: the seed's `resource` filter had no index.
export const consumptionListIndexes: Migration = {
  id: 31,
  name: 'consumption-list-indexes',
  sql: `
    DROP INDEX consumption_records_period;
    CREATE INDEX consumption_records_period ON consumption_records(org_id, billing_period, id, is_finalized, is_reconciled, review_status,
      consumed_sell_micros, final_sell_micros, customer_name);
    DROP INDEX consumption_records_all_periods;
    CREATE INDEX consumption_records_all_periods ON consumption_records(billing_period, id, is_finalized, is_reconciled);
    DROP INDEX consumption_records_license;
    CREATE INDEX consumption_records_license ON consumption_records(license_reference, billing_period, resource_name);
    CREATE INDEX consumption_records_resource_uri ON consumption_records(resource, billing_period) WHERE resource IS NOT NULL;
  `,
};

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
// - consumption_record_counts: the number of records per org, month and flags, kept by
//   triggers. consumption.list counts a filter on these fields alone (is_reconciled = false
//   over a year is ~1,000,000 entries of any index) from at most a few hundred rows, and finds
//   the month a deep page starts in, so its walk stays inside that month.
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

    CREATE TABLE consumption_record_counts (
      org_id TEXT NOT NULL,
      billing_period TEXT NOT NULL,
      is_finalized INTEGER NOT NULL,
      is_reconciled INTEGER NOT NULL,
      records INTEGER NOT NULL CHECK (records >= 0),
      PRIMARY KEY (org_id, billing_period, is_finalized, is_reconciled)
    ) WITHOUT ROWID;
    INSERT INTO consumption_record_counts (org_id, billing_period, is_finalized, is_reconciled, records)
      SELECT org_id, billing_period, is_finalized, is_reconciled, count(*) FROM consumption_records GROUP BY 1, 2, 3, 4;
    CREATE TRIGGER consumption_record_counts_insert AFTER INSERT ON consumption_records
    BEGIN
      INSERT INTO consumption_record_counts (org_id, billing_period, is_finalized, is_reconciled, records)
        VALUES (NEW.org_id, NEW.billing_period, NEW.is_finalized, NEW.is_reconciled, 1)
        ON CONFLICT DO UPDATE SET records = records + 1;
    END;
    CREATE TRIGGER consumption_record_counts_delete AFTER DELETE ON consumption_records
    BEGIN
      UPDATE consumption_record_counts SET records = records - 1
        WHERE org_id = OLD.org_id AND billing_period = OLD.billing_period AND is_finalized = OLD.is_finalized AND is_reconciled = OLD.is_reconciled;
    END;
    CREATE TRIGGER consumption_record_counts_update AFTER UPDATE OF org_id, billing_period, is_finalized, is_reconciled ON consumption_records
      WHEN OLD.org_id IS NOT NEW.org_id OR OLD.billing_period IS NOT NEW.billing_period OR OLD.is_finalized IS NOT NEW.is_finalized OR OLD.is_reconciled IS NOT NEW.is_reconciled
    BEGIN
      UPDATE consumption_record_counts SET records = records - 1
        WHERE org_id = OLD.org_id AND billing_period = OLD.billing_period AND is_finalized = OLD.is_finalized AND is_reconciled = OLD.is_reconciled;
      INSERT INTO consumption_record_counts (org_id, billing_period, is_finalized, is_reconciled, records)
        VALUES (NEW.org_id, NEW.billing_period, NEW.is_finalized, NEW.is_reconciled, 1)
        ON CONFLICT DO UPDATE SET records = records + 1;
    END;
  `,
};

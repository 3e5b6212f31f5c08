import type { Migration } from './types';

// A batch's control totals per currency: one row per currency its created and updated records
// hold (revenues: amount in the revenue's currency; billing: final_sell, in the org's
// currency since consumption records carry none). Payee and product batches and rejected
// batches have none. The single amount_written_micros, which added currencies together, goes.
//
// Existing batches are filled from their records: the created ones (batch_id) and the updated
// ones (the batch's 'updated' outcome rows). A batch whose records are all in one currency
// takes its stored sum in that currency (exact, whatever changed later); a batch whose records
// are in several takes the sums of what they hold now, per currency; a batch whose records are
// gone (an undone batch's created rows) falls back to the org's currency.
export const importBatchTotals: Migration = {
  id: 15,
  name: 'import-batch-totals',
  sql: `
    CREATE TABLE import_batch_totals (
      batch_id INTEGER NOT NULL REFERENCES import_batches(id),
      currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
      amount_micros INTEGER NOT NULL CHECK (typeof(amount_micros) = 'integer'),
      PRIMARY KEY (batch_id, currency)
    ) WITHOUT ROWID;

    CREATE TEMP TABLE written_amounts AS
      SELECT r.batch_id, r.currency, r.amount_micros FROM revenues r
        JOIN import_batches b ON b.id = r.batch_id AND b.entity = 'revenues' AND b.status <> 'rejected'
      UNION ALL
      SELECT o.batch_id, r.currency, r.amount_micros FROM import_outcomes o
        JOIN import_batches b ON b.id = o.batch_id AND b.entity = 'revenues' AND b.status <> 'rejected'
        JOIN revenues r ON r.id = o.record_id
        WHERE o.outcome = 'updated';
    CREATE TEMP TABLE mixed_batches AS
      SELECT batch_id FROM temp.written_amounts GROUP BY batch_id HAVING count(DISTINCT currency) > 1;

    INSERT INTO import_batch_totals (batch_id, currency, amount_micros)
      SELECT batch_id, currency, sum(amount_micros) FROM temp.written_amounts
        WHERE batch_id IN (SELECT batch_id FROM temp.mixed_batches) GROUP BY batch_id, currency;
    INSERT INTO import_batch_totals (batch_id, currency, amount_micros)
      SELECT b.id,
             coalesce((SELECT min(w.currency) FROM temp.written_amounts w WHERE w.batch_id = b.id), (SELECT o.currency FROM orgs o WHERE o.id = b.org_id)),
             b.amount_written_micros
        FROM import_batches b
        WHERE b.entity IN ('revenues', 'billing') AND b.status <> 'rejected' AND b.rows_written > 0
          AND b.id NOT IN (SELECT batch_id FROM temp.mixed_batches);

    DROP TABLE temp.written_amounts;
    DROP TABLE temp.mixed_batches;
    ALTER TABLE import_batches DROP COLUMN amount_written_micros;
  `,
};

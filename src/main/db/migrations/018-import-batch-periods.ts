import type { Migration } from './types';

// The months a committed batch wrote rows into (revenues' period, billing's month), so the
// Imports screen's period picker can list the batches that touched a month. Filled at
// commit from what the batch wrote; for existing batches from their records: the ones they
// created (batch_id) and the ones they updated (their 'updated' outcome rows), with the
// period those records have now. Payee and product batches, and rejected ones, write no month.
export const importBatchPeriods: Migration = {
  id: 18,
  name: 'import-batch-periods',
  sql: `
    CREATE TABLE import_batch_periods (
      batch_id INTEGER NOT NULL REFERENCES import_batches(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      PRIMARY KEY (batch_id, period)
    ) WITHOUT ROWID;
    CREATE INDEX import_batch_periods_period ON import_batch_periods(period, batch_id);

    INSERT OR IGNORE INTO import_batch_periods (batch_id, period)
      SELECT DISTINCT r.batch_id, r.period FROM revenues r JOIN import_batches b ON b.id = r.batch_id AND b.entity = 'revenues' AND b.status <> 'rejected';
    INSERT OR IGNORE INTO import_batch_periods (batch_id, period)
      SELECT DISTINCT c.batch_id, c.period FROM consumption_records c JOIN import_batches b ON b.id = c.batch_id AND b.entity = 'billing' AND b.status <> 'rejected';
    INSERT OR IGNORE INTO import_batch_periods (batch_id, period)
      SELECT DISTINCT o.batch_id, r.period FROM import_outcomes o JOIN import_batches b ON b.id = o.batch_id AND b.entity = 'revenues'
        JOIN revenues r ON r.id = o.record_id WHERE o.outcome = 'updated';
    INSERT OR IGNORE INTO import_batch_periods (batch_id, period)
      SELECT DISTINCT o.batch_id, c.period FROM import_outcomes o JOIN import_batches b ON b.id = o.batch_id AND b.entity = 'billing'
        JOIN consumption_records c ON c.id = o.record_id WHERE o.outcome = 'updated';
  `,
};

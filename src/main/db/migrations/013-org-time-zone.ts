import type { Migration } from './types';

// The zone whose calendar months an org's periods are (an IANA name; UTC keeps every
// stored period as it was). A revenue's period is then the month of its instant on the
// org's clock, which can be the UTC month or the one before or after it (zones lie within
// 14 hours of UTC): the CHECK says so. A CHECK cannot be changed in place, so the table is
// rebuilt the documented way, as in step 10, keeping every id, column and index.
export const orgTimeZone: Migration = {
  id: 13,
  name: 'org-time-zone',
  sql: `
    ALTER TABLE orgs ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC' CHECK (length(time_zone) BETWEEN 1 AND 64);
    CREATE TABLE revenues_rebuilt (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      external_id TEXT,
      kind TEXT NOT NULL CHECK (kind = 'sale' OR kind = 'refund' OR kind = 'adjustment'),
      occurred_at TEXT NOT NULL,
      period TEXT NOT NULL CHECK (
        period = substr(occurred_at, 1, 7) OR period = strftime('%Y-%m', occurred_at, '+14 hours') OR period = strftime('%Y-%m', occurred_at, '-14 hours')
      ),
      payee_id INTEGER REFERENCES payees(id),
      product_id INTEGER REFERENCES products(id),
      amount_micros INTEGER NOT NULL CHECK (typeof(amount_micros) = 'integer' AND abs(amount_micros) <= 9007199254740991),
      currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
      quantity INTEGER NOT NULL DEFAULT 1,
      description TEXT,
      refund_of TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      batch_id INTEGER REFERENCES import_batches(id),
      source_row INTEGER
    );
    INSERT INTO revenues_rebuilt (id, org_id, external_id, kind, occurred_at, period, payee_id, product_id, amount_micros, currency, quantity,
        description, refund_of, created_at, updated_at, batch_id, source_row)
      SELECT id, org_id, external_id, kind, occurred_at, period, payee_id, product_id, amount_micros, currency, quantity,
        description, refund_of, created_at, updated_at, batch_id, source_row FROM revenues ORDER BY id;
    DROP TABLE revenues;
    ALTER TABLE revenues_rebuilt RENAME TO revenues;
    CREATE UNIQUE INDEX revenues_external_id ON revenues(org_id, external_id) WHERE external_id IS NOT NULL;
    CREATE INDEX revenues_period_occurred ON revenues(org_id, period, occurred_at);
    CREATE INDEX revenues_period_amount_kind ON revenues(org_id, period, amount_micros, kind);
  `,
};

import type { Migration } from './types';

// Reconciliation of consumption records (seed 003): the review state of a record whose
// adjustment is above the workspace's tolerance, the compensation items (a credit or a
// charge to the customer for a non-zero reconciled adjustment) and the history of every
// step (auto-reconciled, approved with a note, held, reversed with a reason), which is
// never edited: a reversal is a new step, and its compensation item is marked reversed.
export const reconciliation: Migration = {
  id: 23,
  name: 'reconciliation',
  sql: `
    ALTER TABLE consumption_records ADD COLUMN review_status TEXT CHECK (review_status IS NULL OR review_status = 'pending' OR review_status = 'held');
    CREATE INDEX consumption_records_review ON consumption_records(org_id, billing_period, review_status) WHERE review_status IS NOT NULL;

    -- One row: the workspace's tolerance. A difference is reconciled without review when it is
    -- at most tolerance_micros and at most tolerance_percent of the estimate.
    CREATE TABLE reconciliation_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      tolerance_micros INTEGER NOT NULL CHECK (typeof(tolerance_micros) = 'integer' AND tolerance_micros >= 0 AND tolerance_micros <= 9007199254740991),
      -- percent in micro-units: 1.5 % is 1500000
      tolerance_percent_micros INTEGER NOT NULL CHECK (typeof(tolerance_percent_micros) = 'integer' AND tolerance_percent_micros >= 0 AND tolerance_percent_micros <= 100000000),
      updated_at TEXT NOT NULL
    );
    INSERT INTO reconciliation_settings (id, tolerance_micros, tolerance_percent_micros, updated_at) VALUES (1, 1000000, 1000000, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

    CREATE TABLE compensation_items (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
      org_id TEXT NOT NULL REFERENCES orgs(id),
      record_id INTEGER NOT NULL REFERENCES consumption_records(id),
      invoice_item_uuid TEXT,
      customer_uuid TEXT,
      customer_name TEXT,
      billing_period TEXT NOT NULL,
      currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
      -- credit: the customer was estimated more than billed (negative amount); charge: less
      kind TEXT NOT NULL CHECK (kind = 'credit' OR kind = 'charge'),
      amount_micros INTEGER NOT NULL CHECK (typeof(amount_micros) = 'integer' AND amount_micros <> 0 AND abs(amount_micros) <= 9007199254740991),
      buy_micros INTEGER NOT NULL CHECK (typeof(buy_micros) = 'integer' AND abs(buy_micros) <= 9007199254740991),
      created_at TEXT NOT NULL,
      reversed_at TEXT,
      reversal_reason TEXT,
      CHECK ((kind = 'credit') = (amount_micros < 0))
    );
    CREATE INDEX compensation_items_period ON compensation_items(org_id, billing_period, id);
    CREATE INDEX compensation_items_record ON compensation_items(record_id);

    CREATE TABLE reconciliation_events (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      record_id INTEGER NOT NULL REFERENCES consumption_records(id),
      action TEXT NOT NULL CHECK (action = 'auto_reconciled' OR action = 'approved' OR action = 'held' OR action = 'needs_review' OR action = 'reversed'),
      adjustment_micros INTEGER,
      compensation_item_id INTEGER REFERENCES compensation_items(id),
      -- approve: the note; hold: an optional note; reverse: the reason
      note TEXT,
      -- the record's reconciliation fields before this step (JSON), which a reversal restores
      before TEXT CHECK (before IS NULL OR json_valid(before)),
      actor TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX reconciliation_events_record ON reconciliation_events(record_id, id);
  `,
};

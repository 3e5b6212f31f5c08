import type { Migration } from './types';

// Amounts are integer micro-units (6 decimals). The CHECK keeps every row within
// Number.MAX_SAFE_INTEGER so a row reads back as an exact JS integer.
export const revenues: Migration = {
  id: 3,
  name: 'revenues',
  sql: `
    CREATE TABLE revenues (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      external_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'adjustment')),
      occurred_at TEXT NOT NULL,
      period TEXT NOT NULL CHECK (period = substr(occurred_at, 1, 7)),
      payee_id INTEGER REFERENCES payees(id),
      product_id INTEGER REFERENCES products(id),
      amount_micros INTEGER NOT NULL CHECK (typeof(amount_micros) = 'integer' AND abs(amount_micros) <= 9007199254740991),
      currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
      quantity INTEGER NOT NULL DEFAULT 1,
      description TEXT,
      refund_of TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX revenues_external_id ON revenues(org_id, external_id) WHERE external_id IS NOT NULL;
    CREATE INDEX revenues_period_amount ON revenues(org_id, period, amount_micros);
    CREATE INDEX revenues_period_occurred ON revenues(org_id, period, occurred_at);
  `,
};

import type { Page } from '../../shared/contract/grid';
import { PAYEE_HOLD_STATES, type PayeeColumn, type PayeeRow } from '../../shared/contract/payees';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { listKeyedRecords, type PageView } from '../records/keyed-record';
import { PAYEES } from './payee-store';

/** The payees grid's allowlist: column id -> fixed SQL. */
const PAYEE_GRID_COLUMNS: Readonly<Record<PayeeColumn, GridColumn>> = {
  id: { sql: 'p.id', kind: 'number' },
  externalId: { sql: 'p.external_id', kind: 'text' },
  name: { sql: 'p.name', kind: 'text' },
  email: { sql: 'p.email', kind: 'text' },
  phone: { sql: 'p.phone', kind: 'text' },
  address: { sql: 'p.address', kind: 'text' },
  payoutCurrency: { sql: 'p.payout_currency', kind: 'text' },
  // A set of two words, so a filter reads "On hold: held" rather than "= 1".
  onHold: { sql: "CASE p.on_hold WHEN 1 THEN 'held' ELSE 'active' END", kind: 'set', values: PAYEE_HOLD_STATES },
  holdReason: { sql: 'p.hold_reason', kind: 'text' },
  threshold: { sql: 'p.threshold_micros', kind: 'money' },
  fallbackPercentage: { sql: 'p.fallback_percentage', kind: 'text' },
  createdAt: { sql: 'p.created_at', kind: 'date' },
  updatedAt: { sql: 'p.updated_at', kind: 'date' },
};

export function listPayees(db: Database.Database, view: PageView): Page<PayeeRow> {
  return listKeyedRecords(db, PAYEES, PAYEE_GRID_COLUMNS, view);
}

import type { PayeeRow } from '../../shared/contract/payees';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { getKeyedRecord, type KeyedTable, type RecordKey } from '../records/keyed-record';

export const PAYEE_SELECT =
  'SELECT p.id, p.external_id, p.name, p.email, p.phone, p.address, p.payout_currency, p.on_hold, p.hold_reason, p.threshold_micros, p.fallback_percentage, p.created_at, p.updated_at';

export interface StoredPayee {
  id: number;
  external_id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  payout_currency: string | null;
  on_hold: number;
  hold_reason: string | null;
  threshold_micros: number;
  fallback_percentage: string | null;
  created_at: string;
  updated_at: string;
}

export function toPayeeRow(p: StoredPayee): PayeeRow {
  return {
    id: p.id,
    externalId: p.external_id,
    name: p.name,
    email: p.email,
    phone: p.phone,
    address: p.address,
    payoutCurrency: p.payout_currency,
    onHold: p.on_hold === 1,
    holdReason: p.hold_reason,
    threshold: microsToDecimal(p.threshold_micros),
    fallbackPercentage: p.fallback_percentage,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export const PAYEES: KeyedTable<StoredPayee, PayeeRow> = { table: 'payees', select: PAYEE_SELECT, noun: 'payee', toRow: toPayeeRow };

/** payees.get: one payee of the org by id or external_id; 404 payee_not_found otherwise. */
export function getPayee(db: Database.Database, key: RecordKey): PayeeRow {
  return getKeyedRecord(db, PAYEES, key);
}

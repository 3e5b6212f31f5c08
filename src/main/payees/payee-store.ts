import type { PayeeRow } from '../../shared/contract/payees';
import { microsToDecimal } from '../../shared/money';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';

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

/** payees.get: one payee of the org by id or external_id; 404 payee_not_found otherwise. */
export function getPayee(db: Database.Database, key: { orgId: string; id?: number; externalId?: string }): PayeeRow {
  assertOrg(db, key.orgId);
  const stored = (
    key.id !== undefined
      ? db.prepare(`${PAYEE_SELECT} FROM payees p WHERE p.org_id = ? AND p.id = ?`).get(key.orgId, key.id)
      : db.prepare(`${PAYEE_SELECT} FROM payees p WHERE p.org_id = ? AND p.external_id = ?`).get(key.orgId, key.externalId)
  ) as StoredPayee | undefined;
  if (!stored) {
    const named = key.id !== undefined ? `id ${key.id}` : `external_id "${key.externalId}"`;
    throw notFound('payee_not_found', `No payee with ${named} in org ${key.orgId}`, { field: key.id !== undefined ? 'id' : 'externalId' });
  }
  return toPayeeRow(stored);
}

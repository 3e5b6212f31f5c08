import type { Database } from '../db/driver';
import type { FieldIssue } from '../../shared/errors';
import { decimalToRowMicros, microsToDecimal } from '../../shared/money';
import type { CreditLedger, CreditRecordInput, StatementBatchResult } from '../../shared/contract/statements';
import { invalidInput } from '../api/failure';
import { isIsoDay } from './billing-cycle';
import { orgBilling } from './billing-settings';

/** Each grant with what statements took from it, oldest first (the order they are applied in). */
export function creditLedger(db: Database.Database, orgId: string): CreditLedger {
  const { currency } = orgBilling(db, orgId);
  const rows = db
    .prepare(
      `SELECT g.id, g.external_id, g.granted_on, g.note, g.amount_micros AS granted,
              coalesce((SELECT sum(a.amount_micros) FROM credit_applications a WHERE a.credit_id = g.id), 0) AS applied
       FROM credit_grants g WHERE g.org_id = ? ORDER BY g.granted_on, g.id`,
    )
    .all(orgId) as Array<{ id: number; external_id: string | null; granted_on: string; note: string | null; granted: number; applied: number }>;
  let granted = 0n;
  let applied = 0n;
  const credits = rows.map((row) => {
    granted += BigInt(row.granted);
    applied += BigInt(row.applied);
    return {
      id: row.id,
      external_id: row.external_id,
      granted_on: row.granted_on,
      note: row.note,
      granted: microsToDecimal(row.granted),
      applied: microsToDecimal(row.applied),
      remaining: microsToDecimal(row.granted - row.applied),
    };
  });
  return { currency, credits, granted: microsToDecimal(granted), applied: microsToDecimal(applied), remaining: microsToDecimal(granted - applied) };
}

/** Grants are a ledger: recorded once, never edited (an external_id seen before is refused). */
export function grantCredits(db: Database.Database, orgId: string, records: ReadonlyArray<CreditRecordInput>): StatementBatchResult {
  orgBilling(db, orgId);
  const known = db.prepare('SELECT 1 FROM credit_grants WHERE org_id = ? AND external_id = ?');
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const amounts: bigint[] = [];
  records.forEach((record, index) => {
    const at = (field: string) => `records.${index}.${field}`;
    if (!isIsoDay(record.granted_on)) issues.push({ field: at('granted_on'), message: `${record.granted_on} is not a calendar day` });
    if (record.external_id !== undefined) {
      if (seen.has(record.external_id) || known.get(orgId, record.external_id)) {
        issues.push({ field: at('external_id'), message: `the credit "${record.external_id}" is already granted; grants are never changed (grant another)` });
      }
      seen.add(record.external_id);
    }
    try {
      amounts[index] = decimalToRowMicros(record.amount);
    } catch (error) {
      issues.push({ field: at('amount'), message: (error as Error).message });
    }
  });
  if (issues.length) throw invalidInput(issues);
  const insert = db.prepare('INSERT INTO credit_grants (org_id, external_id, granted_on, amount_micros, note, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  const ids = records.map((record, index) => Number(insert.run(orgId, record.external_id ?? null, record.granted_on, Number(amounts[index]), record.note ?? null, now).lastInsertRowid));
  return { created: ids.length, updated: 0, ids };
}

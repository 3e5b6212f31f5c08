import { decimalToMicros } from '../../shared/money';
import { ApiFailure } from '../api/failure';
import type { CancelSignal } from '../api/context';
import type { Database } from '../db/driver';
import { textCell, writeCsvFile, type CsvWriteResult } from '../export/csv-file';
import { getPayoutRun } from './run';

// The payable list for payment: one line per payee and currency with an amount to pay in
// the month's stored run. Only a stored run is exported (what the accountant saw); a stale
// one is refused while the month can still be run again, so a payment file never carries
// balances an earlier month's new run has changed.

export const PAYABLE_HEADER = ['period', 'payee_id', 'payee_external_id', 'payee_name', 'currency', 'amount'] as const;

interface ExportInput {
  orgId: string;
  period: string;
  path: string;
  bom: boolean;
}

export function exportPayables(db: Database.Database, input: ExportInput, options: { signal?: CancelSignal } = {}): CsvWriteResult {
  const run = getPayoutRun(db, input.orgId, input.period);
  const status = db.prepare('SELECT status FROM periods WHERE org_id = ? AND period = ?').pluck().get(input.orgId, input.period) as string | undefined;
  if (run.stale !== null && status !== 'finalized') {
    throw new ApiFailure('conflict', 'payout_run_stale', `The payouts of ${input.period} are stale (${run.stale}): run the month again before exporting the payable list`, { field: 'period', period: input.period });
  }
  const rows = run.payees
    .filter((line) => decimalToMicros(line.payable) > 0n)
    .map((line) => [input.period, String(line.payeeId), textCell(line.payeeExternalId), textCell(line.payeeName), textCell(line.currency), line.payable]);
  return writeCsvFile(input.path, PAYABLE_HEADER, rows, { signal: options.signal, bom: input.bom });
}

import { OUTCOMES, type Outcome, type OutcomeCounts } from '../../../shared/contract/imports';

/** What happened to one source row. */
export interface RowOutcome {
  rowNumber: number;
  outcome: Outcome;
  /**
   * created / updated / unchanged: the record; skipped_duplicate: the existing record that
   * matched; blocked_locked_period: the existing record an update would have changed.
   */
  id: number | null;
  externalId: string | null;
  /** updated: the fields whose values changed. */
  changes?: string[];
  /** error / blocked_locked_period: the field at fault and why. */
  column?: string | null;
  message?: string;
  /** A refused row's technical words (a database's own message), for its details line. */
  details?: string;
  /** The details line as stored with the row (code, field, technical words): a rejected batch stores it again after its rollback. */
  detailsLine?: string;
  /**
   * The row names a record an earlier row of the same batch already named (its row
   * number, or a batch call's record index): skipped_duplicate when it would change
   * nothing, else error. See SameRecordRows.
   */
  sameAsRow?: number;
}

export function emptyCounts(): OutcomeCounts {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
}

export function totalOf(counts: OutcomeCounts): number {
  let total = 0;
  for (const outcome of OUTCOMES) total += counts[outcome];
  return total;
}

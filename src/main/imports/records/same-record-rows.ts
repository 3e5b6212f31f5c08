import type { ImportSource } from '../../../shared/contract/imports';
import { FieldProblem } from './field-problem';
import type { OutcomeRecorder } from './outcome-recorder';

/** A stored record with the batch that created it and the row it came from there. */
export interface RecordOrigin {
  id: number;
  batch_id: number | null;
  source_row: number | null;
}

/**
 * The same record named twice in one batch (two rows of a file, two records of a batch
 * call): the later row never writes it again, so each record is written at most once and
 * the batch's control totals (rows and amount written) are what its records hold.
 *
 * Which earlier row named a record: a record this batch created carries batch_id and
 * source_row, so the million-row create path keeps nothing in memory; the rows that
 * updated a record, found it unchanged or were blocked on it are kept by the outcome
 * recorder. Records in the workspace before the batch that create_only skips are not
 * tracked: every row naming one is skipped_duplicate of it (the seed's idempotent create).
 */
export class SameRecordRows {
  constructor(
    private readonly batchId: number,
    private readonly source: ImportSource,
    private readonly outcomes: OutcomeRecorder,
  ) {}

  /** The earlier row of this batch that created, updated or found unchanged this stored record, if any. */
  earlierRow(stored: RecordOrigin): number | undefined {
    if (stored.batch_id === this.batchId && stored.source_row !== null) return stored.source_row;
    return this.outcomes.rowThatMatched(stored.id);
  }

  /** An earlier row blocked by a locked month on this record (or, id null, on a new record with this key). */
  blockedRow(id: number | null, key: string | null): number | undefined {
    return this.outcomes.rowThatWasBlocked(id, key);
  }

  /**
   * The outcome of a row that names the record `earlier` named. `changesOf` lists the
   * fields the row would change on the record as the earlier row left it (a field it
   * could not apply counts as changed). None: skipped_duplicate of that record. Some: an
   * error on the key column (`keyField`), naming the earlier row and the fields.
   */
  repeat(rowNumber: number, earlier: number, id: number, key: string | null, changesOf: () => readonly string[], keyField: string): void {
    let changes: readonly string[];
    try {
      changes = changesOf();
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      changes = [error.field || 'values'];
    }
    if (changes.length === 0) {
      return this.outcomes.sameRecordDuplicate(rowNumber, id, key, earlier, `same record as ${this.name(earlier)}, with the same values (skipped)`);
    }
    // As the file calls them (a batch call's fields as they are).
    const names = changes.map((field) => this.outcomes.fileColumn(field));
    const fields = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    this.outcomes.sameRecordError(
      rowNumber,
      keyField,
      `same record as ${this.name(earlier)}, with a different ${fields}; a ${this.whole()} writes each record once, so keep one of the two`,
      key,
      earlier,
    );
  }

  /** A row that would write a record an earlier row could not write (its month is locked): refused, naming that row. */
  repeatOfBlocked(rowNumber: number, earlier: number, key: string | null, keyField: string): void {
    this.outcomes.sameRecordError(
      rowNumber,
      keyField,
      `same record as ${this.name(earlier)}, which was not written because its month is locked; a ${this.whole()} writes each record once, so keep one of the two`,
      key,
      earlier,
    );
  }

  /** How messages name a row: a file's row number, a batch call's record index. */
  name(row: number): string {
    return this.source === 'api' ? `record ${row}` : `row ${row}`;
  }

  private whole(): string {
    return this.source === 'api' ? 'batch' : 'file';
  }
}

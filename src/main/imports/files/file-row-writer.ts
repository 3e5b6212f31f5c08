import type { RowProblem } from '../../../shared/contract/import-files';
import { undecidedCell } from '../mapping/format-questions';
import type { MappedRecord, RowFailure, RowMapper } from '../mapping/row-mapper';
import type { MappedRow } from '../parse-worker/wire';
import type { CsvRow } from '../parse';
import type { ImportBatch, RecordAtRow } from '../records/import-batch';
import type { RowOutcome } from '../records/outcome';

/** A check or a commit lists at most this many problem rows; the batch keeps them all. */
export const MAX_LISTED_PROBLEMS = 1000;
// Records die young when a few hundred are mapped and written at a time: mapping a whole
// batch first kept 10,000 of them alive across collections (about 10% more CPU, in GC).
const SLICE_ROWS = 256;

/**
 * Feeds a file's rows, batch by batch, through the mapping into the import batch: rows the
 * mapping refuses are recorded as the batch's errors, the rest are written (or, for a
 * check, tried inside the transaction that is then rolled back). Keeps the first problem
 * rows for the result: errors, blocked rows, and rows naming the same record as an earlier row.
 */
export class FileRowWriter {
  rows = 0;
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly batch: ImportBatch,
    private readonly mapper: RowMapper,
  ) {}

  /** One batch of the reader (about 10,000 rows), mapped and written a slice at a time. */
  write(rows: readonly CsvRow[]): void {
    for (let i = 0; i < rows.length; i += SLICE_ROWS) this.writeSlice(i === 0 && rows.length <= SLICE_ROWS ? rows : rows.slice(i, i + SLICE_ROWS));
  }

  /** One batch the parse worker already mapped, written a slice at a time as write() does. */
  writeMapped(rows: readonly MappedRow[]): void {
    for (let start = 0; start < rows.length; start += SLICE_ROWS) {
      const end = Math.min(rows.length, start + SLICE_ROWS);
      const slice = new Slice();
      for (let i = start; i < end; i++) {
        const row = rows[i];
        this.take(slice, row.rowNumber, row.record, row.failure);
      }
      this.finish(slice, end - start);
    }
  }

  private writeSlice(rows: readonly CsvRow[]): void {
    const { mapper } = this;
    const slice = new Slice();
    for (const row of rows) {
      const record = mapper.map(row.cells);
      this.take(slice, row.rowNumber, record, record === null ? mapper.failure : null);
    }
    this.finish(slice, rows.length);
  }

  /** A mapped row: kept for the slice's write, or (refused by the mapping) recorded as the batch's error now. */
  private take(slice: Slice, rowNumber: number, record: MappedRecord | null, failure: RowFailure | null): void {
    if (record !== null) {
      slice.records.push({ rowNumber, record });
      return;
    }
    const refused = failure!;
    // Never picked: the whole import stops and asks.
    if (refused.ambiguity) throw undecidedCell(refused.ambiguity, rowNumber);
    this.batch.fail(rowNumber, refused.column, refused.message, refused.externalId, refused.field ?? null);
    if (this.problems.length < MAX_LISTED_PROBLEMS) slice.problems.push({ rowNumber, column: refused.column, message: refused.message });
  }

  private finish({ records, problems }: Slice, rowCount: number): void {
    if (records.length > 0) {
      // 'problems': errors, blocked rows and rows repeating an earlier row's record.
      const { rows: outcomes } = this.batch.write(records, { rows: 'problems' });
      for (const outcome of outcomes) {
        if (this.problems.length < MAX_LISTED_PROBLEMS) problems.push(this.problemOf(outcome));
      }
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.rowNumber - b.rowNumber);
      this.problems.push(...problems.slice(0, MAX_LISTED_PROBLEMS - this.problems.length));
    }
    this.rows += rowCount;
  }

  /** A written row's problem: the batch already names the column as the file calls it. */
  private problemOf(outcome: RowOutcome): RowProblem {
    const problem: RowProblem = { rowNumber: outcome.rowNumber, column: outcome.column ?? null, message: outcome.message ?? outcome.outcome };
    if (outcome.outcome !== 'error') problem.outcome = outcome.outcome as 'blocked_locked_period' | 'skipped_duplicate';
    if (outcome.sameAsRow !== undefined) problem.sameAsRow = outcome.sameAsRow;
    if (outcome.details !== undefined) problem.details = outcome.details;
    return problem;
  }
}

/** A slice's records to write and the problems found so far. */
class Slice {
  readonly records: RecordAtRow[] = [];
  readonly problems: RowProblem[] = [];
}

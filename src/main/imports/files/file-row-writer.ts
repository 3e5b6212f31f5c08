import type { ImportEntity } from '../../../shared/contract/imports';
import type { RowProblem } from '../../../shared/contract/import-files';
import { amountMicros } from '../mapping/amount-reader';
import { AMOUNT_FIELD } from '../mapping/field-kinds';
import { undecidedCell } from '../mapping/format-questions';
import type { MappedRecord, RowMapper } from '../mapping/row-mapper';
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
 * rows for the result and, for a check, the amount the rows would write.
 */
export class FileRowWriter {
  rows = 0;
  readonly problems: RowProblem[] = [];
  /** check only: micro-units the created and updated rows would hold. */
  amountToWrite = 0n;
  private readonly amountField: string | null;

  constructor(
    private readonly batch: ImportBatch,
    private readonly mapper: RowMapper,
    private readonly mode: 'check' | 'commit',
    entity: ImportEntity,
  ) {
    this.amountField = AMOUNT_FIELD[entity];
  }

  /** One batch of the reader (about 10,000 rows), mapped and written a slice at a time. */
  write(rows: readonly CsvRow[]): void {
    for (let i = 0; i < rows.length; i += SLICE_ROWS) this.writeSlice(i === 0 && rows.length <= SLICE_ROWS ? rows : rows.slice(i, i + SLICE_ROWS));
  }

  private writeSlice(rows: readonly CsvRow[]): void {
    const { batch, mapper } = this;
    const records: RecordAtRow[] = [];
    const problems: RowProblem[] = [];
    for (const row of rows) {
      const record = mapper.map(row.cells);
      if (record !== null) {
        records.push({ rowNumber: row.rowNumber, record });
        continue;
      }
      const failure = mapper.failure!;
      // Never picked: the whole import stops and asks.
      if (failure.ambiguity) throw undecidedCell(failure.ambiguity, row.rowNumber);
      batch.fail(row.rowNumber, failure.column, failure.message, failure.externalId);
      if (this.problems.length < MAX_LISTED_PROBLEMS) problems.push({ rowNumber: row.rowNumber, column: failure.column, message: failure.message });
    }
    if (records.length > 0) {
      const { rows: outcomes } = batch.write(records, { rows: this.mode === 'check' ? 'all' : 'problems' });
      for (let i = 0; i < outcomes.length; i++) {
        const outcome = outcomes[i];
        if (outcome.outcome === 'error' || outcome.outcome === 'blocked_locked_period') {
          if (this.problems.length < MAX_LISTED_PROBLEMS) problems.push(this.problemOf(outcome));
        } else if (this.mode === 'check' && (outcome.outcome === 'created' || outcome.outcome === 'updated')) {
          this.addAmount(records[i].record as MappedRecord);
        }
      }
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.rowNumber - b.rowNumber);
      this.problems.push(...problems.slice(0, MAX_LISTED_PROBLEMS - this.problems.length));
    }
    this.rows += rows.length;
  }

  /** The writer names fields; the wizard shows the file's columns. */
  private problemOf(outcome: RowOutcome): RowProblem {
    const field = outcome.column ?? null;
    const column = field === null ? null : (this.mapper.compiled.columnOfField.get(field) ?? field);
    return { rowNumber: outcome.rowNumber, column, message: outcome.message ?? outcome.outcome };
  }

  private addAmount(record: MappedRecord): void {
    const value = this.amountField === null ? undefined : record[this.amountField];
    if (value !== undefined) this.amountToWrite += amountMicros(value);
  }
}

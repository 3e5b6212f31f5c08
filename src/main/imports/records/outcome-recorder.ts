import type { Outcome } from '../../../shared/contract/imports';
import type { Database } from '../../db/driver';
import { CurrencyTotals } from './currency-totals';
import { emptyCounts, type RowOutcome } from './outcome';

/** A row a database rule refused (a check the row checks missed): SQLite's words go to the details line. */
export const WORKSPACE_REFUSED = 'the workspace refused the row: one of its values breaks a rule of the workspace; correct the row and import it again';

/** A rejected batch keeps at most this many refused rows to show. */
export const MAX_KEPT_PROBLEMS = 100_000;

/** The amount a written record holds after the write, in its currency (micro-units). */
export interface WrittenAmount {
  currency: string;
  micros: number;
}

interface Run {
  outcome: 'unchanged' | 'skipped_duplicate';
  row: number;
  id: number;
  length: number;
  externalId: string | null;
}

/**
 * Counts every row's outcome and stores the ones a created record cannot tell: created
 * rows are never stored (the record has batch_id + source_row), and consecutive rows
 * matching consecutive records (a re-imported file) collapse into one stored run.
 */
export class OutcomeRecorder {
  readonly counts = emptyCounts();
  /** Rows naming a record an earlier row of the batch named: skipped as identical, or refused as different. */
  readonly sameRecord = { identical: 0, different: 0 };
  rowsWritten = 0;
  createdFirstId: number | null = null;
  createdLastId: number | null = null;
  /** The current write() call's outcomes, returned to its caller: all, or only refused rows. */
  collected: RowOutcome[] = [];
  collectAll = true;
  /** Error and blocked rows (and repeats of a record), kept in memory so a rolled-back batch can still list them. */
  readonly problems: RowOutcome[] = [];
  /** What the created and updated records hold, per currency (revenues: amount; billing: final_sell). */
  readonly amounts = new CurrencyTotals();
  private run: Run | null = null;
  // Which row first updated, matched or was blocked on a record (or a new record's key):
  // see SameRecordRows. Records the batch created are found by their batch_id and source_row.
  private readonly rowByRecord = new Map<number, number>();
  private readonly blockedByRecord = new Map<number, number>();
  private readonly blockedByKey = new Map<string, number>();
  // Which row was refused with this external_id first: a refund naming it is told why its sale is missing.
  private readonly refusedByKey = new Map<string, number>();
  private readonly insert: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly batchId: number,
    /** A file batch: field -> the file's column feeding it, so stored rows name the column as the file calls it. */
    private readonly columnOfField?: ReadonlyMap<string, string>,
  ) {
    this.insert = db.prepare(
      `INSERT INTO import_outcomes (batch_id, row_number, outcome, record_id, run_length, external_id, column_name, message, changes, previous, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** The column a field came from, as the file calls it (a batch call's field as it is). */
  fileColumn(field: string): string {
    return this.columnOfField?.get(field) ?? field;
  }

  /** `amount`: what the record holds, for the control totals; null for records without an amount (payees, products). */
  created(rowNumber: number, id: number, externalId: string | null, amount: WrittenAmount | null): void {
    this.counts.created++;
    this.rowsWritten++;
    if (amount !== null) this.amounts.add(amount.currency, amount.micros);
    if (this.createdFirstId === null) this.createdFirstId = id;
    this.createdLastId = id;
    if (this.collectAll) this.collected.push({ rowNumber, outcome: 'created', id, externalId });
  }

  /** `previous` holds the changed columns' stored values, which undo writes back. */
  updated(rowNumber: number, id: number, externalId: string | null, changes: string[], previous: Record<string, unknown>, amount: WrittenAmount | null): void {
    this.counts.updated++;
    this.rowsWritten++;
    if (!this.rowByRecord.has(id)) this.rowByRecord.set(id, rowNumber);
    if (amount !== null) this.amounts.add(amount.currency, amount.micros);
    this.store(rowNumber, 'updated', id, 1, externalId, null, null, changes.join(','), JSON.stringify(previous));
    if (this.collectAll) this.collected.push({ rowNumber, outcome: 'updated', id, externalId, changes });
  }

  unchanged(rowNumber: number, id: number, externalId: string | null): void {
    this.counts.unchanged++;
    if (!this.rowByRecord.has(id)) this.rowByRecord.set(id, rowNumber);
    this.extendRun('unchanged', rowNumber, id, externalId);
    if (this.collectAll) this.collected.push({ rowNumber, outcome: 'unchanged', id, externalId });
  }

  duplicate(rowNumber: number, matchingId: number, externalId: string | null): void {
    this.counts.skipped_duplicate++;
    this.extendRun('skipped_duplicate', rowNumber, matchingId, externalId);
    if (this.collectAll) this.collected.push({ rowNumber, outcome: 'skipped_duplicate', id: matchingId, externalId });
  }

  /**
   * A row repeating, value for value, the record an earlier row of this batch named:
   * skipped, stored with its message, and listed with the problem rows so a check shows the pair.
   */
  sameRecordDuplicate(rowNumber: number, matchingId: number, externalId: string | null, sameAsRow: number, message: string): void {
    this.counts.skipped_duplicate++;
    this.sameRecord.identical++;
    this.flush();
    this.store(rowNumber, 'skipped_duplicate', matchingId, 1, externalId, null, message, null, null);
    this.keep({ rowNumber, outcome: 'skipped_duplicate', id: matchingId, externalId, message, sameAsRow });
  }

  /** A row naming the record an earlier row of this batch named, with other values: refused. */
  sameRecordError(rowNumber: number, field: string, message: string, externalId: string | null, sameAsRow: number): void {
    const column = this.fileColumn(field);
    this.counts.error++;
    this.sameRecord.different++;
    const line = technical('error', field);
    this.store(rowNumber, 'error', null, 1, externalId, column, message, null, null, line);
    this.keep({ rowNumber, outcome: 'error', id: null, externalId, column, message, sameAsRow, ...lineOf(line) });
  }

  /** `rows` consecutive rows matching consecutive records from `matchingId` on: one stored run. */
  duplicateRun(firstRow: number, matchingId: number, rows: number, externalId: string | null): void {
    this.flush();
    this.counts.skipped_duplicate += rows;
    this.run = { outcome: 'skipped_duplicate', row: firstRow, id: matchingId, length: rows, externalId };
  }

  blocked(rowNumber: number, id: number | null, externalId: string | null, field: string, message: string): void {
    const column = this.fileColumn(field);
    this.counts.blocked_locked_period++;
    if (id !== null && !this.blockedByRecord.has(id)) this.blockedByRecord.set(id, rowNumber);
    if (id === null && externalId !== null && !this.blockedByKey.has(externalId)) this.blockedByKey.set(externalId, rowNumber);
    const line = technical('blocked_locked_period', field);
    this.store(rowNumber, 'blocked_locked_period', id, 1, externalId, column, message, null, null, line);
    this.keep({ rowNumber, outcome: 'blocked_locked_period', id, externalId, column, message, ...lineOf(line) });
  }

  /**
   * `column`: as the file calls it (see fileColumn), or a batch call's field; `field`: the
   * record's field at fault, kept for the details line; `detail`: technical words (a
   * database's own message) that belong there rather than in the message.
   */
  error(rowNumber: number, column: string | null, message: string, externalId: string | null, field: string | null = null, detail: string | null = null): void {
    this.counts.error++;
    if (externalId !== null && !this.refusedByKey.has(externalId)) this.refusedByKey.set(externalId, rowNumber);
    const line = technical('error', field, detail);
    this.store(rowNumber, 'error', null, 1, externalId, column, message, null, null, line);
    this.keep({ rowNumber, outcome: 'error', id: null, externalId, column, message, ...(detail === null ? {} : { details: detail }), ...lineOf(line) });
  }

  /** The first row of this batch that updated this record or found it unchanged. */
  rowThatMatched(id: number): number | undefined {
    return this.rowByRecord.size > 0 ? this.rowByRecord.get(id) : undefined;
  }

  /** The first row of this batch refused for a locked period on this record, or (id null) on a new record with this key. */
  rowThatWasBlocked(id: number | null, key: string | null): number | undefined {
    if (id !== null) return this.blockedByRecord.size > 0 ? this.blockedByRecord.get(id) : undefined;
    return key !== null && this.blockedByKey.size > 0 ? this.blockedByKey.get(key) : undefined;
  }

  /** The first row of this batch refused as an error with this external_id. */
  rowThatWasRefused(key: string): number | undefined {
    return this.refusedByKey.size > 0 ? this.refusedByKey.get(key) : undefined;
  }

  /** Store the pending run; call before reading the stored outcomes or committing. */
  flush(): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    this.insert.run(this.batchId, run.row, run.outcome, run.id, run.length, run.externalId, null, null, null, null, null);
  }

  private keep(outcome: RowOutcome): void {
    this.collected.push(outcome);
    if (this.problems.length < MAX_KEPT_PROBLEMS) this.problems.push(outcome);
  }

  private extendRun(outcome: Run['outcome'], row: number, id: number, externalId: string | null): void {
    const run = this.run;
    if (run && run.outcome === outcome && row === run.row + run.length && id === run.id + run.length) {
      run.length++;
      return;
    }
    this.flush();
    this.run = { outcome, row, id, length: 1, externalId };
  }

  private store(
    row: number,
    outcome: Outcome,
    id: number | null,
    runLength: number,
    externalId: string | null,
    column: string | null,
    message: string | null,
    changes: string | null,
    previous: string | null,
    details: string | null = null,
  ): void {
    this.insert.run(this.batchId, row, outcome, id, runLength, externalId, column, message, changes, previous, details);
  }
}

function lineOf(line: string | null): { detailsLine?: string } {
  return line === null ? {} : { detailsLine: line };
}

/**
 * A refused row's details line: the outcome's code, the record's field at fault (as the
 * API names it; the message names the file's column) and any technical words, e.g.
 * "error · field refund_of". The message stays in the accountant's words.
 */
function technical(code: Outcome, field: string | null, detail: string | null = null): string | null {
  // A row refused with nothing technical to add (a file cell that could not be read) has no details line.
  if (!field && detail === null) return null;
  return [code, field ? `field ${field}` : null, detail].filter((part) => part !== null).join(' · ');
}

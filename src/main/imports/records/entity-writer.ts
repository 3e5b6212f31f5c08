import type { ImportOperation } from '../../../shared/contract/imports';
import type { Database } from '../../db/driver';
import type { RawRecord } from './field-readers';
import type { OutcomeRecorder } from './outcome-recorder';
import type { PeriodLocks } from './period-locks';
import type { SameFileRecords } from './same-file-records';
import type { SameRecordRows } from './same-record-rows';

/** What an entity's writer needs from its batch. */
export interface WriterContext {
  db: Database.Database;
  orgId: string;
  /** The org's time zone: the clock for dates without one, and whose months are periods. */
  timeZone: string;
  batchId: number;
  operation: ImportOperation;
  /** The batch's timestamp: created_at / updated_at of every row it writes. */
  now: string;
  locks: PeriodLocks;
  outcomes: OutcomeRecorder;
  sameFile: SameFileRecords;
  /** Rows naming a record an earlier row of this batch named. */
  sameRecord: SameRecordRows;
}

/**
 * Decides and applies one record of an entity. `write` reports exactly one outcome to
 * ctx.outcomes, or throws a FieldProblem (the batch records it as the row's error)
 * before it has written anything.
 */
export interface EntityWriter {
  write(rowNumber: number, raw: RawRecord): void;
  /** The record's key for the outcomes list, read leniently from a record that failed. */
  keyOf(raw: RawRecord): string | null;
  /**
   * A writer that holds rows back to write several at once reports their outcomes here;
   * the batch calls it before it records an outcome itself and at the end of each write.
   */
  flush?(): void;
  /** Work that must land with the batch's rows (usage: the current statement), run just before COMMIT. */
  beforeCommit?(): void;
}

/** external_id as given, for listing a failed row. */
export function externalIdOf(raw: RawRecord): string | null {
  const value = raw.external_id;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

import type { TaskProcessingNotes } from '../../shared/contract/tasks';
import type { Database } from '../db/driver';
import { CLOSE_CHECKS, recordsToProcess } from './checks';

/** Notes before any check ran. */
export function emptyNotes(period: string, records: number): TaskProcessingNotes {
  return { period, records_to_process: records, errors: [], warnings: [], checks: [], checks_done: 0, checks_total: CLOSE_CHECKS.length };
}

/**
 * Every close check over the month, in order, each result added to the notes as it comes;
 * `beforeEach` runs before each check (progress, and the place a cancel stops the close).
 */
export function runCloseChecks(db: Database.Database, orgId: string, period: string, beforeEach: (index: number, label: string, notes: TaskProcessingNotes) => void = () => {}): TaskProcessingNotes {
  const notes = emptyNotes(period, recordsToProcess(db, orgId, period));
  CLOSE_CHECKS.forEach((check, index) => {
    beforeEach(index, check.label, notes);
    const result = check.run(db, orgId, period);
    notes.checks.push(result.check);
    notes.errors.push(...result.errors);
    notes.warnings.push(...result.warnings);
    notes.checks_done = index + 1;
  });
  return notes;
}

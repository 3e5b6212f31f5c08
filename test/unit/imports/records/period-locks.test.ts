import { describe, expect, it } from 'vitest';
import { lockedMonthMessage, monthInWords, PeriodLocks } from '../../../../src/main/imports/records/period-locks';
import { tempWorkspace } from '../../../support/temp-workspace';

// The finalized-month guard's own answers: which months are locked (the org's finalized
// ones, no other org's, no month in progress), what a refusal says, and which months a
// batch leaves behind as periods of the org.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

describe('monthInWords', () => {
  it('names each month of the year with its year and the YYYY-MM form', () => {
    MONTHS.forEach((name, i) => {
      const period = `2026-${String(i + 1).padStart(2, '0')}`;
      expect(monthInWords(period)).toBe(`${name} 2026 (${period})`);
    });
  });

  it('gives back a text that is not a month as it is', () => {
    expect(monthInWords('2026-13')).toBe('2026-13');
    expect(monthInWords('2026-00')).toBe('2026-00');
  });

  it('says a locked month cannot change, with the month in words', () => {
    expect(lockedMonthMessage('2026-09')).toBe('September 2026 (2026-09) is locked, so this row is not written: a locked month cannot change');
  });
});

describe('PeriodLocks', () => {
  function setup() {
    const { workspace } = tempWorkspace();
    const db = workspace.db;
    const now = '2026-10-01T00:00:00Z';
    const org = db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)');
    org.run('org-a', 'Org A', now);
    org.run('org-b', 'Org B', now);
    const period = db.prepare('INSERT INTO periods VALUES (?, ?, ?, ?)');
    period.run('org-a', '2026-09', 'finalized', now);
    period.run('org-a', '2026-10', 'in_progress', null);
    period.run('org-b', '2026-08', 'finalized', now);
    return db;
  }

  it("locks the org's finalized months only: not a month in progress, not another org's finalized month", () => {
    const locks = new PeriodLocks(setup(), 'org-a');
    expect(locks.isLocked('2026-09')).toBe(true);
    expect(locks.isLocked('2026-10')).toBe(false);
    expect(locks.isLocked('2026-08')).toBe(false);
    expect(locks.isLocked('2026-11')).toBe(false);
    expect(locks.lockedMessage('2026-09')).toBe(lockedMonthMessage('2026-09'));
  });

  it('makes each month written into a period in progress and a month of the batch, leaving existing periods as they are', () => {
    const db = setup();
    const batchId = Number(
      db
        .prepare("INSERT INTO import_batches (org_id, entity, source, operation, on_error, status, created_at) VALUES ('org-a', 'revenues', 'api', 'create_only', 'skip', 'committed', '2026-10-01T00:00:00Z')")
        .run().lastInsertRowid,
    );
    const locks = new PeriodLocks(db, 'org-a');
    locks.noteWritten('2026-10');
    locks.noteWritten('2026-11');
    locks.noteWritten('2026-11');
    locks.openWrittenPeriods(batchId);
    expect(db.prepare('SELECT org_id, period, status, finalized_at FROM periods ORDER BY org_id, period').all()).toEqual([
      { org_id: 'org-a', period: '2026-09', status: 'finalized', finalized_at: '2026-10-01T00:00:00Z' },
      { org_id: 'org-a', period: '2026-10', status: 'in_progress', finalized_at: null },
      { org_id: 'org-a', period: '2026-11', status: 'in_progress', finalized_at: null },
      { org_id: 'org-b', period: '2026-08', status: 'finalized', finalized_at: '2026-10-01T00:00:00Z' },
    ]);
    expect(db.prepare('SELECT period FROM import_batch_periods WHERE batch_id = ? ORDER BY period').pluck().all(batchId)).toEqual(['2026-10', '2026-11']);
  });
});

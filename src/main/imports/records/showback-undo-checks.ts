import { ApiFailure } from '../../api/failure';
import type { Database } from '../../db/driver';
import { monthsBetween } from '../../showback/batch';
import { monthInWords, type PeriodLocks } from './period-locks';
import type { BatchToUndo, UpdatedRow } from './undo-batch';

interface ShowbackUndoScope {
  batch: BatchToUndo;
  updated: readonly UpdatedRow[];
  first: number;
  last: number;
  locks: PeriodLocks;
}

interface Row {
  id: number;
  key: string;
  /** The months the row counts in now. */
  first_month: string;
  last_month: string;
  updated_at: string;
}

const SELECT = {
  commitments: 'SELECT id, external_id AS key, term_start AS first_month, term_end AS last_month, updated_at FROM showback_commitments',
  showback_usage: `SELECT id, month || ' ' || account || ' ' || service || ' ' || child_org_id || ' ' || currency AS key, month AS first_month, month AS last_month, updated_at FROM showback_usage`,
} as const;

/**
 * Undoing a commitments or showback usage batch changes those rows back, so it is refused
 * (409, nothing changed) as a write would be: when a month a row counts in, now or before
 * the batch, is finalized (a commitment: every month of its term), or when a row was
 * written again since by commitments.batch / showback.usageBatch (they write no import
 * batch, so the row's updated_at is what tells).
 */
export function checkShowbackUndo(db: Database.Database, entity: keyof typeof SELECT, { batch, updated, first, last, locks }: ShowbackUndoScope): void {
  const created = db.prepare(`${SELECT[entity]} WHERE id BETWEEN ? AND ? AND batch_id = ?`).all(first, last, batch.id) as Row[];
  const byId = db.prepare(`${SELECT[entity]} WHERE id = ?`);
  const rows: Array<{ row: Row; before: Record<string, unknown> }> = [
    ...created.map((row) => ({ row, before: {} })),
    ...updated.flatMap((u) => {
      const row = byId.get(u.record_id) as Row | undefined;
      return row ? [{ row, before: JSON.parse(u.previous) as Record<string, unknown> }] : [];
    }),
  ];
  for (const { row, before } of rows) {
    const months = new Set(monthsBetween(row.first_month, row.last_month));
    // A commitment whose term the batch changed counts in its earlier term's months too.
    const start = typeof before.term_start === 'string' ? before.term_start : row.first_month;
    const end = typeof before.term_end === 'string' ? before.term_end : row.last_month;
    for (const m of monthsBetween(start, end)) months.add(m);
    const locked = [...months].sort().find((m) => locks.isLocked(m));
    const detail = { batchId: batch.id, record: row.key };
    if (locked) {
      throw new ApiFailure('conflict', 'period_locked', `Import batch ${batch.id} cannot be undone: it wrote ${row.key}, which counts in ${monthInWords(locked)}, and that month is locked`, {
        ...detail,
        period: locked,
      });
    }
    if (row.updated_at !== batch.created_at) {
      throw new ApiFailure('conflict', 'changed_since', `Import batch ${batch.id} cannot be undone: ${row.key} was written again after it (at ${row.updated_at})`, detail);
    }
  }
}

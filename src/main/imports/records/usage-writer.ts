import { ensureStatements } from '../../statements/generate';
import { USAGE_FIELDS, ZERO_USAGE } from '../../statements/statement-lines';
import { usageCycleRules } from '../../statements/usage-store';
import type { EntityWriter, WriterContext } from './entity-writer';
import { problem } from './field-problem';
import { readUsageRecord, type UsageFields } from './usage-record';

interface StoredUsage extends Record<(typeof USAGE_FIELDS)[number], number> {
  id: number;
  cycle_start: string;
  updated_at: string;
  batch_id: number | null;
  source_row: number | null;
}

const STORED = `id, cycle_start, ${USAGE_FIELDS.join(', ')}, updated_at, batch_id, source_row`;

/** The month a cycle's usage belongs to: the one its cycle ends in (the month whose close fixes its statement). */
export function usagePeriod(cycleEnd: string): string {
  return cycleEnd.slice(0, 7);
}

/**
 * Usage rows set an org's usage per billing cycle (seed 004), matched by the cycle's first
 * day. Not stored yet: created, counts not given are 0. Stored: the counts given replace
 * the stored ones (an empty cell keeps its count). The statements rules hold as for
 * usage.batch: a cycle must start on the anchor day, have begun and have a price plan; a
 * cycle whose statement is fixed never changes (a row repeating it is unchanged); a locked
 * month (the one the cycle ends in) blocks the row. After the batch, the current cycle's
 * statement is recomputed in the same transaction.
 */
export function usageWriter(ctx: WriterContext): EntityWriter {
  const { db, orgId, batchId, now, locks, outcomes, operation } = ctx;
  const rules = usageCycleRules(db, orgId);
  const byCycle = db.prepare(`SELECT ${STORED} FROM cycle_usage WHERE org_id = ? AND cycle_start = ?`);
  const orgExists = db.prepare('SELECT 1 FROM orgs WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO cycle_usage (org_id, cycle_start, ${USAGE_FIELDS.join(', ')}, updated_at, batch_id, source_row)
     VALUES (?, ?, ${USAGE_FIELDS.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  let wrote = false;
  const update = db.prepare(`UPDATE cycle_usage SET ${USAGE_FIELDS.map((f) => `${f} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);

  function checkOrg(f: UsageFields): void {
    if (f.org_id === undefined || f.org_id === orgId) return;
    if (!orgExists.get(f.org_id)) throw problem('org_id', `there is no organization "${f.org_id}"`);
    throw problem('org_id', `is "${f.org_id}", but this file is imported into "${orgId}": a usage file's rows are for the organization it is imported into`);
  }

  function diff(stored: StoredUsage, f: UsageFields) {
    const changes: string[] = [];
    const previous: Record<string, unknown> = {};
    for (const field of USAGE_FIELDS) {
      const value = f.counts[field];
      if (value === undefined || value === stored[field]) continue;
      previous[field] = stored[field];
      changes.push(field);
    }
    return { changes, previous };
  }

  return {
    keyOf: (raw) => (typeof raw.cycle_start === 'string' && raw.cycle_start.trim() !== '' ? raw.cycle_start.trim() : null),
    write(rowNumber, raw) {
      const f = readUsageRecord(raw);
      checkOrg(f);
      const key = f.cycle_start;
      const cycle = rules.cycleOf(key);
      if (typeof cycle === 'string') throw problem('cycle_start', cycle);
      const period = usagePeriod(cycle.end);
      const stored = byCycle.get(orgId, key) as StoredUsage | undefined;
      const earlier = stored && ctx.sameRecord.earlierRow(stored);
      if (earlier !== undefined) return ctx.sameRecord.repeat(rowNumber, earlier, stored!.id, key, () => diff(stored!, f).changes, 'cycle_start');
      if (stored && operation === 'create_only') return outcomes.duplicate(rowNumber, stored.id, key);
      if (!stored && operation === 'update_only') throw problem('cycle_start', `no usage is stored for the cycle ${key} to update`);
      const { changes, previous } = stored ? diff(stored, f) : { changes: ['created'], previous: {} };
      if (stored && changes.length === 0) return outcomes.unchanged(rowNumber, stored.id, key);
      if (locks.isLocked(period)) return outcomes.blocked(rowNumber, stored?.id ?? null, key, 'cycle_start', locks.lockedMessage(period));
      const fixed = rules.fixed(cycle);
      if (fixed) throw problem('cycle_start', fixed);
      locks.noteWritten(period);
      wrote = true;
      if (!stored) {
        const counts = { ...ZERO_USAGE, ...f.counts };
        const result = insert.run(orgId, key, ...USAGE_FIELDS.map((c) => counts[c]), now, batchId, rowNumber);
        return outcomes.created(rowNumber, Number(result.lastInsertRowid), key, null);
      }
      previous.updated_at = stored.updated_at;
      update.run(...USAGE_FIELDS.map((c) => f.counts[c] ?? stored[c]), now, stored.id);
      outcomes.updated(rowNumber, stored.id, key, changes, previous, null);
    },
    beforeCommit() {
      if (wrote) ensureStatements(db, orgId, 'after-write');
    },
  };
}

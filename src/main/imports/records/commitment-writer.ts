import { FIELD_OF, readCommitment, VALUE_COLUMNS, type Values } from '../../showback/commitments';
import { monthsBetween } from '../../showback/batch';
import { orgAndDescendants } from '../../orgs/org-subtree';
import { externalIdOf, type EntityWriter, type WriterContext } from './entity-writer';
import { problem } from './field-problem';
import type { RecordOrigin } from './same-record-rows';
import { asFieldProblem, showbackRecord } from './showback-fields';

type StoredCommitment = Values & RecordOrigin & { updated_at: string };

/**
 * Commitment rows (showback, issue 12) from a file, upserted by external_id with the
 * checks of commitments.batch (readCommitment): a term ending before it starts, a
 * negative amount, fixed shares not adding up to 100... refuse the row naming its column.
 * A commitment counts in every month of its term, so a row is blocked_locked_period when
 * any month of its term (the stored one and the new one, on an update) is finalized.
 */
export function commitmentWriter(ctx: WriterContext): EntityWriter {
  const { db, orgId, batchId, now, locks, outcomes, operation } = ctx;
  const orgCurrency = db.prepare('SELECT currency FROM orgs WHERE id = ?').pluck().get(orgId) as string;
  const orgsBelow = new Set(orgAndDescendants(db, orgId));
  const find = db.prepare(`SELECT id, external_id, ${VALUE_COLUMNS.join(', ')}, updated_at, batch_id, source_row FROM showback_commitments WHERE org_id = ? AND external_id = ?`);
  const insert = db.prepare(
    `INSERT INTO showback_commitments (org_id, external_id, ${VALUE_COLUMNS.join(', ')}, created_at, updated_at, batch_id, source_row)
     VALUES (?, ?, ${VALUE_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
  );
  const update = db.prepare(`UPDATE showback_commitments SET ${VALUE_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);
  const lockedIn = (v: Pick<Values, 'term_start' | 'term_end'>) => monthsBetween(v.term_start, v.term_end).find((m) => locks.isLocked(m));

  function diff(stored: StoredCommitment, v: Values) {
    const changed = VALUE_COLUMNS.filter((c) => v[c] !== stored[c]);
    const previous: Record<string, unknown> = {};
    for (const c of changed) previous[c] = stored[c];
    return { changes: changed.map((c) => FIELD_OF[c] ?? c), previous };
  }

  return {
    keyOf: externalIdOf,
    write(rowNumber, raw) {
      const v = asFieldProblem(() => readCommitment(showbackRecord(raw), orgCurrency, orgsBelow));
      const key = v.external_id;
      const stored = find.get(orgId, key) as StoredCommitment | undefined;
      const earlier = stored && ctx.sameRecord.earlierRow(stored);
      if (earlier !== undefined) return ctx.sameRecord.repeat(rowNumber, earlier, stored!.id, key, () => diff(stored!, v).changes, 'external_id');
      if (stored && operation === 'create_only') return outcomes.duplicate(rowNumber, stored.id, key);
      if (!stored) {
        if (operation === 'update_only') throw problem('external_id', `no commitment ${key} to update`);
        const month = lockedIn(v);
        if (month) return outcomes.blocked(rowNumber, null, key, 'term_start', locks.lockedMessage(month));
        const result = insert.run(orgId, key, ...VALUE_COLUMNS.map((c) => v[c]), now, now, batchId, rowNumber);
        return outcomes.created(rowNumber, Number(result.lastInsertRowid), key, null);
      }
      const { changes, previous } = diff(stored, v);
      if (changes.length === 0) return outcomes.unchanged(rowNumber, stored.id, key);
      // A change reaches every month of the old term and of the new: none may be finalized.
      const month = lockedIn(stored) ?? lockedIn(v);
      if (month) return outcomes.blocked(rowNumber, stored.id, key, 'term_start', locks.lockedMessage(month));
      previous.updated_at = stored.updated_at;
      update.run(...VALUE_COLUMNS.map((c) => v[c]), now, stored.id);
      outcomes.updated(rowNumber, stored.id, key, changes, previous, null);
    },
  };
}

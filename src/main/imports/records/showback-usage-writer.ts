import { readUsage, type UsageValues } from '../../showback/usage';
import { orgAndDescendants } from '../../orgs/org-subtree';
import type { EntityWriter, WriterContext } from './entity-writer';
import { problem } from './field-problem';
import type { RawRecord } from './field-readers';
import type { RecordOrigin } from './same-record-rows';
import { asFieldProblem, showbackRecord } from './showback-fields';

type StoredUsage = Pick<UsageValues, 'on_demand_cost_micros' | 'covered_cost_micros'> & RecordOrigin & { updated_at: string };

const KEY_FIELDS = ['month', 'account', 'service', 'child_org_id', 'currency'] as const;

/** A usage row's key as the outcomes list names it: "2026-03 acct-a compute org-a USD", as showback.usageBatch does. */
export function showbackUsageKey(v: Pick<UsageValues, (typeof KEY_FIELDS)[number]>): string {
  return KEY_FIELDS.map((f) => v[f]).join(' ');
}

/**
 * Showback usage rows (issue 12) from a file: one row per month, account, service, child
 * org and currency, with the checks of showback.usageBatch (readUsage). A row of a
 * finalized month is blocked_locked_period; a row written makes its month one of the
 * org's periods, as every import does.
 */
export function showbackUsageWriter(ctx: WriterContext): EntityWriter {
  const { db, orgId, batchId, now, locks, outcomes, operation } = ctx;
  const orgCurrency = db.prepare('SELECT currency FROM orgs WHERE id = ?').pluck().get(orgId) as string;
  const orgsBelow = new Set(orgAndDescendants(db, orgId));
  const find = db.prepare(
    `SELECT id, on_demand_cost_micros, covered_cost_micros, updated_at, batch_id, source_row FROM showback_usage
     WHERE org_id = ? AND month = ? AND account = ? AND service = ? AND child_org_id = ? AND currency = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO showback_usage (org_id, month, account, service, child_org_id, currency, on_demand_cost_micros, covered_cost_micros, created_at, updated_at, batch_id, source_row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare('UPDATE showback_usage SET on_demand_cost_micros = ?, covered_cost_micros = ?, updated_at = ? WHERE id = ?');

  function diff(stored: StoredUsage, v: UsageValues) {
    const changes: string[] = [];
    const previous: Record<string, unknown> = {};
    for (const field of ['on_demand_cost', 'covered_cost'] as const) {
      const column = `${field}_micros` as const;
      if (v[column] === stored[column]) continue;
      changes.push(field);
      previous[column] = stored[column];
    }
    return { changes, previous };
  }

  return {
    // Read leniently from a row that failed: the parts it has.
    keyOf: (raw: RawRecord) => {
      const parts = KEY_FIELDS.map((f) => raw[f]).filter((p): p is string => typeof p === 'string' && p.trim() !== '');
      return parts.length > 0 ? parts.map((p) => p.trim()).join(' ') : null;
    },
    write(rowNumber, raw) {
      const v = asFieldProblem(() => readUsage(showbackRecord(raw), orgId, orgCurrency, orgsBelow));
      const key = showbackUsageKey(v);
      const stored = find.get(orgId, v.month, v.account, v.service, v.child_org_id, v.currency) as StoredUsage | undefined;
      const earlier = stored && ctx.sameRecord.earlierRow(stored);
      if (earlier !== undefined) return ctx.sameRecord.repeat(rowNumber, earlier, stored!.id, key, () => diff(stored!, v).changes, 'month');
      if (stored && operation === 'create_only') return outcomes.duplicate(rowNumber, stored.id, key);
      if (!stored && operation === 'update_only') throw problem('month', `no usage ${key} to update`);
      const { changes, previous } = stored ? diff(stored, v) : { changes: [], previous: {} as Record<string, unknown> };
      if (stored && changes.length === 0) return outcomes.unchanged(rowNumber, stored.id, key);
      if (locks.isLocked(v.month)) return outcomes.blocked(rowNumber, stored?.id ?? null, key, 'month', locks.lockedMessage(v.month));
      locks.noteWritten(v.month);
      if (!stored) {
        const result = insert.run(orgId, v.month, v.account, v.service, v.child_org_id, v.currency, v.on_demand_cost_micros, v.covered_cost_micros, now, now, batchId, rowNumber);
        return outcomes.created(rowNumber, Number(result.lastInsertRowid), key, null);
      }
      previous.updated_at = stored.updated_at;
      update.run(v.on_demand_cost_micros, v.covered_cost_micros, now, stored.id);
      outcomes.updated(rowNumber, stored.id, key, changes, previous, null);
    },
  };
}

import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { decimalToRowMicros, MoneyError } from '../../shared/money';
import { orgBilling } from '../statements/billing-settings';
import { currencySymbol } from '../statements/display';
import type { SyncCounts, SyncSource } from '../../shared/contract/sync';
import { conflictStore, LinkKeeper } from './detect-conflicts';
import { markGone } from './gone-from-server';
import { COST_FIELDS, COUNT_FIELDS, PRICE_UNITS } from './sources/statements';
import type { Pull, PulledRecord } from './sources/source-adapter';
import type { StoredPull } from './store-pull';
import { SyncFault } from './sync-fault';

// Seed 004's statements as rows of the org's `statements`, origin 'synced' (migration 40),
// inside the sync's transaction. The seed's statement has no per-use counts for widgets and
// backups, no widget or backup prices and no credits applied: those columns are 0, and the
// amount due is the total. A statement generated here (origin 'local') is never overwritten:
// a fixed one is blocked, the current one (computed here from the org's plans) is a
// conflict the person resolves. A statement whose cycle ends in a finalized month is
// blocked too (a cycle belongs to the month it ends in, as for usage).

export type StatementOutcome = 'created' | 'updated' | 'unchanged' | 'blocked_locked_period' | 'conflict';

export interface StoredStatement {
  /** The record in the local field names (what the link's server hash and a conflict keep). */
  record: PulledRecord;
  outcome: StatementOutcome;
  /** The local statement, when there is one. */
  id: number | null;
  /** The sync wrote the row or found it as the server has it: its link keeps both hashes (the baseline of conflicts). */
  stamp: boolean;
}

interface LocalStatement {
  id: number;
  sid: string;
  origin: 'local' | 'synced';
  is_current: number;
  [column: string]: unknown;
}

/** The columns a synced statement sets, from the record's fields (amounts as micro-units). */
function columnsOf(fields: Record<string, unknown>, now: string): Record<string, string | number> {
  const micros = (field: string) => Number(decimalToRowMicros(fields[field] as string));
  const total = micros('total');
  const out: Record<string, string | number> = {
    date_start: fields.date_start as string,
    date_end: fields.date_end as string,
    currency: fields.currency as string,
    is_current: fields.is_current ? 1 : 0,
    is_subscription: fields.is_subscription ? 1 : 0,
    file_size_mb: fields.file_size_mb as number,
    section_widget_uses: 0,
    column_widget_uses: 0,
    backups: 0,
    section_widget_price_micros: 0,
    column_widget_price_micros: 0,
    backup_price_micros: 0,
    credits_applied_micros: 0,
    amount_due_micros: total,
    plan_segments: '[]',
    generated_at: now,
  };
  for (const field of COUNT_FIELDS) out[field] = fields[field] as number;
  for (const field of [...COST_FIELDS, ...Object.keys(PRICE_UNITS)]) out[`${field}_micros`] = micros(field);
  return out;
}

/** The seed's amounts carry a symbol: it must be the org's currency (its symbol or its code). */
function inOrgCurrency(record: PulledRecord, currency: string, label: string): PulledRecord {
  const { currency_symbol: symbol, ...rest } = record.fields;
  if (symbol !== currencySymbol(currency).trim() && symbol !== currency) {
    throw new SyncFault(`${label}: statement ${record.sourceId}: its amounts are in "${String(symbol)}", not the org's currency ${currency} (${currencySymbol(currency).trim()}); nothing of this source was written`);
  }
  return { ...record, fields: { ...rest, currency } };
}

// Prepared once per connection: a first sync writes thousands of statements.
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function statement(db: Database.Database, sql: string): Database.Statement {
  let bySql = prepared.get(db);
  if (!bySql) prepared.set(db, (bySql = new Map()));
  let found = bySql.get(sql);
  if (!found) bySql.set(sql, (found = db.prepare(sql)));
  return found;
}

function isFinalized(db: Database.Database, orgId: string, day: string): boolean {
  return statement(db, "SELECT 1 FROM periods WHERE org_id = ? AND period = ? AND status = 'finalized'").get(orgId, day.slice(0, 7)) !== undefined;
}

/** columnsOf, an amount too large for a row refused naming the statement. */
function checkedColumns(record: PulledRecord, now: string, label: string): Record<string, string | number> {
  try {
    return columnsOf(record.fields, now);
  } catch (error) {
    if (error instanceof MoneyError) throw new SyncFault(`${label}: statement ${record.sourceId}: ${error.message}; nothing of this source was written`);
    throw error;
  }
}

/** Write one synced statement's columns: a new row under the server's sid, or over a synced row. */
export function writeSyncedStatement(db: Database.Database, orgId: string, record: PulledRecord, existingId: number | null, now: string, label: string): number {
  const columns = checkedColumns(record, now, label);
  const names = Object.keys(columns);
  const taken = statement(db, 'SELECT org_id FROM statements WHERE sid = ? AND id IS NOT ?').get(record.sourceId, existingId) as { org_id: string } | undefined;
  if (taken !== undefined) throw new SyncFault(`${label}: statement ${record.sourceId}: the sid is already a statement of ${taken.org_id === orgId ? 'this org for another cycle' : `org ${taken.org_id}`}; nothing of this source was written`);
  if (existingId !== null) {
    // Over a statement generated here (take_server): its credits are no longer applied to it, and it takes the server's sid.
    statement(db, 'DELETE FROM credit_applications WHERE statement_id = ?').run(existingId);
    statement(db, `UPDATE statements SET ${names.map((n) => `${n} = ?`).join(', ')}, sid = ?, origin = 'synced' WHERE id = ?`).run(...Object.values(columns), record.sourceId, existingId);
    return existingId;
  }
  const all = ['sid', 'org_id', 'origin', ...names];
  const sql = `INSERT INTO statements (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`;
  return Number(statement(db, sql).run(record.sourceId, orgId, 'synced', ...Object.values(columns)).lastInsertRowid);
}

/**
 * sync.resolve take_server for a statement (not an import entity): the server's statement is
 * written over the local one, which becomes synced (the generator here leaves it alone from
 * then on). Refused when its cycle's month is finalized, or the local statement is fixed.
 */
export function takeServerStatement(db: Database.Database, orgId: string, sourceId: string, server: Record<string, unknown>, localId: number, now: string): number {
  const name = `statement ${sourceId}`;
  const local = db.prepare('SELECT origin, is_current FROM statements WHERE id = ? AND org_id = ?').get(localId, orgId) as { origin: string; is_current: number } | undefined;
  if (isFinalized(db, orgId, server.date_end as string)) {
    throw new ApiFailure('conflict', 'blocked_locked_period', `Cannot take the server's version of ${name}: its cycle ends in ${(server.date_end as string).slice(0, 7)}, a finalized month`, { sourceId });
  }
  if (local?.origin === 'local' && local.is_current === 0) {
    throw new ApiFailure('conflict', 'statement_fixed', `Cannot take the server's version of ${name}: the statement generated here for that cycle is fixed`, { sourceId });
  }
  try {
    return writeSyncedStatement(db, orgId, { sourceId, label: name, fields: server }, local ? localId : null, now, 'statements source (seed 004)');
  } catch (error) {
    if (error instanceof SyncFault) throw new ApiFailure('validation_error', 'server_values_refused', error.message, { sourceId });
    throw error;
  }
}

/** Whether the stored row already holds the record's values (a re-run writes nothing then). */
function holds(row: LocalStatement, columns: Record<string, string | number>): boolean {
  return Object.entries(columns).every(([name, value]) => name === 'generated_at' || row[name] === value);
}

/**
 * Judge and write each statement (see the rules above). `links` judges against the hashes the
 * last sync kept; `conflict(record, localId)` keeps a conflict with both values.
 */
export function storeStatements(
  db: Database.Database,
  orgId: string,
  label: string,
  records: PulledRecord[],
  links: LinkKeeper,
  conflict: (record: PulledRecord, localId: number) => void,
  now: string,
): StoredStatement[] {
  const { currency } = orgBilling(db, orgId);
  const byCycle = statement(db, 'SELECT * FROM statements WHERE org_id = ? AND date_start = ?');
  const normalized = records.map((record) => inOrgCurrency(record, currency, label));
  // Judged before any write: a run's own writes are not local changes.
  const verdicts = normalized.map((record) => links.judge('statements', record));
  return normalized.map((record, i): StoredStatement => {
    const verdict = verdicts[i]!;
    const existing = byCycle.get(orgId, record.fields.date_start) as LocalStatement | undefined;
    if (verdict.kind === 'same') return { record, outcome: 'unchanged', id: verdict.localId, stamp: false };
    if (verdict.kind === 'conflict') {
      conflict(record, verdict.localId);
      return { record, outcome: 'conflict', id: verdict.localId, stamp: false };
    }
    if (existing?.origin === 'local') {
      if (existing.is_current === 0) return { record, outcome: 'blocked_locked_period', id: existing.id, stamp: false };
      conflict(record, existing.id);
      return { record, outcome: 'conflict', id: existing.id, stamp: false };
    }
    if (isFinalized(db, orgId, record.fields.date_end as string)) return { record, outcome: 'blocked_locked_period', id: existing?.id ?? null, stamp: false };
    if (existing && holds(existing, checkedColumns(record, now, label))) return { record, outcome: 'unchanged', id: existing.id, stamp: true };
    const id = writeSyncedStatement(db, orgId, record, existing?.id ?? null, now, label);
    return { record, outcome: existing ? 'updated' : 'created', id, stamp: true };
  });
}

/** The statements source's pull in the sync's transaction (run-sync.ts calls it as it calls storePull). */
export function storeStatementsPull(db: Database.Database, orgId: string, source: SyncSource, label: string, pull: Pull, runId: number, now: string): StoredPull {
  const counts: SyncCounts = { fetched: 0, created: 0, updated: 0, unchanged: 0, blocked_locked_period: 0, conflict: 0 };
  const links = new LinkKeeper(db, orgId, source, runId, now);
  const keepConflict = conflictStore(db, orgId, source, runId, now);
  // Source ids read this run, and those found as stored: a mark that goes is counted once, as updated.
  const fetched = new Set<string>();
  const unchanged = new Set<string>();
  for (const { entity, records } of pull.entities) {
    if (entity !== 'statements') throw new Error(`The statements source does not write ${entity}`);
    counts.fetched += records.length;
    for (const row of storeStatements(db, orgId, label, records, links, (record, localId) => keepConflict(entity, record, localId), now)) {
      counts[row.outcome]++;
      fetched.add(row.record.sourceId);
      if (row.outcome === 'unchanged') unchanged.add(row.record.sourceId);
      if (row.id !== null) links.link(entity, row.record, row.id, row.stamp);
    }
  }
  links.finish();
  const listing = pull.entities.find((e) => e.entity === 'statements')?.listing;
  if (listing) {
    // The server's complete list: a synced statement it lacks is marked (a cycle ending in a finalized month is left as it is).
    const endOf = db.prepare('SELECT date_end FROM statements WHERE id = ?').pluck();
    const gone = markGone(db, orgId, source, 'statements', listing, now, (link) => {
      const end = endOf.get(link.local_id) as string | undefined;
      return end !== undefined && isFinalized(db, orgId, end);
    });
    counts.updated += gone.marked;
    counts.blocked_locked_period += gone.blocked;
    // Listed again, as stored: only its mark changed.
    for (const sid of gone.relisted) {
      if (unchanged.has(sid)) counts.unchanged--;
      else if (fetched.has(sid)) continue;
      counts.updated++;
    }
  }
  // Statements are not an import entity: no import batch; the run and its links are the record of it.
  return { counts, batches: {} };
}

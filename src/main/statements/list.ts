import type { Database } from '../db/driver';
import type { StatementDetail, StatementPage, StatementResult, StatementSerializer } from '../../shared/contract/statements';
import { notFound } from '../api/failure';
import { orgBilling } from './billing-settings';
import { ensureStatements } from './generate';
import { serialize, toDetail, type StatementDbRow } from './serialize';

/** A synced statement the server no longer lists is marked on its link (store-statements.ts, migration 43). */
const DELETED_ON_SERVER = `(SELECT l.deleted_on_server_at FROM sync_links l
  WHERE l.org_id = statements.org_id AND l.source = 'statements' AND l.entity = 'statements' AND l.source_id = statements.sid) AS deleted_on_server_at`;

const prepared = new WeakMap<Database.Database, { count: Database.Statement; names: Database.Statement; rows: Database.Statement }>();

function listStatementsSql(db: Database.Database) {
  let sql = prepared.get(db);
  if (!sql) {
    const page = (columns: string) => db.prepare(`SELECT ${columns} FROM statements WHERE org_id = ? ORDER BY date_start DESC LIMIT ? OFFSET ?`);
    sql = { count: db.prepare('SELECT count(*) FROM statements WHERE org_id = ?').pluck(), names: page('sid, date_start, date_end'), rows: page(`*, ${DELETED_ON_SERVER}`) };
    prepared.set(db, sql);
  }
  return sql;
}

export interface ListInput {
  orgId: string;
  serializer: StatementSerializer;
  page_size: number;
  page_number: number;
}

/** Seed 004's page, newest cycle first. A page past the last is a 404 naming page_number. */
export function listStatements(db: Database.Database, input: ListInput, today?: string): StatementPage<StatementResult> {
  orgBilling(db, input.orgId);
  ensureStatements(db, input.orgId, 'on-read', today);
  const sql = listStatementsSql(db);
  const count = sql.count.get(input.orgId) as number;
  const pageCount = Math.max(1, Math.ceil(count / input.page_size));
  if (input.page_number > pageCount) {
    throw notFound('page_not_found', `page_number ${input.page_number} is past the last page (${pageCount} of ${input.page_size} statements each)`, {
      issues: [{ field: 'page_number', message: `must be at most ${pageCount}` }],
    });
  }
  const page = input.serializer === 'name' ? sql.names : sql.rows;
  const rows = page.all(input.orgId, input.page_size, (input.page_number - 1) * input.page_size) as StatementDbRow[];
  return {
    page_size: input.page_size,
    page_number: input.page_number,
    page_count: pageCount,
    count,
    next: input.page_number < pageCount ? input.page_number + 1 : null,
    previous: input.page_number > 1 ? input.page_number - 1 : null,
    // Statements are generated, never posted (statements.create is refused).
    add_permission: false,
    results: rows.map((row) => serialize(row, input.serializer)),
  };
}

export function getStatement(db: Database.Database, sid: string, today?: string): StatementDetail {
  // A current statement whose cycle has ended is frozen first (its is_current turns false).
  const orgId = db.prepare('SELECT org_id FROM statements WHERE sid = ?').pluck().get(sid) as string | undefined;
  if (orgId !== undefined) ensureStatements(db, orgId, 'on-read', today);
  const row = db.prepare(`SELECT *, ${DELETED_ON_SERVER} FROM statements WHERE sid = ?`).get(sid) as StatementDbRow | undefined;
  if (!row) throw notFound('statement_not_found', `There is no statement "${sid}" in this workspace`, { sid });
  return toDetail(row);
}

import { REVENUE_COLUMN_LABELS, REVENUE_KIND_LABELS } from '../../shared/contract/revenue-labels';
import { REVENUE_KINDS, type RevenueColumn } from '../../shared/contract/revenues';
import type { Database } from '../db/driver';
import type { CancelSignal } from '../api/context';
import { textCell, writeCsvChunks, type CsvWriteResult } from '../export/csv-file';
import { registerCsvFunctions, sqlIntegerCell, sqlLiteral, sqlMoneyCell, sqlShapedTextCell, sqlTextCell, CSV_TEXT_FUNCTION } from '../export/csv-sql';
import { createKeyTable, lineChunks } from '../export/sql-lines';
import { WorkspaceChangedDuringExport, useTwoThreads, writeCsvTwoThreads } from '../export/two-thread-csv';
import { writeState } from '../db/write-state';
import { wallTimeSql } from '../export/wall-time-sql';
import { neededFrom } from '../grid/page-query';
import { orgTimeZone } from '../orgs/org-time-zone';
import { REVENUE_FROM, REVENUE_GRID_COLUMNS, REVENUE_TABLES } from './columns';
import { compileRevenueView, revenueQuery, type RevenueView } from './view';

// Cells as the screen reads them, in forms a spreadsheet takes as what they are: dates as
// 'YYYY-MM-DD HH:MM:SS' on the org's clock (the zone in the heading), kinds by their
// labels, amounts as exact plain decimals. SQLite writes each line (export/csv-sql.ts);
// the rules are textCell's, microsToDecimal's and instantToWallText's, byte for byte
// (test/integration/revenue-export-bytes.test.ts compares with the row-by-row writer).

/** The rows an export writes, in its order: what it wrote row by row before, and what the benchmark gives sqlite3. */
export function revenueExportQuery(db: Database.Database, view: RevenueView & { columns: RevenueColumn[] }): { sql: string; params: unknown[] } {
  const { where, params, orderBy } = compileRevenueView(db, view);
  const select = view.columns.map((c) => REVENUE_GRID_COLUMNS[c].sql).join(', ');
  return { sql: `SELECT ${select} ${REVENUE_FROM} WHERE ${where} ORDER BY ${orderBy}`, params };
}

/** The view's keys in the export's order: only the joins its filters and sort need. */
export function revenueExportKeysQuery(db: Database.Database, view: RevenueView): { sql: string; params: unknown[] } {
  const { where, params, orderBy } = compileRevenueView(db, view);
  return { sql: `SELECT r.id ${neededFrom(REVENUE_TABLES, `${where} ${orderBy}`)} WHERE ${where} ORDER BY ${orderBy}`, params };
}

const KIND_CELL = `CASE r.kind ${REVENUE_KINDS.map((k) => `WHEN ${sqlLiteral(k)} THEN ${sqlLiteral(textCell(REVENUE_KIND_LABELS[k]))}`).join(' ')} ELSE ${CSV_TEXT_FUNCTION}(r.kind) END`;

const PAYEE_CELLS = 'closebook_export_payee_cells';
const PRODUCT_CELLS = 'closebook_export_product_cells';

/**
 * The cells of the scope's payee and product names and categories, written once each into
 * temporary tables (a few thousand names, against a million rows naming them). CREATE
 * TABLE ... AS is not counted as a change, so the grid's kept counts survive an export.
 */
function createNameCells(db: Database.Database, orgIds: readonly string[]): () => void {
  const orgs = orgIds.map(() => '?').join(', ');
  const drop = () => db.exec(`DROP TABLE IF EXISTS temp.${PAYEE_CELLS}; DROP TABLE IF EXISTS temp.${PRODUCT_CELLS}`);
  drop();
  db.prepare(`CREATE TEMP TABLE ${PAYEE_CELLS} AS SELECT id, ${sqlTextCell('payees.name')} AS cell FROM payees WHERE org_id IN (${orgs})`).run(...orgIds);
  db.exec(`CREATE UNIQUE INDEX temp.${PAYEE_CELLS}_id ON ${PAYEE_CELLS} (id, cell)`);
  db.prepare(
    `CREATE TEMP TABLE ${PRODUCT_CELLS} AS SELECT id, ${sqlTextCell('products.name')} AS name_cell, ${sqlTextCell('products.category')} AS category_cell FROM products WHERE org_id IN (${orgs})`,
  ).run(...orgIds);
  db.exec(`CREATE UNIQUE INDEX temp.${PRODUCT_CELLS}_id ON ${PRODUCT_CELLS} (id, name_cell, category_cell)`);
  return drop;
}

// A revenue naming a payee or product outside the scope's (none should) is looked up row by row.
const NAME_CELLS: Partial<Record<RevenueColumn, { cell: string; join: string }>> = {
  payeeName: {
    cell: `coalesce(pc.cell, (SELECT ${sqlTextCell('payees.name')} FROM payees WHERE payees.id = r.payee_id), '')`,
    join: `LEFT JOIN temp.${PAYEE_CELLS} pc ON pc.id = r.payee_id`,
  },
  productName: {
    cell: `coalesce(prc.name_cell, (SELECT ${sqlTextCell('products.name')} FROM products WHERE products.id = r.product_id), '')`,
    join: `LEFT JOIN temp.${PRODUCT_CELLS} prc ON prc.id = r.product_id`,
  },
  productCategory: {
    cell: `coalesce(prc.category_cell, (SELECT ${sqlTextCell('products.category')} FROM products WHERE products.id = r.product_id), '')`,
    join: `LEFT JOIN temp.${PRODUCT_CELLS} prc ON prc.id = r.product_id`,
  },
};

/** The SQL cell of each column but the date and the names above; the orgs' names are written once, as literals. */
function cellSql(column: RevenueColumn, orgNames: ReadonlyMap<string, string>): string {
  switch (column) {
    case 'kind':
      return KIND_CELL;
    case 'amount':
      return sqlMoneyCell('r.amount_micros');
    case 'quantity':
      return sqlIntegerCell('r.quantity');
    case 'currency':
      return sqlShapedTextCell('r.currency', '[A-Z][A-Z][A-Z]');
    case 'period':
      return sqlShapedTextCell('r.period', '[0-9][0-9][0-9][0-9]-[0-9][0-9]');
    case 'orgName':
      return `CASE r.org_id ${[...orgNames].map(([id, name]) => `WHEN ${sqlLiteral(id)} THEN ${sqlLiteral(textCell(name))}`).join(' ')} ELSE '' END`;
    default:
      return sqlTextCell(REVENUE_GRID_COLUMNS[column].sql);
  }
}

/**
 * The UTC instants the view's months can hold: each month's days and a day more each side
 * (offsets reach 14 hours), overlapping spans merged. The months are found by index seeks
 * (the next month of each org after the last found), so a gap of years between two months
 * costs nothing and lists no hours.
 */
function instantRanges(db: Database.Database, orgIds: readonly string[], period: string | null): Array<[number, number]> {
  const months = new Set<string>();
  if (period) months.add(period);
  else {
    const next = db.prepare('SELECT min(period) FROM revenues WHERE org_id = ? AND period > ?').pluck();
    for (const orgId of orgIds) {
      for (let month = next.get(orgId, '') as string | null; month !== null; month = next.get(orgId, month) as string | null) months.add(month);
    }
  }
  const day = 86_400_000;
  const spans = [...months]
    .filter((m) => /^\d{4}-\d\d$/.test(m))
    .sort()
    .map((m): [number, number] => {
      const [year, month] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
      return [Date.UTC(year, month - 1, 1) - day, Date.UTC(year, month, 1) + day];
    });
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/** A view's export lines: how many, the chunk statement (sql-lines.ts), and the temporary tables to drop after. */
export interface RevenueExportLines {
  count: number;
  lineSql: string;
  drop(): void;
}

/**
 * Prepares the lines of a view on a connection (in a read transaction the caller holds):
 * its keys in the export's order, the wall-clock hours and the name cells. The exporting
 * thread and a lines worker each run it on their own connection.
 */
export function revenueExportLines(db: Database.Database, view: RevenueView & { columns: RevenueColumn[] }): RevenueExportLines {
  registerCsvFunctions(db);
  const timeZone = orgTimeZone(db, view.orgId);
  const orgIds = revenueQuery(db, view, '').scope[0].params as string[];
  const orgNames = new Map(orgIds.map((id) => [id, db.prepare('SELECT name FROM orgs WHERE id = ?').pluck().get(id) as string]));
  const keysQuery = revenueExportKeysQuery(db, view);
  const drops: Array<() => void> = [];
  const drop = () => {
    for (const d of drops.reverse()) d();
    drops.length = 0;
  };
  try {
    const keys = createKeyTable(db, keysQuery.sql, keysQuery.params);
    drops.push(keys.drop);
    const wall = view.columns.includes('occurredAt') ? wallTimeSql(db, 'r.occurred_at', timeZone, instantRanges(db, orgIds, view.period)) : null;
    if (wall) drops.push(wall.drop);
    drops.push(createNameCells(db, orgIds));
    const cells = view.columns.map((c) => (c === 'occurredAt' ? wall!.cell : (NAME_CELLS[c]?.cell ?? cellSql(c, orgNames))));
    const joins = new Set([wall?.join ?? '', ...view.columns.map((c) => NAME_CELLS[c]?.join ?? '')]);
    const line = `concat(${cells.join(", ',', ")}, '\r\n')`;
    // group_concat takes the lines in the loop's order: the CROSS JOIN keeps the keys table
    // the outer loop, read in rowid (position) order. An ORDER BY inside it would sort each
    // chunk again (+15 % CPU); the byte tests read views in orders no index gives.
    const lineSql = `SELECT group_concat(${line}, '') FROM ${keys.from} CROSS JOIN revenues r ${[...joins].join(' ')} WHERE ${keys.chunk} AND r.id = k.id`;
    return { count: keys.count, lineSql, drop };
  } catch (error) {
    drop();
    throw error;
  }
}

/**
 * Write exactly the rows (filters, sort) and columns (order) of a view to CSV. A big export
 * (useTwoThreads: 200,000 rows and a free core) builds part of its lines on a worker thread
 * with a connection of its own; if the workspace changed between the two reads, it is written
 * again on one thread, so the file always holds one moment's rows.
 */
export async function exportRevenues(
  db: Database.Database,
  view: RevenueView & { columns: RevenueColumn[]; path: string; bom?: boolean },
  options: { signal?: CancelSignal; onProgress?: (rows: number) => void; progressEvery?: number } = {},
): Promise<CsvWriteResult> {
  const timeZone = orgTimeZone(db, view.orgId);
  const header = view.columns.map((c) => (c === 'occurredAt' ? `${REVENUE_COLUMN_LABELS[c]} (${timeZone})` : REVENUE_COLUMN_LABELS[c]));
  const write = { ...options, bom: view.bom ?? true };
  const { path, bom: _bom, ...job } = view;
  // A connection already in a transaction (or with no file a worker could open) exports on one thread, inside it.
  if (db.inTransaction || db.memory) return db.transaction(() => exportOnOneThread(db, job, path, header, write))();
  db.exec('BEGIN');
  try {
    const lines = revenueExportLines(db, job);
    if (!useTwoThreads(lines.count)) {
      try {
        return writeCsvChunks(path, header, lineChunks(db, lines.lineSql, lines.count), write);
      } finally {
        lines.drop();
      }
    }
    const endRead = () => {
      lines.drop();
      if (db.inTransaction) db.exec('COMMIT');
    };
    try {
      return await writeCsvTwoThreads(db, path, header, { count: lines.count, lineSql: lines.lineSql, endRead, stateRead: writeState(db) }, { kind: 'revenues', view: job }, write);
    } catch (error) {
      if (!(error instanceof WorkspaceChangedDuringExport)) throw error;
      twoThreadRetries++;
    } finally {
      lines.drop();
    }
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
  return db.transaction(() => exportOnOneThread(db, job, path, header, write))();
}

/** Exports redone on one thread because the workspace changed between the two reads (tests read it). */
let twoThreadRetries = 0;
export const exportTwoThreadRetries = () => twoThreadRetries;

function exportOnOneThread(
  db: Database.Database,
  view: RevenueView & { columns: RevenueColumn[] },
  path: string,
  header: string[],
  options: { signal?: CancelSignal; onProgress?: (rows: number) => void; progressEvery?: number; bom: boolean },
): CsvWriteResult {
  const lines = revenueExportLines(db, view);
  try {
    return writeCsvChunks(path, header, lineChunks(db, lines.lineSql, lines.count), options);
  } finally {
    lines.drop();
  }
}

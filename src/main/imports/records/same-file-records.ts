import type { Database } from '../../db/driver';

/** The tables whose created rows carry batch_id + source_row, by entity. */
export const ENTITY_TABLES = {
  revenues: 'revenues',
  payees: 'payees',
  products: 'products',
  billing: 'consumption_records',
  consumption: 'consumption_records',
  usage: 'cycle_usage',
  commitments: 'showback_commitments',
  showback_usage: 'showback_usage',
} as const;

/** Showback rows always carry their match key (external_id; month, account, service, org, currency): no same-file lookup. */
export function isShowbackEntity(entity: string): entity is 'commitments' | 'showback_usage' {
  return entity === 'commitments' || entity === 'showback_usage';
}

/** SQL naming a row of an entity table (alias `t`) in the outcomes list: its external_id, or a billing row's match key. */
export function entityKeySql(entity: keyof typeof ENTITY_TABLES, t: string): string {
  if (entity === 'usage') return `${t}.cycle_start`;
  if (entity === 'showback_usage') return `${t}.month || ' ' || ${t}.account || ' ' || ${t}.service || ' ' || ${t}.child_org_id || ' ' || ${t}.currency`;
  if (entity !== 'billing' && entity !== 'consumption') return `${t}.external_id`;
  return `${t}.license_reference || ' / ' || coalesce(${t}.resource_uuid, ${t}.resource_name) || ' / ' || ${t}.billing_period`;
}

const PAGE = 8192;

/**
 * Walks the records one earlier batch created, in id order (= source row order when that
 * batch was written in row order), a page at a time: a merge with the incoming rows
 * instead of one index lookup per row.
 */
class CreatedRowsCursor {
  /** [source_row, id, external_id] in id order. */
  private page: Array<[number, number, string | null]> = [];
  private at = 0;
  private afterId: number;
  private done = false;
  /** Set when the batch's rows are not in row order: the caller falls back to a map. */
  unordered = false;

  constructor(
    private readonly select: Database.Statement,
    private readonly batch: { id: number; first: number; last: number },
  ) {
    this.afterId = batch.first - 1;
  }

  /** The id of the record created from this row with this external_id, if any. */
  find(rowNumber: number, externalId: string | null): number | undefined {
    for (;;) {
      if (this.at >= this.page.length && !this.load()) return undefined;
      const entry = this.page[this.at];
      if (entry[0] > rowNumber) return undefined;
      if (entry[0] === rowNumber) return entry[2] === externalId ? entry[1] : undefined;
      this.at++;
    }
  }

  private load(): boolean {
    if (this.done) return false;
    const previous = this.page.length ? this.page[this.page.length - 1][0] : -1;
    this.page = this.select.all(this.afterId, this.batch.last, this.batch.id, PAGE) as Array<[number, number, string | null]>;
    this.at = 0;
    if (this.page.length < PAGE) this.done = true;
    if (this.page.length === 0) return false;
    this.afterId = this.page[this.page.length - 1][1];
    let last = previous;
    for (const entry of this.page) {
      if (entry[0] <= last) this.unordered = true;
      last = entry[0];
    }
    return true;
  }
}

/**
 * Records created by earlier committed imports of the same file (same org, entity and
 * SHA-256), matched by source row and external_id. Rows without an external_id can only
 * be recognised this way, so re-importing a file creates nothing even for them; rows
 * with one are found without an index lookup each.
 */
export class SameFileRecords {
  private readonly cursors: CreatedRowsCursor[];
  private lastRow = -1;
  private byRow: Map<number, Array<[number, string | null]>> | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly table: 'revenues' | 'payees' | 'products',
    private readonly earlier: ReadonlyArray<{ id: number; first: number; last: number }>,
  ) {
    // The table name comes from ENTITY_TABLES, never from input.
    const page = db.prepare(`SELECT source_row, id, external_id FROM ${table} WHERE id > ? AND id <= ? AND batch_id = ? ORDER BY id LIMIT ?`).raw();
    this.cursors = earlier.map((batch) => new CreatedRowsCursor(page, batch));
  }

  static none(db: Database.Database): SameFileRecords {
    return new SameFileRecords(db, 'revenues', []);
  }

  /** The record an earlier import of this file created from this row (with the same external_id), if any. */
  recordFor(rowNumber: number, externalId: string | null): number | undefined {
    if (this.cursors.length === 0) return undefined;
    if (!this.byRow && rowNumber > this.lastRow) {
      this.lastRow = rowNumber;
      for (const cursor of this.cursors) {
        const id = cursor.find(rowNumber, externalId);
        if (cursor.unordered) return this.fromMap(rowNumber, externalId);
        if (id !== undefined) return id;
      }
      return undefined;
    }
    return this.fromMap(rowNumber, externalId);
  }

  // Rows arriving out of order, or written out of order before: one map of every created row.
  private fromMap(rowNumber: number, externalId: string | null): number | undefined {
    if (!this.byRow) {
      this.byRow = new Map();
      const rows = this.db.prepare(`SELECT source_row, id, external_id FROM ${this.table} WHERE id BETWEEN ? AND ? AND batch_id = ?`).raw();
      for (const batch of this.earlier) {
        for (const [row, id, key] of rows.all(batch.first, batch.last, batch.id) as Array<[number, number, string | null]>) {
          const list = this.byRow.get(row) ?? [];
          list.push([id, key]);
          this.byRow.set(row, list);
        }
      }
    }
    return this.byRow.get(rowNumber)?.find(([, key]) => key === externalId)?.[0];
  }
}

/** Committed batches of the same file that created rows, newest first. */
export function earlierImportsOfFile(db: Database.Database, orgId: string, entity: string, sha256: string | null): Array<{ id: number; first: number; last: number }> {
  if (!sha256) return [];
  return db
    .prepare(
      `SELECT id, created_first_id AS first, created_last_id AS last FROM import_batches
       WHERE org_id = ? AND entity = ? AND file_sha256 = ? AND status = 'committed' AND created_first_id IS NOT NULL ORDER BY id DESC`,
    )
    .all(orgId, entity, sha256) as Array<{ id: number; first: number; last: number }>;
}

/** The newest committed import of the same file, if any: "this file was imported before as batch N". */
export function latestImportOfFile(db: Database.Database, orgId: string, entity: string, sha256: string | null): number | null {
  if (!sha256) return null;
  const id = db
    .prepare("SELECT max(id) FROM import_batches WHERE org_id = ? AND entity = ? AND file_sha256 = ? AND status = 'committed'")
    .pluck()
    .get(orgId, entity, sha256) as number | null;
  return id ?? null;
}

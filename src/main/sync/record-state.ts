import { hash } from 'node:crypto';
import type { Database } from '../db/driver';
import type { PulledRecord } from './sources/source-adapter';

// What a conflict compares: the server's version of a record (its fields, as the sync read
// them) and the local row. Both are reduced to hashes kept on the record's link, so the
// next sync can tell "changed since the last sync" on either side without keeping copies.

/** The local table of each entity a sync writes through an import batch. */
export const TABLE_OF: Readonly<Record<string, string>> = {
  payees: 'payees',
  products: 'products',
  revenues: 'revenues',
  consumption: 'consumption_records',
  billing: 'consumption_records',
  // Not an import entity, but judged the same way: the rules row holds the whole state (splits as JSON, version).
  rules: 'rules',
  statements: 'statements',
};

/** 64 bits of SHA-1 as hex: enough to tell one version of a record from the next, small in sync_links. */
function sha1(text: string): string {
  return hash('sha1', text).slice(0, 16);
}

/** The server's version: its fields in a fixed (sorted) order, so key order never matters. */
export function serverHash(fields: Record<string, unknown>): string {
  return sha1(JSON.stringify(Object.keys(fields).sort().map((k) => [k, fields[k]])));
}

/** A pulled record whose adapter worked out its server hash while the next page was on its way. */
export interface HashedRecord extends PulledRecord {
  serverHash?: string;
}

/** The record's server hash: the one its adapter kept, else worked out now. */
export function serverHashOf(record: PulledRecord): string {
  return (record as HashedRecord).serverHash ?? serverHash(record.fields);
}

// Prepared once per connection and table: a first sync reads back every row it wrote.
const rowStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function localRow(db: Database.Database, entity: string, id: number): Record<string, unknown> | undefined {
  const table = TABLE_OF[entity];
  if (!table) return undefined;
  let byTable = rowStatements.get(db);
  if (!byTable) rowStatements.set(db, (byTable = new Map()));
  let statement = byTable.get(table);
  if (!statement) byTable.set(table, (statement = db.prepare(`SELECT * FROM ${table} WHERE id = ?`)));
  return statement.get(id) as Record<string, unknown> | undefined;
}

/** The local row as a whole: any column changed here (an edit, an import, a reconciliation) changes it. */
export function rowHash(row: Record<string, unknown> | undefined): string | null {
  return row ? rowValuesHash(Object.values(row)) : null;
}

/** rowHash of a row read as its values in column order (a raw statement's row). */
export function rowValuesHash(values: readonly unknown[]): string {
  return sha1(JSON.stringify(values));
}

const withRowHash = new WeakSet<Database.Database>();

/**
 * SQL for rowHash of `alias`'s row of `table` (the same value: its columns in table order),
 * so a sync stamps all the rows it wrote in one UPDATE instead of reading each back.
 */
export function rowHashSql(db: Database.Database, table: string, alias: string): string {
  if (!withRowHash.has(db)) {
    db.function('closebook_row_hash', { varargs: true, deterministic: true }, (...columns: unknown[]) => sha1(JSON.stringify(columns)));
    withRowHash.add(db);
  }
  // table_xinfo: generated columns too, as SELECT * returns them (hidden = 1 is a virtual table's).
  const columns = db.prepare(`SELECT name FROM pragma_table_xinfo('${table}') WHERE hidden != 1 ORDER BY cid`).pluck().all() as string[];
  return `closebook_row_hash(${columns.map((c) => `${alias}."${c}"`).join(', ')})`;
}

/** Micro-units as a decimal string (exact: integer arithmetic only). */
function microsText(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = BigInt(Math.abs(micros));
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`;
}

/**
 * The local record in the source's field names, for showing it beside the server's: a
 * column of the same name, an amount's `<field>_micros` column as a decimal string, a
 * `<x>_external_id` through the row's `<x>_id`. Fields the local record has no column
 * for are left out.
 */
export function localValues(db: Database.Database, row: Record<string, unknown>, fields: Iterable<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field in row) out[field] = row[field];
    else if (`${field}_micros` in row) {
      const micros = row[`${field}_micros`];
      out[field] = typeof micros === 'number' ? microsText(micros) : micros;
    } else if (field.endsWith('_external_id') && `${field.slice(0, -'_external_id'.length)}_id` in row) {
      const ref = field.slice(0, -'_external_id'.length);
      const id = row[`${ref}_id`];
      out[field] = id == null ? null : (db.prepare(`SELECT external_id FROM ${ref}s WHERE id = ?`).pluck().get(id) ?? null);
    }
  }
  return out;
}

/** One value in a comparable form: decimals without trailing zeros, booleans as 0/1, absent as null. */
function comparable(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  // A list or an object (a rule's splits): its members compared the same way, keys in order, empty ones left out.
  if (Array.isArray(value)) return JSON.stringify(value.map(comparable));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, comparable(v)]);
    return JSON.stringify(entries.filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  if (value === true) return '1';
  if (value === false) return '0';
  const text = String(value).trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return text;
}

/** The server's fields whose value is not the local one (a field with no local column counts as differing). */
export function differingFields(local: Record<string, unknown>, server: Record<string, unknown>): string[] {
  return Object.keys(server).filter((field) => !(field in local) || comparable(local[field]) !== comparable(server[field]));
}

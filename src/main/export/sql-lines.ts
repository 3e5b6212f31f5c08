import type { Database } from '../db/driver';
import type { CsvChunk } from './csv-file';

/** Rows per chunk: ~0.7 MB of text at ~180 bytes a line, one string from SQLite each. */
export const CHUNK_ROWS = 4096;

const KEYS = 'closebook_export_keys';

export interface KeyTable {
  /** How many keys (rows) the export writes. */
  count: number;
  /** The keys in the export's order, to put first in a chunk's FROM: `k.id`, positions k.rowid 1..count. */
  from: string;
  /** The condition picking one chunk's keys: bind its first and last position. */
  chunk: string;
  drop(): void;
}

/**
 * The view's keys in the export's order, in a temporary table whose rowid is each key's
 * position (CREATE TABLE ... AS SELECT ... ORDER BY inserts in the SELECT's order). Made
 * with CREATE TABLE ... AS, which SQLite does not count as a change (total_changes), so the
 * grid's kept counts and orders (grid/view-memo.ts) outlive an export.
 */
export function createKeyTable(db: Database.Database, keysSql: string, params: readonly unknown[]): KeyTable {
  const drop = () => db.exec(`DROP TABLE IF EXISTS temp.${KEYS}`);
  drop();
  db.prepare(`CREATE TEMP TABLE ${KEYS} AS ${keysSql}`).run(...params);
  const count = (db.prepare(`SELECT max(rowid) FROM temp.${KEYS}`).pluck().get() as number | null) ?? 0;
  return { count, from: `temp.${KEYS} k`, chunk: 'k.rowid BETWEEN ? AND ?', drop };
}

/** Reads one chunk of an export's lines by its index (0 first), in any order. */
export interface LineChunkReader {
  /** How many chunks the `count` lines make. */
  chunks: number;
  read(index: number): CsvChunk;
}

/**
 * The export's lines a chunk at a time: `lineSql` takes a chunk's first and last position
 * (KeyTable.chunk) and answers one row, the chunk's lines in order, concatenated. They are
 * read as a BLOB: SQLite's UTF-8 bytes go to the file as they are, never decoded into a JS
 * string and encoded again.
 */
export function lineChunkReader(db: Database.Database, lineSql: string, count: number, chunkRows = CHUNK_ROWS): LineChunkReader {
  const statement = db.prepare(`SELECT CAST((${lineSql}) AS BLOB)`).pluck();
  return {
    chunks: Math.ceil(count / chunkRows),
    read(index) {
      const first = index * chunkRows + 1;
      const last = Math.min(count, first + chunkRows - 1);
      return { text: (statement.get(first, last) as Buffer | null) ?? '', rows: last - first + 1 };
    },
  };
}

/** Every chunk of the export's lines, in order. */
export function* lineChunks(db: Database.Database, lineSql: string, count: number, chunkRows = CHUNK_ROWS): Generator<CsvChunk> {
  const reader = lineChunkReader(db, lineSql, count, chunkRows);
  for (let index = 0; index < reader.chunks; index++) yield reader.read(index);
}

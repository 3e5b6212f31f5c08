import type { Database } from '../db/driver';
import type { CsvChunk } from './csv-file';

/** Rows per chunk: ~0.7 MB of text at ~180 bytes a line, one string from SQLite each. */
export const CHUNK_ROWS = 4096;

/**
 * The view's rows as CSV text, a chunk of keys at a time. The keys come in the export's
 * order (read once, as numbers); `lineSql` takes a JSON array of keys as its one parameter,
 * exposed as `page` (page.page_key, page.page_position), and answers one row: the lines
 * of those keys, in that order, concatenated.
 */
export function* lineChunks(db: Database.Database, keys: readonly number[], lineSql: string, chunkRows = CHUNK_ROWS): Generator<CsvChunk> {
  const statement = db.prepare(lineSql).pluck();
  for (let start = 0; start < keys.length; start += chunkRows) {
    const page = keys.slice(start, start + chunkRows);
    yield { text: (statement.get(JSON.stringify(page)) as string | null) ?? '', rows: page.length };
  }
}

/** FROM clause head that walks a chunk's keys in order: `page` joined to the table by its key. */
export const KEY_PAGE = '(SELECT value AS page_key, key AS page_position FROM json_each(?)) AS page';

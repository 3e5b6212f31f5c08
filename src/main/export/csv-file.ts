import { writeSync } from 'node:fs';
import { ApiFailure } from '../api/failure';
import type { CancelSignal } from '../api/context';
import { writeFileAtomically } from './atomic-file';

/** How a column's cells are written: numbers stay bare numbers, text is made safe. */
export type CsvCellKind = 'text' | 'number';

const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet runs a cell starting with these as a formula (DDE included): = + - @ | and
// their fullwidth forms, also after leading spaces (plain, no-break, zero-width), and a
// leading tab or carriage return.
const FORMULA_START = /^(?:[\t\r]|[\s\u00a0\u200b-\u200d\u2060\ufeff]*[=+\-@|\uff1d\uff0b\uff0d\uff20\uff5c])/;

/** One text cell: neutralised if a spreadsheet would run it, quoted if needed. */
export function textCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  let text = value;
  if (FORMULA_START.test(text)) text = "'" + text;
  return NEEDS_QUOTES.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

export interface CsvWriteResult {
  path: string;
  rowCount: number;
  bytes: number;
}

/**
 * Write a CSV file from rows of already formatted cells. Goes to a temporary file and
 * is renamed at the end, so a failed or cancelled export never leaves half a file.
 */
export function writeCsvFile(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
  options: {
    signal?: CancelSignal;
    onProgress?: (rows: number) => void;
    progressEvery?: number;
    /** Start with a UTF-8 byte-order mark, which Excel needs to read the file as UTF-8 (names like Müller). */
    bom?: boolean;
  } = {},
): CsvWriteResult {
  const every = options.progressEvery ?? 50_000;
  let rowCount = 0;
  let bytes = 0;
  writeFileAtomically(path, (fd) => {
    let chunk = (options.bom ? '\uFEFF' : '') + header.map(textCell).join(',') + '\r\n';
    for (const cells of rows) {
      chunk += cells.join(',') + '\r\n';
      rowCount++;
      if (chunk.length > 1 << 20) {
        bytes += writeSync(fd, chunk);
        chunk = '';
      }
      if (rowCount % every === 0) {
        if (options.signal?.aborted) throw new ApiFailure('conflict', 'cancelled', 'The export was cancelled; no file was written.');
        options.onProgress?.(rowCount);
      }
    }
    bytes += writeSync(fd, chunk);
  });
  return { path, rowCount, bytes };
}

/** A run of finished CSV lines (each ending in CRLF), as UTF-8 bytes or text, and how many rows it holds. */
export interface CsvChunk {
  text: Uint8Array | string;
  rows: number;
}

/**
 * Write a CSV file from chunks of finished lines (built by SQLite, see sql-lines.ts), with
 * the same heading, byte-order mark, cancelling and progress as writeCsvFile.
 */
export function writeCsvChunks(
  path: string,
  header: readonly string[],
  chunks: Iterable<CsvChunk>,
  options: { signal?: CancelSignal; onProgress?: (rows: number) => void; progressEvery?: number; bom?: boolean } = {},
): CsvWriteResult {
  const every = options.progressEvery ?? 50_000;
  let rowCount = 0;
  let bytes = 0;
  writeFileAtomically(path, (fd) => {
    bytes += writeSync(fd, (options.bom ? '\uFEFF' : '') + header.map(textCell).join(',') + '\r\n');
    for (const chunk of chunks) {
      bytes += typeof chunk.text === 'string' ? writeSync(fd, chunk.text) : writeSync(fd, chunk.text);
      const before = rowCount;
      rowCount += chunk.rows;
      if (Math.floor(rowCount / every) > Math.floor(before / every)) {
        if (options.signal?.aborted) throw new ApiFailure('conflict', 'cancelled', 'The export was cancelled; no file was written.');
        options.onProgress?.(rowCount - (rowCount % every));
      }
    }
  });
  return { path, rowCount, bytes };
}

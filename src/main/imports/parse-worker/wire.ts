import type { Mapping } from '../../../shared/contract/import-files';
import type { ImportEntity } from '../../../shared/contract/imports';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/contract/file-format';
import { ApiFailure } from '../../api/failure';
import type { MappedRecord, RowFailure } from '../mapping/row-mapper';
import { CsvParseError, type CsvErrorCode } from '../parse';

// What crosses between the importing thread and the parse worker. Mapped rows go packed:
// all their text in one string (copied once) and typed arrays (moved, not copied) for the
// rest, since cloning 10,000 small objects a chunk cost the importing thread about as much
// as mapping them itself.

/** What the worker needs to read and map the file exactly as the importing thread opened it. */
export interface ParseWorkerData {
  path: string;
  /** As the importing thread opened the file: 'auto' stays 'auto', so detection (and its messages) are the same. */
  encoding: CsvEncoding | 'auto';
  delimiter: CsvDelimiter | 'auto';
  entity: ImportEntity;
  mapping: Mapping;
  header: string[];
  /** Chunks sent and not yet taken before the worker waits: the back-pressure. */
  window: number;
  /** Tests: exit after this many chunks sent, as a crash would. */
  crashAfterChunks?: number;
}

/** One reader batch (about 10,000 rows, 1 MiB of file), mapped. */
export interface PackedChunk {
  /** The record fields, in the order each row's values are packed. */
  fields: string[];
  rowNumbers: Int32Array;
  /** Per row and field: ABSENT, UNDEFINED, TEXT or BIGINT; a row the mapper refused has FAILED in its first slot. */
  tags: Uint8Array;
  /** End offset in `text` of each TEXT or BIGINT value, in order. */
  ends: Uint32Array;
  text: string;
  /** The refused rows' failures, in row order. */
  failures: RowFailure[];
  /** The reader's position after this batch, for the progress bar. */
  bytesRead: number;
}

const ABSENT = 0;
const UNDEFINED = 1;
const TEXT = 2;
const BIGINT = 3;
const FAILED = 4;

/** A refused row, or the record the mapper made of it. */
export type MappedRow = { rowNumber: number; record: MappedRecord; failure: null } | { rowNumber: number; record: null; failure: RowFailure };

/** Packs mapped rows; `fields` grows when a record has a key not seen before (the same list for the whole file). */
export class ChunkPacker {
  readonly fields: string[] = [];
  private readonly slot = new Map<string, number>();

  pack(rows: readonly MappedRow[], bytesRead: number): PackedChunk {
    for (const row of rows) if (row.record) for (const key in row.record) if (!this.slot.has(key)) this.slot.set(key, this.fields.push(key) - 1);
    const { fields } = this;
    const width = fields.length;
    const tags = new Uint8Array(rows.length * Math.max(width, 1));
    const rowNumbers = new Int32Array(rows.length);
    const ends = new Uint32Array(rows.length * width);
    const parts: string[] = [];
    const failures: RowFailure[] = [];
    let length = 0;
    let values = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      rowNumbers[r] = row.rowNumber;
      const record = row.record;
      if (record === null) {
        tags[r * width] = FAILED;
        failures.push(row.failure);
        continue;
      }
      // Values go in slot order, as unpackChunk reads them. Records share the mapper's key
      // order, so the keys are nearly always the slots in order; else the row is packed again slot by slot.
      const base = r * width;
      const valuesBefore = values;
      const lengthBefore = length;
      const partsBefore = parts.length;
      let f = 0;
      for (const key in record) {
        if (fields[f] !== key) {
          f = -1;
          break;
        }
        const value = record[key];
        f++;
        if (value === undefined) {
          tags[base + f - 1] = UNDEFINED;
          continue;
        }
        const text = typeof value === 'bigint' ? String(value) : value;
        tags[base + f - 1] = typeof value === 'bigint' ? BIGINT : TEXT;
        parts.push(text);
        length += text.length;
        ends[values++] = length;
      }
      if (f !== -1) continue;
      tags.fill(ABSENT, base, base + width);
      values = valuesBefore;
      length = lengthBefore;
      parts.length = partsBefore;
      for (let k = 0; k < width; k++) {
        const key = fields[k];
        if (!(key in record)) continue;
        const value = record[key];
        if (value === undefined) {
          tags[base + k] = UNDEFINED;
          continue;
        }
        const text = typeof value === 'bigint' ? String(value) : value;
        tags[base + k] = typeof value === 'bigint' ? BIGINT : TEXT;
        parts.push(text);
        length += text.length;
        ends[values++] = length;
      }
    }
    return { fields: [...fields], rowNumbers, tags, ends: ends.slice(0, values), text: parts.join(''), failures, bytesRead };
  }
}

/** The rows of a packed chunk, each record rebuilt with its keys in slot order (the mapper's order, which every record of a file shares). */
export function unpackChunk(chunk: PackedChunk): MappedRow[] {
  const { fields, rowNumbers, tags, ends, text, failures } = chunk;
  const width = fields.length;
  const rows: MappedRow[] = new Array(rowNumbers.length);
  const template: MappedRecord = {};
  for (const field of fields) template[field] = undefined;
  let value = 0;
  let start = 0;
  let failure = 0;
  for (let r = 0; r < rowNumbers.length; r++) {
    const base = r * width;
    if (tags[base] === FAILED) {
      rows[r] = { rowNumber: rowNumbers[r], record: null, failure: failures[failure++] };
      continue;
    }
    // Rows with every field (all of a mapper's rows) start as a copy of one object: one shape, no transitions.
    let whole = true;
    for (let f = 0; f < width; f++) if (tags[base + f] === ABSENT) whole = false;
    const record: MappedRecord = whole ? { ...template } : {};
    for (let f = 0; f < width; f++) {
      const tag = tags[base + f];
      if (tag === ABSENT) continue;
      if (tag === UNDEFINED) {
        record[fields[f]] = undefined;
        continue;
      }
      const end = ends[value++];
      const piece = text.slice(start, end);
      start = end;
      record[fields[f]] = tag === BIGINT ? BigInt(piece) : piece;
    }
    rows[r] = { rowNumber: rowNumbers[r], record, failure: null };
  }
  return rows;
}

/** An error thrown in the worker, as data: a file's problem keeps its code, row, column and facts. */
export type WireError =
  | { kind: 'csv'; code: CsvErrorCode; message: string; row: number | null; column?: number; byteOffset?: number; facts?: CsvParseError['encodingFacts'] }
  | { kind: 'api'; type: ApiFailure['type']; code: string; message: string; detail: unknown }
  | { kind: 'other'; message: string; stack?: string };

export function toWireError(error: unknown): WireError {
  if (error instanceof CsvParseError) {
    return { kind: 'csv', code: error.code, message: error.message, row: error.row, column: error.column, byteOffset: error.byteOffset, facts: error.encodingFacts };
  }
  if (error instanceof ApiFailure) return { kind: 'api', type: error.type, code: error.code, message: error.message, detail: error.detail };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', message: e.message, stack: e.stack };
}

/** The same error on this side: a CsvParseError or ApiFailure as the in-thread reader would have thrown it. */
export function fromWireError(wire: WireError): Error {
  if (wire.kind === 'csv') return new CsvParseError(wire.code, wire.message, { row: wire.row, column: wire.column, byteOffset: wire.byteOffset }, wire.facts);
  if (wire.kind === 'api') return new ApiFailure(wire.type, wire.code, wire.message, wire.detail);
  const error = new Error(`The file reader failed: ${wire.message}`);
  if (wire.stack) error.stack = `${error.message}\n(in the parse worker) ${wire.stack}`;
  return error;
}

export type FromParseWorker = { type: 'chunk'; chunk: PackedChunk } | { type: 'done'; rows: number; cpuSeconds: number | null } | { type: 'error'; error: WireError };
/** `take`: the importing thread took a chunk, one more may be sent. */
export type ToParseWorker = { type: 'take' };

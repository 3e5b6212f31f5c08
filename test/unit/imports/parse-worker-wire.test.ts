import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/main/api/failure';
import { CsvParseError } from '../../../src/main/imports/parse';
import { ChunkPacker, fromWireError, toWireError, unpackChunk, type MappedRow } from '../../../src/main/imports/parse-worker/wire';

describe('packed chunks of the parse worker', () => {
  it('give back every row as mapped: text, bigint, undefined, missing keys, keys out of order, refused rows', () => {
    const rows: MappedRow[] = [
      { rowNumber: 2, record: { external_id: 'a', amount: 1_500_000n, description: undefined }, failure: null },
      { rowNumber: 3, record: null, failure: { column: 'Gross', message: 'Gross: "x" is not a number.', externalId: 'b', ambiguity: null, field: 'amount' } },
      // Another key order, a key not seen before, an empty string, non-ASCII, a negative bigint.
      { rowNumber: 5, record: { amount: -12n, external_id: '', refund_of: 'Müller €', description: 'x' }, failure: null },
      { rowNumber: 6, record: { external_id: 'c' }, failure: null },
    ];
    const packer = new ChunkPacker();
    const first = unpackChunk(structuredClone(packer.pack(rows, 1234)));
    expect(first).toEqual(rows);
    // Keys in the mapper's order (the first record's) come back in that order.
    expect(Object.keys(first[0].record!)).toEqual(['external_id', 'amount', 'description']);
    // The next chunk keeps the fields learnt so far.
    const next = packer.pack([{ rowNumber: 7, record: { refund_of: 'r' }, failure: null }], 2000);
    expect(next.fields).toEqual(['external_id', 'amount', 'description', 'refund_of']);
    expect(next.bytesRead).toBe(2000);
    expect(unpackChunk(next)).toEqual([{ rowNumber: 7, record: { refund_of: 'r' }, failure: null }]);
  });

  it('an empty chunk and a chunk of refused rows only', () => {
    const packer = new ChunkPacker();
    expect(unpackChunk(packer.pack([], 0))).toEqual([]);
    const refused: MappedRow = { rowNumber: 9, record: null, failure: { column: null, message: 'm', externalId: null, ambiguity: { kind: 'date_format', column: 'd', text: '1/2/2026', readings: [] } } };
    expect(unpackChunk(structuredClone(packer.pack([refused, refused], 0)))).toEqual([refused, refused]);
  });

  it('errors cross as the same class with the same facts', () => {
    const csv = new CsvParseError('invalid_encoding', 'Row 3, column 2 is not valid UTF-8', { row: 3, column: 2, byteOffset: 40 }, { technical: 'byte 0xFC', suggestedEncoding: 'windows-1252' });
    const back = fromWireError(structuredClone(toWireError(csv)));
    expect(back).toBeInstanceOf(CsvParseError);
    expect((back as CsvParseError).toJSON()).toEqual(csv.toJSON());
    const api = fromWireError(structuredClone(toWireError(new ApiFailure('validation_error', 'unknown_column', 'no column X', { column: 'X' }))));
    expect(api).toMatchObject({ type: 'validation_error', code: 'unknown_column', message: 'no column X', detail: { column: 'X' } });
    expect(api).toBeInstanceOf(ApiFailure);
    expect(fromWireError(toWireError(new TypeError('boom'))).message).toBe('The file reader failed: boom');
  });
});

import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParseError, openCsv, readCsv, type CsvProgress, type CsvRow, type ReadCsvOptions } from '../../../../src/main/imports/parse/index';
import type { CsvSource } from '../../../../src/main/imports/parse/byte-source';

const dir = mkdtempSync(join(tmpdir(), 'closebook-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function allRows(source: CsvSource, options: ReadCsvOptions = {}): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of readCsv(source, options)) rows.push(row);
  return rows;
}

async function failure(source: CsvSource, options: ReadCsvOptions = {}): Promise<CsvParseError> {
  try {
    await allRows(source, options);
  } catch (error) {
    if (error instanceof CsvParseError) return error;
    throw error;
  }
  throw new Error('expected a CsvParseError');
}

describe('long fields', () => {
  it('accepts a 200,000-character field, quoted or not, across many reads', async () => {
    const long = 'x'.repeat(200_000);
    const quoted = `"${'y,'.repeat(100_000)}"`;
    const rows = await allRows(Buffer.from(`id,note\n1,${long}\n2,${quoted}\n3,short\n`), { chunkBytes: 4096 });
    expect(rows.map((r) => [r.rowNumber, r.cells[1].length])).toEqual([
      [2, 200_000],
      [3, 200_000],
      [4, 5],
    ]);
  });

  it('refuses a field over the 1,000,000-character limit, naming row and column', async () => {
    const error = await failure(Buffer.from(`id,note\n1,ok\n2,${'z'.repeat(1_000_001)}\n`));
    expect(error).toMatchObject({ code: 'field_too_long', row: 3, column: 2 });
    expect(error.message).toContain('longer than 1,000,000 characters');
  });

  it('stops reading an unclosed quote once it passes the limit, without holding the rest of the file', async () => {
    const text = `id,note\n1,"opens here\n${'more text,\n'.repeat(5_000)}`;
    const error = await failure(Buffer.from(text), { maxFieldChars: 10_000, chunkBytes: 1024 });
    expect(error).toMatchObject({ code: 'field_too_long', row: 2, column: 2 });
    expect(error.message).toContain('closing quote missing');
  });

  it('refuses a line that never ends', async () => {
    const error = await failure(Buffer.from(`id,note\n${'a,'.repeat(50_000)}`), { maxRowChars: 20_000, chunkBytes: 4096 });
    expect(error).toMatchObject({ code: 'row_too_long', row: 2 });
  });
});

describe('sources, progress, cancellation', () => {
  // Larger than the 64 KiB the reader samples before it starts handing out rows.
  const csv = 'id,amount\n' + Array.from({ length: 20_000 }, (_, i) => `${i},${i}.50`).join('\n') + '\n';

  it('reads a file path and reports progress up to the file size', async () => {
    const path = join(dir, 'progress.csv');
    writeFileSync(path, csv);
    const progress: CsvProgress[] = [];
    const rows = await allRows(path, { chunkBytes: 4096, onProgress: (p) => progress.push(p) });
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]).toEqual({ rowNumber: 20_001, cells: ['19999', '19999.50'] });
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((p) => p.totalBytes === csv.length)).toBe(true);
    expect(progress.at(-1)!.bytesRead).toBe(csv.length);
    expect(progress.map((p) => p.bytesRead)).toEqual([...progress.map((p) => p.bytesRead)].sort((a, b) => a - b));
  });

  it('reads a stream of bytes (size unknown)', async () => {
    const chunks = [Buffer.from(csv.slice(0, 1000)), Buffer.from(csv.slice(1000))];
    const file = await openCsv(Readable.from(chunks));
    expect(file.info.totalBytes).toBeNull();
    let count = 0;
    for await (const batch of file.batches()) count += batch.length;
    expect(count).toBe(20_000);
  });

  it('yields rows in batches, one per read', async () => {
    const file = await openCsv(Buffer.from(csv), { chunkBytes: 8192 });
    const sizes: number[] = [];
    for await (const batch of file.batches()) sizes.push(batch.length);
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.reduce((a, b) => a + b)).toBe(20_000);
  });

  it('stops with "cancelled" at the next read once the signal is aborted', async () => {
    const controller = new AbortController();
    const file = await openCsv(Buffer.from(csv), { chunkBytes: 4096, signal: controller.signal });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const batch of file.batches()) {
        seen.push(batch.length);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvParseError);
    expect((error as CsvParseError).code).toBe('cancelled');
    expect(seen).toHaveLength(1);
  });

  it('closes the source when the reader leaves the loop early', async () => {
    let closed = false;
    async function* source() {
      try {
        yield Buffer.from(csv);
      } finally {
        closed = true;
      }
    }
    for await (const row of readCsv(source())) {
      expect(row.rowNumber).toBe(2);
      break;
    }
    expect(closed).toBe(true);
  });

  it('notices a file that changes while it is read', async () => {
    const path = join(dir, 'changing.csv');
    writeFileSync(path, csv);
    const file = await openCsv(path, { chunkBytes: 4096 });
    const error = await (async () => {
      let first = true;
      for await (const _batch of file.batches()) {
        if (first) appendFileSync(path, '20000,1.00\n');
        first = false;
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvParseError);
    expect((error as CsvParseError).code).toBe('file_changed');
  });

  it('names a missing file or a folder', async () => {
    expect((await failure(join(dir, 'nope.csv'))).code).toBe('unreadable_file');
    expect((await failure(dir)).code).toBe('unreadable_file');
  });
});

describe('encoding errors deep in the file', () => {
  const head = 'id,name\n' + Array.from({ length: 10_000 }, (_, i) => `${i},plain ascii`).join('\n') + '\n';

  it('reports a non-UTF-8 byte after a plain-ASCII start with its offset, line and a hint', async () => {
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from('10000,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    // Small reads, so the bad byte lies beyond the part the encoding is detected from.
    const error = await failure(bytes, { chunkBytes: 16 * 1024 });
    expect(error.code).toBe('invalid_encoding');
    expect(error.byteOffset).toBe(head.length + 9);
    expect(error.row).toBe(10_002);
    expect(error.message).toContain('choose Windows-1252');
  });

  it('reads the same bytes when Windows-1252 is chosen', async () => {
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from('10000,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const rows = await allRows(bytes, { encoding: 'windows-1252' });
    expect(rows.at(-1)).toEqual({ rowNumber: 10_002, cells: ['10000', 'Café'] });
  });

  it('reports a NUL deep in the file as binary, with its line', async () => {
    const error = await failure(Buffer.concat([Buffer.from(head), Buffer.from('x,\0\n')]));
    expect(error).toMatchObject({ code: 'binary_file', row: 10_002 });
  });

  it('reports a file that ends inside a UTF-8 character', async () => {
    const error = await failure(Buffer.concat([Buffer.from('id,name\n1,'), Buffer.from([0xe2, 0x82])]), { encoding: 'utf-8' });
    expect(error.code).toBe('invalid_encoding');
    expect(error.message).toContain('ends in the middle of a UTF-8 character');
  });
});

describe('options', () => {
  it('a chosen delimiter overrides sniffing', async () => {
    const rows = await allRows(Buffer.from('a;b,c\n1;2,3\n'), { delimiter: ',' });
    expect(rows).toEqual([{ rowNumber: 2, cells: ['1;2', '3'] }]);
  });

  it('without a header, the first row sets the width and ragged rows name it', async () => {
    const error = await failure(Buffer.from('1,2,3\n4,5\n'), { hasHeader: false });
    expect(error).toMatchObject({ code: 'ragged_row', row: 2 });
    expect(error.message).toContain('the first row has 3 cells');
  });

  it('reports what it detected', async () => {
    const file = await openCsv(Buffer.from('\uFEFFname;amount\r\nA;1,5\r\n'));
    expect(file.info.encoding).toMatchObject({ encoding: 'utf-8', hadBom: true, source: 'bom' });
    expect(file.info.dialect).toMatchObject({ delimiter: ';', lineBreak: '\r\n', source: 'detected', confidence: 'high' });
    expect(file.info.header).toEqual({ names: ['name', 'amount'], raw: ['name', 'amount'] });
    expect(file.info.columnCount).toBe(2);
    await file.close();
  });

  it('can only be iterated once', async () => {
    const file = await openCsv(Buffer.from('a\n1\n'));
    for await (const _ of file.batches()) {
      /* drain */
    }
    await expect(file.batches().next()).rejects.toThrow('only once');
  });
});

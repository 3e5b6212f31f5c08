import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParseError, openCsv, type CsvRow, type ReadCsvOptions } from '../../../../src/main/imports/parse/index';

// Every case in test/fixtures/csv, read whole and in tiny chunks (so characters, CRLFs,
// quotes and the BOM are split across reads): the result must be the same.

const CORPUS = join(import.meta.dirname, '../../../fixtures/csv');

interface Case {
  description: string;
  options?: ReadCsvOptions;
  bytes?: { utf16le?: string; utf16be?: string; bom?: boolean; latin1?: string; hex?: string };
  expect?: {
    encoding?: string;
    hadBom?: boolean;
    encodingSource?: string;
    delimiter?: string;
    lineBreak?: string;
    header?: string[] | null;
    rows: Array<{ row: number; cells: string[] }>;
    trailingEmptyRows?: number;
  };
  error?: { code: string; row?: number | null; column?: number; byteOffset?: number; message?: string };
}

function bytesOf(name: string, spec: Case): Buffer {
  const csvPath = join(CORPUS, `${name}.csv`);
  if (existsSync(csvPath)) return readFileSync(csvPath);
  const b = spec.bytes;
  if (!b) throw new Error(`${name}: neither ${name}.csv nor "bytes"`);
  if (b.hex !== undefined) return Buffer.from(b.hex, 'hex');
  if (b.latin1 !== undefined) return Buffer.from(b.latin1, 'latin1');
  if (b.utf16le !== undefined) return Buffer.concat([Buffer.from(b.bom ? [0xff, 0xfe] : []), Buffer.from(b.utf16le, 'utf16le')]);
  if (b.utf16be !== undefined) return Buffer.concat([Buffer.from(b.bom ? [0xfe, 0xff] : []), Buffer.from(b.utf16be, 'utf16le').swap16()]);
  throw new Error(`${name}: unknown bytes spec`);
}

async function read(bytes: Buffer, options: ReadCsvOptions) {
  const file = await openCsv(bytes, options);
  const rows: CsvRow[] = [];
  const batches = file.batches();
  for (;;) {
    const next = await batches.next();
    if (next.done) return { info: file.info, rows, summary: next.value };
    rows.push(...next.value);
  }
}

const names = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

describe('CSV corpus', () => {
  it('has cases', () => {
    expect(names.length).toBeGreaterThan(40);
  });

  for (const name of names) {
    const spec = JSON.parse(readFileSync(join(CORPUS, `${name}.json`), 'utf8')) as Case;
    for (const chunkBytes of [undefined, 1, 2, 3, 5]) {
      it(`${name}${chunkBytes ? ` (read ${chunkBytes} bytes at a time)` : ''}: ${spec.description}`, async () => {
        const options = { ...spec.options, chunkBytes };
        const bytes = bytesOf(name, spec);
        if (spec.error) {
          const error = await read(bytes, options).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(CsvParseError);
          const e = error as CsvParseError;
          expect(e.code).toBe(spec.error.code);
          if ('row' in spec.error) expect(e.row).toBe(spec.error.row);
          if ('column' in spec.error) expect(e.column).toBe(spec.error.column);
          if ('byteOffset' in spec.error) expect(e.byteOffset).toBe(spec.error.byteOffset);
          // The message in words, or the technical facts (byte and offset) of its details line.
          if (spec.error.message) expect(`${e.message} ${e.encodingFacts?.technical ?? ''}`).toContain(spec.error.message);
          return;
        }
        const want = spec.expect!;
        const { info, rows, summary } = await read(bytes, options);
        expect(rows.map((r) => ({ row: r.rowNumber, cells: r.cells }))).toEqual(want.rows);
        if (want.encoding) expect(info.encoding.encoding).toBe(want.encoding);
        if (want.hadBom !== undefined) expect(info.encoding.hadBom).toBe(want.hadBom);
        if (want.encodingSource) expect(info.encoding.source).toBe(want.encodingSource);
        if (want.delimiter) expect(info.dialect.delimiter).toBe(want.delimiter);
        if (want.lineBreak) expect(info.dialect.lineBreak).toBe(want.lineBreak);
        if (want.header !== undefined) expect(info.header?.names ?? null).toEqual(want.header);
        expect(summary.rows).toBe(want.rows.length);
        expect(summary.bytesRead).toBe(bytes.length);
        expect(summary.trailingEmptyRows).toBe(want.trailingEmptyRows ?? 0);
        // Never a replacement character: undecodable bytes are errors, not U+FFFD.
        expect(rows.some((r) => r.cells.some((c) => c.includes('\uFFFD')))).toBe(false);
      });
    }
  }
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParseError, readCsv, type CsvDelimiter, type CsvEncoding, type ReadCsvOptions } from '../../../../src/main/imports/parse/index';

type Outcome = { rows: Array<[number, string[]]> } | { error: string; row: number | null };

/** Read everything; anything thrown that is not a CsvParseError fails the property. */
async function outcome(bytes: Uint8Array, options: ReadCsvOptions): Promise<Outcome> {
  const rows: Array<[number, string[]]> = [];
  try {
    for await (const row of readCsv(bytes, options)) rows.push([row.rowNumber, row.cells]);
    return { rows };
  } catch (error) {
    if (error instanceof CsvParseError) return { error: error.code, row: error.row };
    throw error;
  }
}

// Characters that stress a CSV reader, plus ordinary and multi-byte text.
const csvChar = fc.constantFrom('a', 'b', 'Z', '0', '9', ' ', '.', ',', ';', '\t', '|', '"', '\r', '\n', 'é', '€', '😀', '\u00a0', '東');
const csvText = fc.oneof(fc.string({ unit: csvChar, maxLength: 20 }), fc.string({ unit: csvChar, maxLength: 200, size: 'medium' }));

const encodings: Array<CsvEncoding | 'auto'> = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
const optionsArb = fc.record({
  encoding: fc.constantFrom(...encodings),
  delimiter: fc.constantFrom<CsvDelimiter | 'auto'>('auto', ',', ';', '\t', '|'),
  hasHeader: fc.boolean(),
  chunkBytes: fc.integer({ min: 1, max: 64 }),
});

describe('readCsv on arbitrary input', () => {
  it('yields rows or throws a CsvParseError, for any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), optionsArb, async (bytes, options) => {
        await outcome(bytes, options);
      }),
      { numRuns: 400 },
    );
  });

  it('yields rows or throws a CsvParseError, for any text made of CSV-significant characters', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, optionsArb, async (text, options) => {
        await outcome(Buffer.from(text), options);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same result however the bytes are split into reads', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.integer({ min: 1, max: 9 }), async (text, chunkBytes) => {
        const bytes = Buffer.from(text);
        expect(await outcome(bytes, { chunkBytes })).toEqual(await outcome(bytes, {}));
      }),
      { numRuns: 300 },
    );
  });
});

// RFC 4180: quote a field holding the delimiter, a quote or a line break; double its quotes.
function writeCsv(table: string[][], delimiter: string, lineBreak: string): string {
  const field = (cell: string) => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return table.map((row) => row.map(field).join(delimiter)).join(lineBreak) + lineBreak;
}

function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be'): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text);
    case 'utf-8-bom':
      return Buffer.from('\uFEFF' + text);
    case 'utf-16le':
      return Buffer.from('\uFEFF' + text, 'utf16le');
    case 'utf-16be':
      return Buffer.from('\uFEFF' + text, 'utf16le').swap16();
  }
}

describe('round trip', () => {
  const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.record({
      header: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/), { minLength: width, maxLength: width, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
      rows: fc.array(fc.array(csvText, { minLength: width, maxLength: width }), { maxLength: 20 }),
    }),
  );

  it('a table written as RFC 4180 CSV reads back cell for cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom<CsvDelimiter>(',', ';', '\t', '|'),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be') as fc.Arbitrary<'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be'>,
        fc.integer({ min: 1, max: 100 }),
        async ({ header, rows }, delimiter, lineBreak, encoding, chunkBytes) => {
          fc.pre(!header.some((name) => ['constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty', 'isprototypeof', 'propertyisenumerable', 'tolocalestring'].includes(name.toLowerCase())));
          const bytes = encode(writeCsv([header, ...rows], delimiter, lineBreak), encoding);
          const result = await outcome(bytes, { delimiter, chunkBytes });
          // Rows of only empty cells at the very end are not rows (spreadsheet leftovers).
          const expected = [...rows];
          while (expected.length > 0 && expected.at(-1)!.every((cell) => cell === '')) expected.pop();
          if (expected.length === 0) {
            expect(result).toEqual({ error: 'header_only', row: null });
            return;
          }
          expect('rows' in result ? result.rows.map(([, cells]) => cells) : result).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { CsvParseError, openCsv } from '../../../../src/main/imports/parse/index';

// A picture, archive, document or database renamed .csv is named as what it is, with
// what to do instead, before any decoding: never read as rows of garbage.

const bytes = (...parts: Array<number[] | string>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
// Enough of a body that the reader would otherwise have something to read.
const BODY = Buffer.alloc(300, 0x41);

async function refusal(file: Buffer): Promise<CsvParseError> {
  try {
    const csv = await openCsv(Buffer.concat([file, BODY]));
    await csv.close();
  } catch (error) {
    if (error instanceof CsvParseError) return error;
    throw error;
  }
  throw new Error('expected a CsvParseError');
}

describe('binary files with a known signature', () => {
  it.each([
    ['a PNG image', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'Choose the CSV file instead.'],
    ['a JPEG image', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'Choose the CSV file instead.'],
    ['a JPEG image', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'Choose the CSV file instead.'],
    ['a GIF image', bytes('GIF89a', [1, 0, 1, 0]), 'Choose the CSV file instead.'],
    ['a GIF image', bytes('GIF87a', [1, 0, 1, 0]), 'Choose the CSV file instead.'],
    ['a WebP image', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'Choose the CSV file instead.'],
    ['a TIFF image', bytes('II*', [0, 8, 0, 0, 0]), 'Choose the CSV file instead.'],
    ['a TIFF image', bytes('MM', [0, 0x2a, 0, 0, 0, 8]), 'Choose the CSV file instead.'],
    ['a PDF document', bytes('%PDF-1.7\n'), 'Export the data as CSV'],
    ['an Excel workbook (.xlsx) or a ZIP archive', bytes('PK', [3, 4, 20, 0]), 'Save or export it as CSV'],
    ['an empty ZIP archive', bytes('PK', [5, 6], Array(18).fill(0)), 'Choose the CSV file instead.'],
    ['an Excel 97-2003 workbook (.xls)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'Save or export it as CSV'],
    ['a gzip-compressed file', bytes([0x1f, 0x8b, 8, 0]), 'Uncompress it'],
    ['a RAR archive', bytes('Rar!', [0x1a, 0x07, 0]), 'Extract it'],
    ['a 7-Zip archive', bytes('7z', [0xbc, 0xaf, 0x27, 0x1c]), 'Extract it'],
    ['an SQLite database (a Closebook workspace?)', bytes('SQLite format 3', [0, 0x10, 0]), 'Choose the CSV file instead.'],
  ])('%s', async (what, file, advice) => {
    const error = await refusal(file);
    expect(error).toMatchObject({ code: 'binary_file', row: null, byteOffset: 0 });
    expect(error.message.startsWith(`The file looks like a binary file, not CSV: it is ${what}. `)).toBe(true);
    expect(error.message).toContain(advice);
  });

  it.each([
    ['text that starts like a RIFF file but is not WebP', 'RIFF,name\n1,x\n'],
    ['text that starts with PK but no ZIP mark', 'PK,name\n1,x\n'],
    ['a header named GIF', 'GIF,name\n1,x\n'],
    ['a header named MM', 'MM,name\n1,x\n'],
  ])('%s is read as CSV', async (_, text) => {
    const csv = await openCsv(Buffer.from(text));
    expect(csv.info.header?.names[0]).toBe(text.split(',')[0]);
    await csv.close();
  });

  it('a file that holds only part of a signature is not taken for one', async () => {
    const cut = await refusal(bytes([0x89], 'PN'));
    expect(cut.message).not.toContain('PNG');
    const csv = await openCsv(Buffer.from('PK\n1\n'));
    expect(csv.info.header?.names).toEqual(['PK']);
    await csv.close();
  });
});

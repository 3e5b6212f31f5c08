import { describe, expect, it } from 'vitest';
import { CsvParseError, readCsv, type ReadCsvOptions } from '../../../../src/main/imports/parse/index';
import { locateEnd } from '../../../../src/main/imports/parse/locate-end';

// Bytes the encoding in use cannot read are an error naming the row, the column (by its
// header name when there is one) and the byte; never a U+FFFD in the data. The same place
// whether the bytes are in the part the encoding was detected from or far after it, and
// however the file is cut into reads.

async function failure(bytes: Buffer, options: ReadCsvOptions = {}): Promise<CsvParseError> {
  try {
    for await (const _ of readCsv(bytes, options)) {
      /* drain */
    }
  } catch (error) {
    if (error instanceof CsvParseError) return error;
    throw error;
  }
  throw new Error('expected a CsvParseError');
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const ascii = (rows: number) => Array.from({ length: rows }, (_, i) => `${i};plain;text`).join('\n') + '\n';

describe('locateEnd', () => {
  it('counts rows, columns and lines, quotes respected', () => {
    expect(locateEnd('', ',', 1)).toEqual({ row: 1, column: 1, line: 1 });
    expect(locateEnd('a,b\r\nc,', ',', 1)).toEqual({ row: 2, column: 2, line: 2 });
    expect(locateEnd('a;"x;\ny""z";', ';', 7)).toEqual({ row: 7, column: 3, line: 8 });
    expect(locateEnd('a,"open\r\nstill', ',', 1)).toEqual({ row: 1, column: 2, line: 2 });
    expect(locateEnd('a\rb\r', ',', 1)).toEqual({ row: 3, column: 1, line: 3 });
  });
});

describe('bytes the encoding cannot read', () => {
  it.each([undefined, 1, 2, 7])('in the first part of a file read as chosen UTF-8 (chunkBytes: %s): row, column and name', async (chunkBytes) => {
    const error = await failure(latin1('id;name;note\n1;ok;x\n2;Café;y\n'), { encoding: 'utf-8', chunkBytes });
    expect(error).toMatchObject({ code: 'invalid_encoding', row: 3, column: 2, byteOffset: 25 });
    // The cell both ways in the message; the byte and its offset in the details.
    expect(error.message).toBe(
      'Row 3, column 2 ("name") is not valid UTF-8: it reads "Caf\uFFFD" as UTF-8 and "Café" as Windows-1252 (Latin-1). If it was saved by Excel on Windows, choose Windows-1252 (Latin-1).',
    );
    expect(error.toJSON()).toMatchObject({
      technical: 'byte 0xE9 at offset 25 is not valid UTF-8',
      readings: { 'utf-8': 'Caf\uFFFD', 'windows-1252': 'Café' },
      suggestedEncoding: 'windows-1252',
    });
  });

  it('far after the detected part: the same row, column and name, and the hint that the start read as UTF-8', async () => {
    const head = `id;name;note\n${ascii(20_000)}`;
    const error = await failure(Buffer.concat([Buffer.from(head), latin1('x;y;Café\n')]), { chunkBytes: 64 * 1024 });
    expect(error).toMatchObject({ code: 'invalid_encoding', row: 20_002, column: 3, byteOffset: head.length + 7 });
    expect(error.message).toMatch(/^Row 20,002, column 3 \("note"\) is not valid UTF-8: it reads "Caf\uFFFD" as UTF-8 and "Café" as Windows-1252 \(Latin-1\)\. The start of the file read as UTF-8; /);
    expect(error.encodingFacts?.technical).toMatch(/^byte 0xE9 at offset [\d,]+ is not valid UTF-8$/);
  });

  it('inside a quoted field with a line break: the row it starts on, and the line', async () => {
    const error = await failure(latin1('id,note\n1,"two\nlines é"\n'), { encoding: 'utf-8' });
    expect(error).toMatchObject({ row: 2, column: 2 });
    // The cell's text from the line break on: what was read of it on the bad byte's line.
    expect(error.message).toMatch(/^Row 2, column 2 \("note"\) \(on line 3\) is not valid UTF-8: it reads "lines \uFFFD" as UTF-8 and "lines é" /);
  });

  it('in the header: row 1, no name to give', async () => {
    const error = await failure(latin1('id,Société\n1,x\n'), { encoding: 'utf-8' });
    expect(error).toMatchObject({ row: 1, column: 2 });
    expect(error.message).toMatch(/^Row 1, column 2 is not valid UTF-8: it reads "Soci\uFFFDt\uFFFD" as UTF-8 and "Société" /);
  });

  it('without a header: the column by number only', async () => {
    const error = await failure(latin1('1,x\n2,é\n'), { encoding: 'utf-8', hasHeader: false });
    expect(error).toMatchObject({ row: 2, column: 2 });
    expect(error.message).toMatch(/^Row 2, column 2 is not valid UTF-8: it reads "\uFFFD" as UTF-8 and "é" /);
  });

  it('a cut character at the end of the file', async () => {
    const error = await failure(Buffer.concat([Buffer.from('id,name\n1,'), Buffer.from([0xe2, 0x82])]), { encoding: 'utf-8' });
    expect(error.message).toBe(
      'Row 2, column 2 ("name"): the file ends in the middle of a UTF-8 character (offset 10). If it was saved by Excel on Windows, choose Windows-1252 (Latin-1).',
    );
  });

  it('an unpaired UTF-16 surrogate: row and column, and no Excel hint', async () => {
    const text = Buffer.from('\uFEFFid,name\n1,', 'utf16le');
    const error = await failure(Buffer.concat([text, Buffer.from([0x00, 0xdc]), Buffer.from('x\n', 'utf16le')]));
    expect(error).toMatchObject({ code: 'invalid_encoding', row: 2, column: 2 });
    expect(error.message).toBe(`Row 2, column 2 ("name"): the UTF-16LE character at offset ${text.length} is an unpaired surrogate.`);
  });

  it('a chosen delimiter places the column even before the delimiter could be sniffed', async () => {
    const error = await failure(latin1('a|b|é'), { encoding: 'utf-8', delimiter: '|', hasHeader: false });
    expect(error).toMatchObject({ row: 1, column: 3 });
  });
});

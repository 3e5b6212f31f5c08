import { describe, expect, it } from 'vitest';
import { encodingExamples } from '../../../../src/main/imports/parse/encoding-examples';
import { decodeWindows1252, encodeWindows1252 } from '../../../../src/main/imports/parse/windows-1252';

const row = (rowNumber: number, ...cells: string[]) => ({ rowNumber, cells });
/** A cell as the reader gives it: these bytes decoded as Windows-1252. */
const cp1252 = (bytes: Buffer) => decodeWindows1252(bytes);

describe('encodeWindows1252', () => {
  it('gives back the bytes of every decoded byte, the undefined five included', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeWindows1252(decodeWindows1252(all))).toEqual(all);
  });

  it('refuses text Windows-1252 has no byte for', () => {
    expect(encodeWindows1252('€ “x”')).toEqual(Uint8Array.from([0x80, 0x20, 0x93, 0x78, 0x94]));
    expect(encodeWindows1252('東京')).toBeNull();
    expect(encodeWindows1252('\u0080')).toBeNull(); // 0x80 reads as €, never as U+0080
    expect(encodeWindows1252('😀')).toBeNull();
  });
});

describe('encodingExamples', () => {
  it('shows what the bytes of a Windows-1252 cell say as UTF-8, or that they are not UTF-8', () => {
    const examples = encodingExamples([row(2, 'x', cp1252(Buffer.from('Café', 'latin1')))]);
    expect(examples).toEqual([{ rowNumber: 2, column: 2, windows1252: 'Café', utf8: null, utf8Shown: 'Caf\uFFFD' }]);
  });

  it('reads UTF-8 bytes that Windows-1252 garbled back as UTF-8', () => {
    const garbled = cp1252(Buffer.from('Café €', 'utf8'));
    expect(garbled).toBe('CafÃ© â‚¬');
    expect(encodingExamples([row(4, garbled)])).toEqual([{ rowNumber: 4, column: 1, windows1252: 'CafÃ© â‚¬', utf8: 'Café €', utf8Shown: 'Café €' }]);
  });

  it('skips ASCII cells and repeats, and stops at the most asked for', () => {
    const rows = [row(2, 'plain', 'Café'), row(3, 'Café', 'Müller'), row(4, 'Zoë'), row(5, 'Åsa')];
    expect(encodingExamples(rows).map((e) => [e.rowNumber, e.column, e.windows1252])).toEqual([
      [2, 2, 'Café'],
      [3, 2, 'Müller'],
      [4, 1, 'Zoë'],
    ]);
    expect(encodingExamples(rows, 1).map((e) => e.windows1252)).toEqual(['Café']);
    expect(encodingExamples([row(2, 'a', 'b'), row(3, '')])).toEqual([]);
  });

  it('keeps one cell that is valid UTF-8 when others are not (a file that mixes encodings), in file order', () => {
    const rows = [row(2, 'Ä1'), row(3, 'Ä2'), row(4, 'Ä3'), row(5, cp1252(Buffer.from('né', 'utf8'))), row(6, 'Ä4')];
    expect(encodingExamples(rows).map((e) => [e.rowNumber, e.utf8])).toEqual([
      [2, null],
      [3, null],
      [5, 'né'],
    ]);
  });

  it('ignores text Windows-1252 did not decode (a row from another reading)', () => {
    expect(encodingExamples([row(2, '東京')])).toEqual([]);
  });
});

import { CsvParseError } from './parse-error';

// A spreadsheet or archive renamed .csv should be named as such, not reported as a
// thousand ragged rows.
const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or a ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an Excel 97-2003 workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
];

export function rejectKnownBinary(sample: Uint8Array): void {
  for (const { bytes, what } of SIGNATURES) {
    if (sample.length >= bytes.length && bytes.every((b, i) => sample[i] === b)) {
      throw new CsvParseError('binary_file', `The file looks like a binary file, not CSV: it is ${what}. Save or export it as CSV and import that.`, {
        byteOffset: 0,
      });
    }
  }
}

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return.
const CONTROL = /[\x01-\x08\x0E-\x1F\x7F]/g;

/**
 * Where decoded text stops looking like CSV, or -1: any NUL, or (in the first chunk) more
 * than 1% control characters; a few stray ones, like a DOS end-of-file mark, pass.
 */
export function binaryCharIndex(text: string, checkControls: boolean): number {
  const nul = text.indexOf('\0');
  if (nul !== -1) return nul;
  if (checkControls) {
    const controls = text.match(CONTROL)?.length ?? 0;
    if (controls >= 4 && controls > text.length * 0.01) return text.search(CONTROL);
  }
  return -1;
}

import { CsvParseError } from './parse-error';

// A spreadsheet, archive, document or picture renamed .csv should be named as such, not
// reported as a thousand ragged rows. Only marks no CSV file plausibly starts with; each
// is [offset, bytes] (RIFF files name their kind at byte 8).
type Mark = readonly [at: number, bytes: readonly number[]];

const SAVE_AS_CSV = 'Save or export it as CSV and import that.';
const EXTRACT = 'Extract it and import the CSV file inside.';
const NOT_A_TABLE = 'Choose the CSV file instead.';
const bytesOf = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: ReadonlyArray<{ marks: readonly Mark[]; what: string; advice: string }> = [
  { marks: [[0, [0x50, 0x4b, 0x03, 0x04]]], what: 'an Excel workbook (.xlsx) or a ZIP archive', advice: SAVE_AS_CSV },
  { marks: [[0, [0x50, 0x4b, 0x05, 0x06]]], what: 'an empty ZIP archive', advice: NOT_A_TABLE },
  { marks: [[0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]], what: 'an Excel 97-2003 workbook (.xls)', advice: SAVE_AS_CSV },
  { marks: [[0, bytesOf('%PDF-')]], what: 'a PDF document', advice: 'Export the data as CSV from the program that made the PDF and import that.' },
  { marks: [[0, [0x1f, 0x8b]]], what: 'a gzip-compressed file', advice: 'Uncompress it and import the CSV file inside.' },
  { marks: [[0, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]]], what: 'a RAR archive', advice: EXTRACT },
  { marks: [[0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]]], what: 'a 7-Zip archive', advice: EXTRACT },
  { marks: [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]], what: 'a PNG image', advice: NOT_A_TABLE },
  { marks: [[0, [0xff, 0xd8, 0xff]]], what: 'a JPEG image', advice: NOT_A_TABLE },
  { marks: [[0, bytesOf('GIF87a')]], what: 'a GIF image', advice: NOT_A_TABLE },
  { marks: [[0, bytesOf('GIF89a')]], what: 'a GIF image', advice: NOT_A_TABLE },
  { marks: [[0, bytesOf('RIFF')], [8, bytesOf('WEBP')]], what: 'a WebP image', advice: NOT_A_TABLE },
  { marks: [[0, [0x49, 0x49, 0x2a, 0x00]]], what: 'a TIFF image', advice: NOT_A_TABLE },
  { marks: [[0, [0x4d, 0x4d, 0x00, 0x2a]]], what: 'a TIFF image', advice: NOT_A_TABLE },
  // A workspace (or another database) picked by mistake.
  { marks: [[0, [...bytesOf('SQLite format 3'), 0]]], what: 'an SQLite database (a Closebook workspace?)', advice: NOT_A_TABLE },
];

function hasMark(sample: Uint8Array, [at, bytes]: Mark): boolean {
  return sample.length >= at + bytes.length && bytes.every((b, i) => sample[at + i] === b);
}

export function rejectKnownBinary(sample: Uint8Array): void {
  const known = SIGNATURES.find(({ marks }) => marks.every((mark) => hasMark(sample, mark)));
  if (!known) return;
  throw new CsvParseError('binary_file', `The file looks like a binary file, not CSV: it is ${known.what}. ${known.advice}`, { byteOffset: 0 });
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

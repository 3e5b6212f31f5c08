import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { CsvRow } from './record-tokenizer';
import { encodeWindows1252 } from './windows-1252';

// For the wizard's encoding question: cells of a file read as Windows-1252, with what the
// same bytes say as UTF-8 ("Café" is "Caf" and a byte UTF-8 cannot read; "CafÃ©" is UTF-8's
// "Café"), so the user judges the readings by the file's own text, not by a guess of ours.

export interface EncodingExample {
  rowNumber: number;
  /** 1-based. */
  column: number;
  windows1252: string;
  /** The same bytes read as UTF-8; null when they are not valid UTF-8. */
  utf8: string | null;
  /** What a lenient UTF-8 reader would show, U+FFFD for bytes it cannot read: only ever displayed, never stored. */
  utf8Shown: string;
}

const NON_ASCII = /[^\x00-\x7F]/;
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Up to `max` distinct cells with non-ASCII text, in file order. Cells UTF-8 cannot read
 * come first; when others are valid UTF-8 too (a file that mixes encodings), one of those
 * is kept, as it is the reading that changes.
 */
export function encodingExamples(rows: Iterable<CsvRow>, max = 3): EncodingExample[] {
  const invalid: EncodingExample[] = [];
  const valid: EncodingExample[] = [];
  const seen = new Set<string>();
  for (const { rowNumber, cells } of rows) {
    cells.forEach((text, index) => {
      if (!NON_ASCII.test(text) || seen.has(text)) return;
      seen.add(text);
      const bytes = encodeWindows1252(text);
      if (bytes === null) return; // not text Windows-1252 decoded
      const utf8 = isUtf8(bytes) ? Buffer.from(bytes).toString('utf8') : null;
      const example = { rowNumber, column: index + 1, windows1252: text, utf8, utf8Shown: utf8 ?? lenientUtf8.decode(bytes) };
      (utf8 === null ? invalid : valid).push(example);
    });
    if (invalid.length >= max && valid.length > 0) break;
  }
  const picked = invalid.length === 0 ? valid.slice(0, max) : valid.length === 0 ? invalid.slice(0, max) : [...invalid.slice(0, max - 1), valid[0]];
  return picked.sort((a, b) => a.rowNumber - b.rowNumber || a.column - b.column);
}

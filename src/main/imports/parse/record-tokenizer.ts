import type { CsvDelimiter } from '../../../shared/contract/file-format';
import { countText, CsvParseError } from './parse-error';

/** One record of the file. `cells` is empty for a blank line (no characters at all). */
export interface CsvRow {
  /** 1-based physical line where the row starts; the header, if any, is row 1. */
  rowNumber: number;
  cells: string[];
}

export interface CsvLimits {
  /** Longest field accepted, in characters. */
  maxFieldChars: number;
  /** Longest row accepted, in characters; bounds memory when a line never ends. */
  maxRowChars: number;
}

export const DEFAULT_LIMITS: CsvLimits = { maxFieldChars: 1_000_000, maxRowChars: 8_000_000 };

const QUOTE = 34;
const LF = 10;
const CR = 13;
const LINE_BREAK = /\r\n|\r|\n/g;

function countLineBreaks(text: string): number {
  if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1) return 0;
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Splits decoded text into records, strictly (RFC 4180): a quote may only open a field
 * and close it (doubled inside), and a field's text must end at a delimiter or line end.
 * Any of CRLF, LF and CR ends a record outside quotes, so mixed files read as written.
 *
 * Text arrives in chunks; a record cut by a chunk end is carried to the next push.
 * Lines without a quote (the usual case) go through native indexOf/split, so no loop
 * here visits characters one by one.
 */
export class RecordTokenizer {
  private carry = '';
  private line = 1;
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  // Everything an unquoted field may hold; sticky, so it matches from lastIndex only.
  private readonly unquotedField: RegExp;
  // Line breaks inside the quoted fields of the record quotedRecord() just read.
  private recordLineBreaks = 0;

  constructor(
    delimiter: CsvDelimiter,
    private readonly limits: CsvLimits = DEFAULT_LIMITS,
  ) {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.unquotedField = new RegExp(`[^${delimiter === '|' ? '\\|' : delimiter}"\\r\\n]*`, 'y');
  }

  /** Physical line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Text received but not yet part of a complete record. */
  get pendingText(): string {
    return this.carry;
  }

  /** Tokenize complete records into `out`. With `final`, the rest is the last record. */
  push(text: string, final: boolean, out: CsvRow[]): void {
    const s = this.carry.length > 0 ? this.carry + text : text;
    const len = s.length;
    const { maxFieldChars } = this.limits;
    let pos = 0;
    let line = this.line;
    // Next positions of the characters that matter, refreshed only once passed.
    let nextQuote = s.indexOf('"');
    let nextLf = s.indexOf('\n');
    let nextCr = s.indexOf('\r');
    while (pos < len) {
      if (nextLf !== -1 && nextLf < pos) nextLf = s.indexOf('\n', pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = s.indexOf('\r', pos);
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = s.indexOf('"', pos);
      const lineEnd = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
      if (nextQuote !== -1 && (lineEnd === -1 || nextQuote < lineEnd)) {
        const next = this.quotedRecord(s, pos, line, final, out);
        if (next === -1) break;
        line += 1 + this.recordLineBreaks;
        pos = next;
        continue;
      }
      let end: number;
      let next: number;
      if (lineEnd === -1) {
        if (!final) break;
        end = next = len;
      } else if (s.charCodeAt(lineEnd) === CR) {
        if (lineEnd + 1 === len && !final) break; // the LF of a CRLF may be in the next chunk
        end = lineEnd;
        next = s.charCodeAt(lineEnd + 1) === LF ? lineEnd + 2 : lineEnd + 1;
      } else {
        end = lineEnd;
        next = lineEnd + 1;
      }
      const cells = end === pos ? [] : s.slice(pos, end).split(this.delimiter);
      if (end - pos > maxFieldChars) this.checkFieldLengths(cells, line);
      out.push({ rowNumber: line, cells });
      line++;
      pos = next;
    }
    this.carry = pos < len ? s.slice(pos) : '';
    this.line = line;
    if (this.carry.length > this.limits.maxRowChars) {
      throw new CsvParseError('row_too_long', `Row ${line} is longer than ${countText(this.limits.maxRowChars)} characters; is a line break or closing quote missing?`, {
        row: line,
      });
    }
  }

  /** One record that contains a quote, field by field. Returns where the next record starts, or -1 for "need more text". */
  private quotedRecord(s: string, start: number, line: number, final: boolean, out: CsvRow[]): number {
    const len = s.length;
    const { maxFieldChars } = this.limits;
    const cells: string[] = [];
    let lineBreaks = 0;
    let pos = start;
    for (;;) {
      const column = cells.length + 1;
      let end: number;
      if (s.charCodeAt(pos) === QUOTE) {
        let search = pos + 1;
        let doubled = false;
        for (;;) {
          end = s.indexOf('"', search);
          if (end === -1) {
            if (final) throw this.error('unterminated_quote', line, column, lineBreaks, 'the quote that opens this field is never closed');
            if (len - pos > maxFieldChars) throw this.tooLong(line, column, true);
            return -1;
          }
          if (end + 1 === len && !final) return -1; // might be the first half of a doubled quote
          if (s.charCodeAt(end + 1) !== QUOTE) break;
          doubled = true;
          search = end + 2;
        }
        if (end - pos - 1 > maxFieldChars) throw this.tooLong(line, column, false);
        const value = doubled ? s.slice(pos + 1, end).replaceAll('""', '"') : s.slice(pos + 1, end);
        lineBreaks += countLineBreaks(value);
        cells.push(value);
        end++;
        if (end < len) {
          const c = s.charCodeAt(end);
          if (c !== this.delimiterCode && c !== LF && c !== CR) {
            throw this.error('stray_quote', line, column, lineBreaks, `text follows the closing quote of this field (${JSON.stringify(s.slice(end, end + 10))}); a quote inside a field must be doubled`);
          }
        }
      } else {
        this.unquotedField.lastIndex = pos;
        this.unquotedField.test(s);
        end = this.unquotedField.lastIndex;
        if (end - pos > maxFieldChars) throw this.tooLong(line, column, false);
        if (s.charCodeAt(end) === QUOTE) {
          const hint = s.slice(pos, end).trim() === '' ? ' (a space before the opening quote?)' : '';
          throw this.error('stray_quote', line, column, lineBreaks, `a quote appears inside an unquoted field${hint}; a field holding quotes must be quoted, with its quotes doubled`);
        }
        cells.push(s.slice(pos, end));
      }
      // `end` is just past the field: a delimiter, a line break or the end of the text.
      if (end === len) {
        if (!final) return -1;
        break;
      }
      const c = s.charCodeAt(end);
      if (c === this.delimiterCode) {
        pos = end + 1;
        if (pos === len) {
          if (!final) return -1;
          cells.push('');
          end = len;
          break;
        }
        continue;
      }
      if (c === CR) {
        if (end + 1 === len && !final) return -1;
        end += s.charCodeAt(end + 1) === LF ? 2 : 1;
      } else {
        end += 1;
      }
      out.push({ rowNumber: line, cells });
      this.recordLineBreaks = lineBreaks;
      return end;
    }
    out.push({ rowNumber: line, cells });
    this.recordLineBreaks = lineBreaks;
    return len;
  }

  private checkFieldLengths(cells: string[], line: number): void {
    const index = cells.findIndex((cell) => cell.length > this.limits.maxFieldChars);
    if (index !== -1) throw this.tooLong(line, index + 1, false);
  }

  private tooLong(line: number, column: number, open: boolean): CsvParseError {
    const limit = countText(this.limits.maxFieldChars);
    const message = open
      ? `Row ${line}, column ${column}: the quoted field runs past ${limit} characters; is its closing quote missing?`
      : `Row ${line}, column ${column}: the field is longer than ${limit} characters, the most a cell may hold.`;
    return new CsvParseError('field_too_long', message, { row: line, column });
  }

  private error(code: 'unterminated_quote' | 'stray_quote', line: number, column: number, lineBreaks: number, problem: string): CsvParseError {
    const where = lineBreaks > 0 ? ` (on line ${line + lineBreaks})` : '';
    return new CsvParseError(code, `Row ${line}, column ${column}${where}: ${problem}.`, { row: line, column });
  }
}

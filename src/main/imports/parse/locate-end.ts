// Where in the file's rows a piece of text ends, for an error found right after it (bytes
// the encoding cannot read): the row, the column and the physical line. Only the error
// path calls this, so it may walk the text character by character.

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface TextPlace {
  /** The line the record holding the end of the text starts on: the row, as other errors count it. */
  row: number;
  /** 1-based. */
  column: number;
  /** The physical line the text ends on (differs from `row` inside a quoted field with line breaks). */
  line: number;
}

/** `text` starts at the beginning of a record on `startLine`; quotes are respected, CRLF, LF and CR end lines. */
export function locateEnd(text: string, delimiter: string, startLine: number): TextPlace {
  const delimiterCode = delimiter.charCodeAt(0);
  let row = startLine;
  let line = startLine;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lineBreak = c === LF || (c === CR && text.charCodeAt(i + 1) !== LF);
    if (quoted) {
      if (c === QUOTE) quoted = false;
      else if (lineBreak) line++;
    } else if (c === QUOTE) {
      // An opening quote, or the second of a doubled one; a stray quote is the tokenizer's to report.
      quoted = true;
    } else if (c === delimiterCode) {
      column++;
    } else if (lineBreak) {
      line++;
      row = line;
      column = 1;
    }
  }
  return { row, column, line };
}

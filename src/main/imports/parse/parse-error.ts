// Every way reading a CSV file can fail, as data with a stable code: the import wizard
// shows the message, and the row/column to point at, whatever the transport.

export const CSV_ERROR_CODES = [
  'empty_file',
  'header_only',
  'binary_file',
  'invalid_encoding',
  'unterminated_quote',
  'stray_quote',
  'ragged_row',
  'field_too_long',
  'row_too_long',
  'duplicate_header',
  'empty_header',
  'reserved_header',
  'file_changed',
  'unreadable_file',
  'cancelled',
] as const;

export type CsvErrorCode = (typeof CSV_ERROR_CODES)[number];

export interface CsvErrorPlace {
  /** 1-based physical line of the row's start (the header is row 1); null for file-level errors. */
  row?: number | null;
  /** 1-based column. */
  column?: number;
  /** Offset in the file, for encoding and binary errors. */
  byteOffset?: number;
}

/** What an encoding error adds: the bytes' place in technical terms, and the cell read each way. */
export interface CsvEncodingFacts {
  /** "byte 0xE4 at offset 36 is not valid UTF-8": for the details line, not the message. */
  technical: string;
  /** The cell as each encoding reads it, e.g. {"utf-8": "M\uFFFDller", "windows-1252": "Müller"}. */
  readings?: Record<string, string>;
  /** The encoding that reads the bytes, to offer in place of the one in use. */
  suggestedEncoding?: string;
}

export class CsvParseError extends Error {
  readonly code: CsvErrorCode;
  readonly row: number | null;
  readonly column: number | undefined;
  readonly byteOffset: number | undefined;
  readonly encodingFacts: CsvEncodingFacts | undefined;

  constructor(code: CsvErrorCode, message: string, place: CsvErrorPlace = {}, encodingFacts?: CsvEncodingFacts) {
    super(message);
    this.name = 'CsvParseError';
    this.code = code;
    this.row = place.row ?? null;
    this.column = place.column;
    this.byteOffset = place.byteOffset;
    this.encodingFacts = encodingFacts;
  }

  /** The plain-data form that crosses the API boundary (`detail` of an ApiError). */
  toJSON(): { code: CsvErrorCode; message: string; row: number | null; column?: number; byteOffset?: number } & Partial<CsvEncodingFacts> {
    return { code: this.code, message: this.message, row: this.row, column: this.column, byteOffset: this.byteOffset, ...this.encodingFacts };
  }
}

/** "1,000,000" for messages; grouping only, never used for amounts. */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}

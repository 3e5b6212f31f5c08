import { CsvParseError } from './parse-error';

// Names that would reach into Object.prototype if a later step ever keyed a plain object
// by column name. Rows stay arrays; refusing the names keeps every later step safe too.
const RESERVED = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)].map((n) => n.toLowerCase()));

/** Whitespace a spreadsheet leaves around a name, including no-break and zero-width spaces. */
const SURROUNDING_SPACE = /^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g;

export interface CsvHeader {
  /** Column names as shown and matched: trimmed of surrounding whitespace. */
  names: string[];
  /** The cells exactly as in the file. */
  raw: string[];
}

/**
 * Check the header row. Names are trimmed (a trailing space in "Amount " is never
 * meaningful) and compared case-insensitively, so "Amount" and "amount " collide.
 * Errors name the columns, 1-based, as a spreadsheet user counts them.
 */
export function checkHeader(cells: string[], rowNumber = 1): CsvHeader {
  const names = cells.map((cell) => cell.replace(SURROUNDING_SPACE, ''));
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    const column = index + 1;
    if (name === '') {
      throw new CsvParseError('empty_header', `Column ${column} of the header row has no name; every column needs a unique name.`, { row: rowNumber, column });
    }
    const key = name.normalize('NFC').toLowerCase();
    if (RESERVED.has(key)) {
      throw new CsvParseError('reserved_header', `Column ${column} is named "${name}", which is reserved; rename the column.`, { row: rowNumber, column });
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new CsvParseError(
        'duplicate_header',
        `Columns ${earlier} ("${names[earlier - 1]}") and ${column} ("${name}") have the same name (compared ignoring case and surrounding spaces); rename one of them.`,
        { row: rowNumber, column },
      );
    }
    seen.set(key, column);
  });
  return { names, raw: cells };
}

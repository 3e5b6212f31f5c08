import { describe, expect, it } from 'vitest';
import { checkHeader, CsvParseError } from '../../../../src/main/imports/parse/index';

function headerError(cells: string[]): CsvParseError {
  try {
    checkHeader(cells);
  } catch (error) {
    if (error instanceof CsvParseError) return error;
  }
  throw new Error('expected a header error');
}

describe('checkHeader', () => {
  it('trims names and keeps the raw cells', () => {
    expect(checkHeader([' id', 'Amount\u00A0', '\uFEFFnote'])).toEqual({ names: ['id', 'Amount', 'note'], raw: [' id', 'Amount\u00A0', '\uFEFFnote'] });
  });

  it('rejects duplicates ignoring case, surrounding space and Unicode composition, naming both columns', () => {
    expect(headerError(['id', 'Amount', 'AMOUNT '])).toMatchObject({ code: 'duplicate_header', row: 1, column: 3 });
    expect(headerError(['id', 'Amount', 'AMOUNT ']).message).toContain('Columns 2 ("Amount") and 3 ("AMOUNT")');
    expect(headerError(['caf\u00E9', 'cafe\u0301']).code).toBe('duplicate_header');
  });

  it('rejects empty names, naming the column', () => {
    expect(headerError(['id', '', 'x'])).toMatchObject({ code: 'empty_header', column: 2 });
    expect(headerError(['id', 'x', ' \t'])).toMatchObject({ code: 'empty_header', column: 3 });
  });

  it.each(['__proto__', 'constructor', 'prototype', 'Constructor', 'hasOwnProperty', 'toString', '__defineGetter__'])('rejects the reserved name %s', (name) => {
    expect(headerError(['id', name])).toMatchObject({ code: 'reserved_header', column: 2 });
  });
});

import type { Database } from '../db/driver';
import { textCell } from './csv-file';

// A big export builds its CSV lines inside SQLite (see sql-lines.ts): one string per
// chunk of rows crosses into JS instead of a value per cell. The SQL here writes the
// cells textCell and the exporters write in JS, byte for byte, for the values that are
// common; anything else (a cell a spreadsheet could read as a formula, an integer past
// 2^53, an odd type) goes to the JS function itself through a registered SQL function,
// so the two can never disagree, only differ in speed.

/** SQL functions calling the JS cell writers, for the values the SQL forms leave to them. */
export const CSV_TEXT_FUNCTION = 'closebook_csv_text';
export const CSV_NUMBER_FUNCTION = 'closebook_csv_number';

const registered = new WeakSet<Database.Database>();

/** Registers the fallback functions on a connection (once). */
export function registerCsvFunctions(db: Database.Database): void {
  if (registered.has(db)) return;
  db.function(CSV_TEXT_FUNCTION, { deterministic: true }, (value: unknown) => textCell(value === null ? null : String(value)));
  db.function(CSV_NUMBER_FUNCTION, { deterministic: true }, (value: unknown) => (value === null ? '' : String(value)));
  registered.add(db);
}

// Raw CR and LF inside SQL string literals: no char() call per cell. The comma first: the
// likeliest in a description, and OR stops at the first hit.
const QUOTE_NEEDED = (x: string) => `(instr(${x}, ',') OR instr(${x}, '"') OR instr(${x}, '\n') OR instr(${x}, '\r'))`;

/**
 * textCell(x) in SQL for a text column. A value starting with a digit, an ASCII letter or
 * one of [\]^_`{ cannot be a formula (no space, no = + - @ | or their fullwidth forms, no
 * tab or CR first), so it is only quoted when it holds a quote, comma or line break;
 * every other start, the empty text included, is left to textCell in JS.
 */
export function sqlTextCell(x: string): string {
  const safeStart = `(unicode(${x}) BETWEEN 65 AND 123 OR unicode(${x}) BETWEEN 48 AND 57)`;
  return (
    `CASE WHEN ${x} IS NULL THEN '' WHEN ${safeStart} THEN ` +
    `CASE WHEN ${QUOTE_NEEDED(x)} THEN '"' || replace(${x}, '"', '""') || '"' ELSE ${x} END ` +
    `ELSE ${CSV_TEXT_FUNCTION}(${x}) END`
  );
}

/** A text column whose values normally match `glob` (which must admit no formula start and no character that needs quotes). */
export function sqlShapedTextCell(x: string, glob: string): string {
  return `CASE WHEN ${x} GLOB '${glob}' THEN ${x} ELSE ${CSV_TEXT_FUNCTION}(${x}) END`;
}

/** An already written cell as an SQL string literal. */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** String(n) for an integer column: a safe integer reads the same in SQL; anything else goes to JS. */
export function sqlIntegerCell(x: string): string {
  return `CASE WHEN typeof(${x}) = 'integer' AND ${x} BETWEEN -9007199254740991 AND 9007199254740991 THEN ${x} ELSE ${CSV_NUMBER_FUNCTION}(${x}) END`;
}

/**
 * microsToDecimal(x) in SQL for an integer count of micro-units (the revenues table's
 * CHECK keeps it an integer within 2^53): the whole units, a point, then the six decimals
 * with trailing zeros dropped but at least two kept. Integer arithmetic only.
 */
export function sqlMoneyCell(x: string): string {
  const positive = (v: string) =>
    `(${v} / 1000000) || '.' || CASE WHEN ${v} % 10000 = 0 THEN substr(${v} % 1000000 / 10000 + 100, 2) ELSE rtrim(substr(${v} % 1000000 + 1000000, 2), '0') END`;
  return `CASE WHEN ${x} >= 0 THEN ${positive(x)} ELSE '-' || ${positive(`(-${x})`)} END`;
}

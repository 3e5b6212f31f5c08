// A block of cells picked with Shift+arrows (or Shift+click) and copied as tab-separated
// text, as spreadsheets paste it. AG Grid's range selection is an Enterprise feature; this
// is the small part a review needs: one rectangle on the loaded rows, copied exactly.

export interface CellPosition {
  rowIndex: number;
  colId: string;
}

export interface CellRange {
  anchor: CellPosition;
  focus: CellPosition;
}

/** At most this many rows are copied at once: a block is for a few rows; export is for a view. */
export const MAX_RANGE_ROWS = 1000;

/** The rows and (displayed) columns a range covers, in order. */
export function rangeBounds(range: CellRange, displayedColumns: readonly string[]): { rows: [number, number]; columns: string[] } {
  const a = displayedColumns.indexOf(range.anchor.colId);
  const b = displayedColumns.indexOf(range.focus.colId);
  const columns = a < 0 || b < 0 ? [] : displayedColumns.slice(Math.min(a, b), Math.max(a, b) + 1);
  return { rows: [Math.min(range.anchor.rowIndex, range.focus.rowIndex), Math.max(range.anchor.rowIndex, range.focus.rowIndex)], columns };
}

export function inRange(range: CellRange | null, rowIndex: number | null, colId: string, displayedColumns: readonly string[]): boolean {
  if (!range || rowIndex === null) return false;
  const { rows, columns } = rangeBounds(range, displayedColumns);
  return rowIndex >= rows[0] && rowIndex <= rows[1] && columns.includes(colId);
}

/** More than one cell: a plain focused cell copies as itself. */
export function isBlock(range: CellRange | null): range is CellRange {
  return range !== null && (range.anchor.rowIndex !== range.focus.rowIndex || range.anchor.colId !== range.focus.colId);
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** The range after Shift+arrow from its focus, kept inside the grid's rows and columns. */
export function extendRange(range: CellRange, key: string, rowCount: number, displayedColumns: readonly string[]): CellRange {
  const move = MOVES[key];
  if (!move) return range;
  const column = displayedColumns.indexOf(range.focus.colId);
  const rowIndex = Math.max(0, Math.min(rowCount - 1, range.focus.rowIndex + move[0]));
  const colIndex = Math.max(0, Math.min(displayedColumns.length - 1, column + move[1]));
  return { anchor: range.anchor, focus: { rowIndex, colId: displayedColumns[colIndex] ?? range.focus.colId } };
}

/** One cell as a spreadsheet reads a tab-separated paste: quoted when it holds a tab, newline or quote. */
export function tsvCell(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as tab-separated text, one line per row (CRLF, as Excel writes it). */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(tsvCell).join('\t')).join('\r\n');
}

import { useCallback, useMemo, useRef } from 'react';
import type { CellClassParams, CellClickedEvent, CellKeyDownEvent, ColDef, FullWidthCellKeyDownEvent, GridApi, SuppressHeaderKeyboardEventParams } from 'ag-grid-community';
import { copyFocusedCell, displayedCellText, writeClipboardText, type CellToCopy } from './copy-cell';
import { extendRange, inRange, isBlock, MAX_RANGE_ROWS, rangeBounds, toTsv, type CellPosition, type CellRange } from './cell-range';

/** The picked block of a grid, read by its cells' class rule through the grid's context. */
export class CellRangeHolder {
  range: CellRange | null = null;
  /** The displayed columns when the range was last changed, in order. */
  columns: string[] = [];
  has(rowIndex: number | null, colId: string): boolean {
    return inRange(this.range, rowIndex, colId, this.columns);
  }
}

/** What a grid's context carries for the range highlight. */
export interface CellRangeContext {
  cellRange?: CellRangeHolder;
}

const inRangeRule = (params: CellClassParams) => (params.context as CellRangeContext | undefined)?.cellRange?.has(params.node.rowIndex, params.column.getColId()) === true;

/** Column defs whose cells are marked while inside the picked block (added to each column's own rules). */
export function withRangeHighlight<TData>(columnDefs: ColDef<TData>[]): ColDef<TData>[] {
  return columnDefs.map((def) => ({ ...def, cellClassRules: { ...def.cellClassRules, 'cell-in-range': inRangeRule } }));
}

/**
 * On a focused heading, Alt+↓ (or Ctrl/Cmd+Enter) opens the column's filter: the community
 * grid opens a column menu there, which these grids do not have. For defaultColDef.
 */
export function openFilterFromHeading({ event, column, api }: SuppressHeaderKeyboardEventParams): boolean {
  const asks = (event.altKey && event.key === 'ArrowDown') || ((event.ctrlKey || event.metaKey) && event.key === 'Enter');
  if (!asks || event.type !== 'keydown' || !('getColId' in column) || !column.getColDef().filter) return false;
  event.preventDefault();
  api.showColumnFilter(column);
  return true;
}

const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End', 'Escape']);

function isCopy(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'c';
}

type KeyParams<TData> = CellKeyDownEvent<TData> | FullWidthCellKeyDownEvent<TData>;

/**
 * Keyboard for a grid paged from the server: Shift+arrows (or Shift+click) pick a block of
 * cells, Ctrl/Cmd+C copies it as tab-separated text (each cell as shown, amounts exact) or
 * the focused cell alone; any other move drops the block. `onKey` sees keys first (e.g.
 * Enter to open a record) and returns true when it handled one.
 */
export function useGridKeyboard<TData>(gridApi: GridApi<TData> | null, options: { textOf?: (cell: CellToCopy<TData>) => string; onKey?: (params: KeyParams<TData>) => boolean } = {}) {
  const holder = useMemo(() => new CellRangeHolder(), []);
  const { textOf = displayedCellText, onKey } = options;
  const copyOne = useMemo(() => copyFocusedCell<TData>(textOf), [textOf]);
  // The last cell focused without Shift: where a Shift+click block starts.
  const anchor = useRef<CellPosition | null>(null);

  const setRange = useCallback(
    (api: GridApi<TData>, range: CellRange | null) => {
      const before = holder.range ? rangeBounds(holder.range, holder.columns).columns : [];
      holder.columns = api.getAllDisplayedColumns().map((column) => column.getColId());
      holder.range = range;
      const after = range ? rangeBounds(range, holder.columns).columns : [];
      const columns = [...new Set([...before, ...after])];
      if (columns.length > 0) api.refreshCells({ columns, force: true });
    },
    [holder],
  );

  const copyBlock = useCallback(
    async (api: GridApi<TData>, range: CellRange, cell: Element | null) => {
      const { rows, columns } = rangeBounds(range, holder.columns);
      const lines: string[][] = [];
      for (let index = rows[0]; index <= Math.min(rows[1], rows[0] + MAX_RANGE_ROWS - 1); index++) {
        const node = api.getDisplayedRowAtIndex(index);
        // A row not loaded yet is never copied as blanks: nothing is copied.
        if (!node?.data) return;
        lines.push(
          columns.map((colId) => {
            const column = api.getColumn(colId)!;
            const value = (node.data as Record<string, unknown>)[column.getColDef().field ?? colId];
            return textOf({ api, node, column, value, context: api.getGridOption('context') });
          }),
        );
      }
      if ((await writeClipboardText(toTsv(lines))) && cell) {
        cell.classList.add('cell-copied');
        setTimeout(() => cell.classList.remove('cell-copied'), 600);
      }
    },
    [holder, textOf],
  );

  const onCellKeyDown = useCallback(
    (params: KeyParams<TData>) => {
      const event = params.event;
      if (!(event instanceof KeyboardEvent) || !('column' in params) || params.rowIndex === null) return;
      if (onKey?.(params)) return;
      const here: CellPosition = { rowIndex: params.rowIndex, colId: params.column.getColId() };
      const api = params.api;
      if (event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.startsWith('Arrow')) {
        event.preventDefault();
        const start = holder.range ?? { anchor: here, focus: here };
        const next = extendRange(start, event.key, api.getDisplayedRowCount(), api.getAllDisplayedColumns().map((c) => c.getColId()));
        setRange(api, next);
        api.ensureIndexVisible(next.focus.rowIndex);
        api.ensureColumnVisible(next.focus.colId);
        api.setFocusedCell(next.focus.rowIndex, next.focus.colId);
        return;
      }
      if (isCopy(event) && isBlock(holder.range) && (globalThis.getSelection?.()?.toString() ?? '') === '') {
        event.preventDefault();
        void copyBlock(api, holder.range, event.target instanceof Element ? event.target.closest('.ag-cell') : null);
        return;
      }
      if (isCopy(event)) return copyOne(params);
      if (NAVIGATION_KEYS.has(event.key)) {
        if (holder.range) setRange(api, null);
        anchor.current = here;
      }
    },
    [holder, onKey, setRange, copyBlock, copyOne],
  );

  const onCellClicked = useCallback(
    (params: CellClickedEvent<TData>) => {
      if (params.rowIndex === null) return;
      const here: CellPosition = { rowIndex: params.rowIndex, colId: params.column.getColId() };
      const mouse = params.event as MouseEvent | null | undefined;
      if (mouse?.shiftKey && (holder.range || anchor.current)) {
        globalThis.getSelection?.()?.removeAllRanges();
        setRange(params.api, { anchor: holder.range?.anchor ?? anchor.current!, focus: here });
        return;
      }
      if (holder.range) setRange(params.api, null);
      anchor.current = here;
    },
    [holder, setRange],
  );

  // Drops the block: callers do when other rows take its places (a new view, sort or filter).
  const clear = useCallback(() => gridApi && holder.range && setRange(gridApi, null), [gridApi, holder, setRange]);
  return { cellRange: holder, onCellKeyDown, onCellClicked, clear };
}

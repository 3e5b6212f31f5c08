import type { CellKeyDownEvent, Column, FullWidthCellKeyDownEvent, GridApi, IRowNode } from 'ag-grid-community';

// AG Grid's clipboard is an Enterprise module; the community grid copies nothing on
// Ctrl+C unless text is selected. These give every grid "Ctrl/Cmd+C copies the focused cell".

export interface CellToCopy<TData> {
  api: GridApi<TData>;
  node: IRowNode<TData>;
  column: Column;
  /** The cell's value, before any valueFormatter. */
  value: unknown;
  context: unknown;
}

/**
 * What the user reads in the cell: the column's valueFormatter result when it has one,
 * otherwise the value itself. Columns whose display hides digits (amounts through
 * MoneyCell) have no valueFormatter, so they copy the exact value.
 */
export function displayedCellText<TData>({ api, node, column, value, context }: CellToCopy<TData>): string {
  const colDef = column.getColDef();
  // Called directly: api.getCellValue would need one more grid module for this one call.
  const formatted =
    typeof colDef.valueFormatter === 'function' ? colDef.valueFormatter({ api, node, data: node.data, column, colDef, value, context }) : value;
  return formatted == null ? '' : String(formatted);
}

function isCopyShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'c';
}

/**
 * An onCellKeyDown handler: Ctrl+C (Cmd+C on a Mac) copies the focused cell's text. Text the
 * user selected inside a cell is left to the browser's own copy.
 */
export function copyFocusedCell<TData>(textOf: (cell: CellToCopy<TData>) => string = displayedCellText) {
  return (params: CellKeyDownEvent<TData> | FullWidthCellKeyDownEvent<TData>): void => {
    const event = params.event;
    if (!(event instanceof KeyboardEvent) || !isCopyShortcut(event) || !('column' in params)) return;
    if (!params.node.data || (globalThis.getSelection?.()?.toString() ?? '') !== '') return;
    event.preventDefault();
    const cell = event.target instanceof Element ? event.target.closest('.ag-cell') : null;
    void writeClipboardText(textOf({ api: params.api, node: params.node, column: params.column, value: params.value, context: params.context })).then((copied) => {
      if (copied && cell) flash(cell);
    });
  };
}

/**
 * Put text on the clipboard. The async clipboard API first; where it is missing or refused
 * (an insecure origin, a desktop shell that denies the permission), a hidden textarea and
 * execCommand('copy'), which Chromium allows in the key press that asked for it.
 */
export async function writeClipboardText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea
  }
  return copyThroughTextarea(text);
}

function copyThroughTextarea(text: string): boolean {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.setAttribute('aria-hidden', 'true');
  // Set through the CSSOM: the page's CSP refuses style attributes.
  Object.assign(area.style, { position: 'fixed', top: '0', left: '-10000px', opacity: '0' });
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  focused?.focus({ preventScroll: true }); // keyboard navigation goes on from the cell
  return copied;
}

// A short highlight, so the copy is seen to have happened.
function flash(cell: Element): void {
  cell.classList.add('cell-copied');
  setTimeout(() => cell.classList.remove('cell-copied'), 600);
}

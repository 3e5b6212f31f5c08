import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Column, GridApi } from 'ag-grid-community';

interface ColumnChooserProps {
  gridApi: GridApi | null;
  /** Export settings shown under the list (e.g. CsvBomToggle). */
  children?: ReactNode;
}

/**
 * Show or hide columns (AG Grid's columns menu is Enterprise-only). Exports follow what
 * is shown, so this is also how a user picks the columns of a CSV. Drag headers to reorder.
 */
export function ColumnChooser({ gridApi, children }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const [columns, setColumns] = useState<Column[]>([]);
  const [, setVersion] = useState(0);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!gridApi) return;
    const refresh = () => {
      setColumns([...(gridApi.getColumns() ?? [])]);
      setVersion((v) => v + 1);
    };
    refresh();
    gridApi.addEventListener('displayedColumnsChanged', refresh);
    return () => {
      if (!gridApi.isDestroyed()) gridApi.removeEventListener('displayedColumnsChanged', refresh);
    };
  }, [gridApi]);

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutside);
    return () => document.removeEventListener('mousedown', closeOnOutside);
  }, [open]);

  const visibleCount = columns.filter((c) => c.isVisible()).length;

  return (
    <div
      className="popover-anchor"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        disabled={!gridApi}
        data-testid="column-chooser"
      >
        Columns{columns.length > 0 && visibleCount < columns.length ? ` (${visibleCount}/${columns.length})` : ''}
      </button>
      {open && (
        <div className="popover" id={panelId} role="group" aria-label="Visible columns">
          {columns.map((column) => {
            const visible = column.isVisible();
            return (
              <label key={column.getColId()} className="set-filter-option">
                <input
                  type="checkbox"
                  checked={visible}
                  // An export needs at least one column.
                  disabled={visible && visibleCount === 1}
                  onChange={(event) => gridApi?.setColumnsVisible([column], event.target.checked)}
                />
                <span>{column.getColDef().headerName ?? column.getColId()}</span>
              </label>
            );
          })}
          <p className="popover-hint">Drag a column header to reorder. The CSV export uses the columns shown, in this order.</p>
          {children}
        </div>
      )}
    </div>
  );
}

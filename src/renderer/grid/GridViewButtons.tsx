import type { GridApi } from 'ag-grid-community';
import type { ExportState } from './use-grid-export';

/** Shown only while a filter is set; clears every filter of the grid. */
export function ClearFiltersButton({ gridApi, filtered }: { gridApi: GridApi | null; filtered: boolean }) {
  if (!filtered) return null;
  return (
    <button type="button" className="button" onClick={() => gridApi?.setFilterModel(null)} data-testid="clear-filters">
      Clear filters
    </button>
  );
}

interface ExportCsvButtonProps {
  gridApi: GridApi | null;
  exporter: { state: ExportState; start: () => void };
  /** What the file will hold, for the tooltip. */
  title: string;
  testId: string;
}

/** Exports the grid's current view (useGridExport); disabled while an export runs. */
export function ExportCsvButton({ gridApi, exporter, title, testId }: ExportCsvButtonProps) {
  const running = exporter.state.status === 'running';
  return (
    <button type="button" className="button button-primary" onClick={exporter.start} disabled={!gridApi || running} data-testid={testId} title={title}>
      {running ? 'Exporting…' : 'Export CSV'}
    </button>
  );
}

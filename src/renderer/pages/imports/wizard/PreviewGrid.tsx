import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { ClientSideRowModelModule, RowStyleModule, type ColDef, type ColGroupDef, type RowClassRules } from 'ag-grid-community';
import { IMPORT_TARGET_FIELDS, type ImportInspection, type Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { useGridTheme } from '../../../grid/grid-theme';

type PreviewRow = ImportInspection['preview'][number];

// The preview is a handful of rows held in memory: the client-side row model, for this grid only.
/** Up to this many rows the grid is as tall as its rows. */
const FEW_ROWS = 8;

const MODULES = [ClientSideRowModelModule, RowStyleModule];

const DEFAULT_COL_DEF: ColDef<PreviewRow> = {
  resizable: true,
  sortable: false,
  cellDataType: false,
  suppressHeaderMenuButton: true,
  suppressMovable: true,
  minWidth: 90,
  // The displayed value (tooltipValueGetter is deprecated in AG Grid 36.2 and shows a warning box).
  tooltip: true,
};

const SUPPRESSED_OVERLAYS: Array<'noRows'> = ['noRows'];

const ROW_CLASS_RULES: RowClassRules<PreviewRow> = { 'preview-row-problem': ({ data }) => !!data?.problem };

/** A problem names a file column or a field; either way its cell is marked. */
const isProblemAt = (row: PreviewRow | undefined, ...names: string[]) => !!row?.problem?.column && names.includes(row.problem.column);

interface PreviewGridProps {
  entity: ImportEntity;
  inspection: ImportInspection;
  mapping: Mapping;
}

/** The first rows twice over: as the file has them, and as they will be stored (or why not). */
export function PreviewGrid({ entity, inspection, mapping }: PreviewGridProps) {
  const theme = useGridTheme();
  const columnDefs = useMemo(() => previewColumns(entity, inspection, mapping), [entity, inspection, mapping]);
  const problems = inspection.preview.filter((row) => row.problem).length;
  return (
    <section className="wizard-section" aria-labelledby="preview-title">
      <h3 className="wizard-section-title" id="preview-title">
        Preview{' '}
        <span className="muted">
          · first {inspection.preview.length} rows{problems > 0 ? `, ${problems} with a problem` : ''}
        </span>
      </h3>
      <div className={inspection.preview.length <= FEW_ROWS ? 'preview-grid grid-auto-height' : 'preview-grid'} data-testid="import-preview" data-problem-rows={problems}>
        <AgGridReact<PreviewRow>
          modules={MODULES}
          // A few rows take their own height; many scroll inside the frame.
          domLayout={inspection.preview.length <= FEW_ROWS ? 'autoHeight' : 'normal'}
          theme={theme}
          rowData={inspection.preview}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL_DEF}
          rowClassRules={ROW_CLASS_RULES}
          getRowId={({ data }) => String(data.rowNumber)}
          enableCellTextSelection
          ensureDomOrder
          tooltipShowDelay={300}
          suppressOverlays={SUPPRESSED_OVERLAYS}
        />
      </div>
      {inspection.preview.length === 0 && <p className="muted">The file has a header but no data rows.</p>}
    </section>
  );
}

function previewColumns(entity: ImportEntity, { header, preview }: ImportInspection, mapping: Mapping): Array<ColDef<PreviewRow> | ColGroupDef<PreviewRow>> {
  // Mapped fields, and fields a rule fills (an external ID built from several columns).
  const mapped = IMPORT_TARGET_FIELDS[entity].filter(
    ({ field }) => field in mapping.columns || field in mapping.constants || preview.some((row) => row.record?.[field] != null),
  );
  return [
    { colId: 'rowNumber', headerName: 'Row', field: 'rowNumber', width: 76, minWidth: 70, pinned: 'left', cellClass: 'cell-number' },
    {
      colId: 'problem',
      headerName: 'Problem',
      width: 240,
      valueGetter: ({ data }) => data?.problem?.message ?? '',
      cellClass: 'cell-problem-text',
    },
    {
      headerName: 'As stored',
      groupId: 'stored',
      children: mapped.map(({ field, label }) => ({
        colId: `stored:${field}`,
        // "Kind (sale, refund, adjustment)" -> "Kind": the grid header has little room.
        headerName: label.replace(/\s*\(.*\)$/, ''),
        headerTooltip: `${label} (${field})`,
        // Dates are stored as full ISO date-times.
        width: field === 'occurred_at' ? 200 : 150,
        valueGetter: ({ data }) => data?.record?.[field] ?? null,
        valueFormatter: ({ value, data }) => (data?.record ? (value ?? '—') : ''),
        cellClassRules: { 'cell-problem': ({ data }) => isProblemAt(data, field, mapping.columns[field] ?? '') },
      })),
    },
    {
      headerName: 'In the file',
      groupId: 'file',
      children: header.map((column, index) => ({
        colId: `file:${index}`,
        headerName: column,
        width: 130,
        valueGetter: ({ data }) => data?.cells[index] ?? '',
        cellClass: 'cell-raw',
        cellClassRules: { 'cell-problem': ({ data }) => isProblemAt(data, column) },
      })),
    },
  ];
}

import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { PRODUCT_COLUMNS, PRODUCT_STATES, type ProductColumn, type ProductRow } from '../../../shared/contract/products';
import { formatDateTime } from '../../format/date-format';
import { CheckboxSetFilter, type CheckboxSetFilterParams } from '../../grid/CheckboxSetFilter';
import { DATE_FILTER, NUMBER_FILTER, TEXT_FILTER } from '../../grid/record-filters';
import { ArchivedBadge } from './ArchivedBadge';

export const PRODUCT_COLUMN_LABELS: Record<ProductColumn, string> = {
  id: 'ID',
  externalId: 'External ID',
  name: 'Name',
  category: 'Category',
  tags: 'Tags',
  metadata: 'Metadata',
  archived: 'Status',
  createdAt: 'Created',
  updatedAt: 'Updated',
};

const statusFilterParams: CheckboxSetFilterParams = { values: PRODUCT_STATES, labelOf: (value) => (value === 'archived' ? 'Archived' : 'Active') };
const dateTime = ({ value }: ValueFormatterParams<ProductRow, string>) => formatDateTime(value);

// Tags and metadata filter as their stored JSON text ("contains scifi" finds the tag).
const SETTINGS: Record<ProductColumn, Omit<ColDef<ProductRow>, 'colId' | 'field' | 'headerName'>> = {
  id: { ...NUMBER_FILTER, width: 80, hide: true },
  name: { ...TEXT_FILTER, width: 240, cellClass: 'cell-strong', sort: 'asc' },
  externalId: { ...TEXT_FILTER, width: 140, cellClass: 'cell-mono' },
  archived: { filter: CheckboxSetFilter, filterParams: statusFilterParams, width: 110, cellRenderer: ArchivedBadge, tooltip: false },
  category: { ...TEXT_FILTER, width: 150 },
  tags: { ...TEXT_FILTER, width: 240, valueFormatter: ({ value }) => (Array.isArray(value) ? value.join(', ') : '') },
  metadata: {
    ...TEXT_FILTER,
    width: 320,
    flex: 1,
    minWidth: 200,
    valueFormatter: ({ value }) =>
      value && typeof value === 'object'
        ? Object.entries(value as Record<string, unknown>)
            .map(([key, v]) => `${key}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join(' · ')
        : '',
  },
  createdAt: { ...DATE_FILTER, width: 170, hide: true, valueFormatter: dateTime },
  updatedAt: { ...DATE_FILTER, width: 170, valueFormatter: dateTime },
};

const ORDER: ProductColumn[] = ['name', 'externalId', 'archived', 'category', 'tags', 'metadata', 'updatedAt', 'createdAt', 'id'];
if (ORDER.length !== PRODUCT_COLUMNS.length) throw new Error('every product column has a place in the grid');

export const PRODUCT_COLUMN_DEFS: ColDef<ProductRow>[] = ORDER.map((id) => ({ colId: id, field: id, headerName: PRODUCT_COLUMN_LABELS[id], ...SETTINGS[id] }));

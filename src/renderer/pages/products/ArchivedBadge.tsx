import type { CustomCellRendererProps } from 'ag-grid-react';
import type { ProductRow } from '../../../shared/contract/products';

export function ArchivedBadge({ value }: CustomCellRendererProps<ProductRow, boolean>) {
  if (value === undefined || value === null) return null;
  // Only the exception is marked; an unmarked row is the usual case.
  return value ? <span className="badge badge-archived">Archived</span> : null;
}

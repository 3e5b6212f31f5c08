import type { CustomCellRendererProps } from 'ag-grid-react';
import type { PayeeRow } from '../../../shared/contract/payees';

export function HoldBadge({ value }: CustomCellRendererProps<PayeeRow, boolean>) {
  if (value === undefined || value === null) return null;
  // Only the exception is marked; an unmarked row is the usual case.
  return value ? <span className="badge badge-held">On hold</span> : null;
}

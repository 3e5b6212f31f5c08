import type { CustomCellRendererProps } from 'ag-grid-react';
import type { RevenueKind, RevenueRow } from '../../../shared/contract/revenues';

export const KIND_LABELS: Record<RevenueKind, string> = {
  sale: 'Sale',
  refund: 'Refund',
  adjustment: 'Adjustment',
};

export function KindBadge({ value }: CustomCellRendererProps<RevenueRow, RevenueKind>) {
  if (!value) return null;
  return <span className={`badge kind-${value}`}>{KIND_LABELS[value] ?? value}</span>;
}

import type { CustomCellRendererProps } from 'ag-grid-react';
import { REVENUE_KIND_LABELS } from '../../../shared/contract/revenue-labels';
import type { RevenueKind, RevenueRow } from '../../../shared/contract/revenues';

export const KIND_LABELS: Record<RevenueKind, string> = REVENUE_KIND_LABELS;

export function KindBadge({ value }: CustomCellRendererProps<RevenueRow, RevenueKind>) {
  if (!value) return null;
  return <span className={`badge kind-${value}`}>{KIND_LABELS[value] ?? value}</span>;
}

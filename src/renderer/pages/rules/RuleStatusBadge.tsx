import type { CustomCellRendererProps } from 'ag-grid-react';
import type { RuleRow, RuleStatus } from '../../../shared/contract/rules';
import { STATUS_LABELS } from './rule-labels';

export function RuleStatusBadge({ value }: CustomCellRendererProps<RuleRow, RuleStatus>) {
  if (!value) return null;
  return <span className={`badge rule-status-${value}`}>{STATUS_LABELS[value] ?? value}</span>;
}

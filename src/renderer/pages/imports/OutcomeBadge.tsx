import type { CustomCellRendererProps } from 'ag-grid-react';
import type { BatchStatus, Outcome } from '../../../shared/contract/imports';
import { BATCH_STATUS_LABELS, OUTCOME_LABELS, REJECTED_OUTCOME_LABELS } from './outcome-labels';

/** An outcome as a coloured pill; the colour repeats the word, never replaces it. `rejected`: of a batch that wrote nothing. */
export function OutcomeBadge({ outcome, rejected = false }: { outcome: Outcome; rejected?: boolean }) {
  return <span className={`badge outcome-${outcome}`}>{(rejected ? REJECTED_OUTCOME_LABELS : OUTCOME_LABELS)[outcome] ?? outcome}</span>;
}

export function OutcomeCell({ value }: CustomCellRendererProps<unknown, Outcome>) {
  return value ? <OutcomeBadge outcome={value} /> : null;
}

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  return (
    <span className={`badge batch-${status}`}>
      {BATCH_STATUS_LABELS[status] ?? status}
    </span>
  );
}

export function BatchStatusCell({ value }: CustomCellRendererProps<unknown, BatchStatus>) {
  return value ? <BatchStatusBadge status={value} /> : null;
}

import type { CustomCellRendererProps } from 'ag-grid-react';
import type { BatchStatus, Outcome, OutcomeRow } from '../../../shared/contract/imports';
import { BATCH_STATUS_LABELS, OUTCOME_LABELS, REJECTED_OUTCOME_LABELS, UNDONE_OUTCOME_LABELS } from './outcome-labels';

/**
 * An outcome as a coloured pill; the colour repeats the word, never replaces it. `batchStatus`:
 * a rejected batch's rows say what would have happened, an undone batch's that undo reversed them.
 */
export function OutcomeBadge({ outcome, rejected = false, batchStatus }: { outcome: Outcome; rejected?: boolean; batchStatus?: BatchStatus }) {
  const labels = rejected || batchStatus === 'rejected' ? REJECTED_OUTCOME_LABELS : batchStatus === 'undone' ? UNDONE_OUTCOME_LABELS : OUTCOME_LABELS;
  const reversed = batchStatus === 'undone' && (outcome === 'created' || outcome === 'updated');
  return <span className={`badge outcome-${outcome}${reversed ? ' outcome-undone' : ''}`}>{labels[outcome] ?? outcome}</span>;
}

/** The outcomes grid's context: the batch's status words its rows (see OutcomeBadge). */
export interface OutcomeGridContext {
  batchStatus?: BatchStatus;
  /** Set when the batch's records can be opened (revenues): the Record cells open them. */
  onOpenRecord?: (row: OutcomeRow, id: number) => void;
}

export function OutcomeCell({ value, context }: CustomCellRendererProps<unknown, Outcome, OutcomeGridContext>) {
  return value ? <OutcomeBadge outcome={value} batchStatus={context?.batchStatus} /> : null;
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

/** A row's message in words, with its details line (the outcome's code, the record's field, technical words) under it, muted. */
export function OutcomeMessageCell({ value, data }: CustomCellRendererProps<OutcomeRow, string | null>) {
  if (!value) return null;
  return (
    <div className="outcome-message">
      <span className="outcome-message-words">{value}</span>
      {data?.details && (
        <span className="outcome-details" data-testid="outcome-details">
          {data.details}
        </span>
      )}
    </div>
  );
}

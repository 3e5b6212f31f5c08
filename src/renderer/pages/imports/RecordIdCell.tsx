import type { CustomCellRendererProps } from 'ag-grid-react';
import type { OutcomeRow } from '../../../shared/contract/imports';
import type { OutcomeGridContext } from './OutcomeBadge';

/**
 * A record id in the outcomes grid. For a revenue, payee or product batch it opens the record (a click, or
 * Enter on the focused cell: see openRecordOnEnter); other records show their id.
 */
export function RecordIdCell({ value, data, context }: CustomCellRendererProps<OutcomeRow, number | null, OutcomeGridContext>) {
  if (value == null) return null;
  const open = context?.onOpenRecord;
  if (!open || !data) return <>{value}</>;
  return (
    <button type="button" className="record-link" tabIndex={-1} onClick={() => open(data, value)} title={`Open record ${value}`} data-record-id={value}>
      {value}
    </button>
  );
}

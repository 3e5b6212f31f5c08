import type { ReactNode } from 'react';
import type { RevenueRow } from '../../../shared/contract/revenues';
import { REVENUE_COLUMN_LABELS, REVENUE_KIND_LABELS } from '../../../shared/contract/revenue-labels';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format/date-format';
import { MoneyAmount } from '../../format/MoneyAmount';
import { periodLabel } from '../../format/period-label';
import { Modal } from './Modal';

export interface RecordToOpen {
  orgId: string;
  id: number;
  /** The outcome row that named it: "Row 5" of the batch. */
  rowNumber: number;
  batchId: number;
}

/** One revenue an import outcome names, as stored now: its fields in the screen's words. */
export function RevenueRecordDialog({ record, onClose }: { record: RecordToOpen; onClose: () => void }) {
  const { orgs } = useAppState();
  const revenue = useApiQuery('revenues.get', { orgId: record.orgId, id: record.id });
  const timeZone = orgs.find((o) => o.id === record.orgId)?.timeZone ?? 'UTC';
  const data = revenue.current ? revenue.data : null;
  return (
    <Modal labelledBy="record-title" onClose={onClose} className="confirm-dialog record-dialog" testId="record-dialog">
      <h2 className="confirm-title" id="record-title">
        Revenue record {record.id}
      </h2>
      <p>
        Named by row {record.rowNumber} of batch {record.batchId}; shown as the workspace holds it now.
      </p>
      {revenue.error ? (
        <ErrorNotice error={revenue.error} title={`Revenue record ${record.id} cannot be shown`} />
      ) : data ? (
        <RevenueFields revenue={data} timeZone={timeZone} />
      ) : (
        <p>
          <span className="spinner" aria-hidden="true" /> Reading the record…
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}

function RevenueFields({ revenue, timeZone }: { revenue: RevenueRow; timeZone: string }) {
  const fields: Array<[string, ReactNode]> = [
    [REVENUE_COLUMN_LABELS.externalId, revenue.externalId ?? '(none)'],
    [REVENUE_COLUMN_LABELS.occurredAt, formatDateTime(revenue.occurredAt, timeZone)],
    [REVENUE_COLUMN_LABELS.kind, REVENUE_KIND_LABELS[revenue.kind] ?? revenue.kind],
    [REVENUE_COLUMN_LABELS.amount, <MoneyAmount key="amount" amount={revenue.amount} currency={revenue.currency} />],
    [REVENUE_COLUMN_LABELS.currency, revenue.currency],
    [REVENUE_COLUMN_LABELS.payeeName, revenue.payeeName],
    [REVENUE_COLUMN_LABELS.productName, revenue.productName],
    [REVENUE_COLUMN_LABELS.productCategory, revenue.productCategory],
    [REVENUE_COLUMN_LABELS.quantity, String(revenue.quantity)],
    [REVENUE_COLUMN_LABELS.description, revenue.description],
    [REVENUE_COLUMN_LABELS.refundOf, revenue.refundOf],
    [REVENUE_COLUMN_LABELS.period, periodLabel(revenue.period)],
    [REVENUE_COLUMN_LABELS.orgName, revenue.orgName],
  ];
  return (
    <dl className="record-fields" data-testid="record-fields" data-external-id={revenue.externalId ?? ''} data-amount={revenue.amount}>
      {fields.map(([label, value]) => (
        <div key={label} className="record-field">
          <dt>{label}</dt>
          <dd>{value === null || value === '' ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

import type { ReactNode } from 'react';
import type { InputOf, ResultOf } from '../../../shared/contract';
import type { PayeeRow } from '../../../shared/contract/payees';
import type { ProductRow } from '../../../shared/contract/products';
import type { RevenueRow } from '../../../shared/contract/revenues';
import { REVENUE_COLUMN_LABELS, REVENUE_KIND_LABELS } from '../../../shared/contract/revenue-labels';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import type { ApiCallError } from '../../api/api-call-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format/date-format';
import { MoneyAmount } from '../../format/MoneyAmount';
import { periodLabel } from '../../format/period-label';
import { Modal } from './Modal';

/** The entities whose outcome rows open their record (billing rows name consumption records by uuid, not id). */
export type OpenableEntity = 'revenues' | 'payees' | 'products';

export interface RecordToOpen {
  entity: OpenableEntity;
  orgId: string;
  id: number;
  /** The outcome row that named it: "Row 5" of the batch. */
  rowNumber: number;
  batchId: number;
}

const NOUNS: Record<OpenableEntity, string> = { revenues: 'Revenue', payees: 'Payee', products: 'Product' };

/** One record an import outcome names, as stored now: its fields in the screen's words. */
export function RecordDialog({ record, onClose }: { record: RecordToOpen; onClose: () => void }) {
  const noun = NOUNS[record.entity];
  return (
    <Modal labelledBy="record-title" onClose={onClose} className="confirm-dialog record-dialog" testId="record-dialog">
      <h2 className="confirm-title" id="record-title">
        {noun} record {record.id}
      </h2>
      <p>
        Named by row {record.rowNumber} of batch {record.batchId}; shown as the workspace holds it now.
      </p>
      {record.entity === 'revenues' && <RevenueRecord record={record} />}
      {record.entity === 'payees' && <PayeeRecord record={record} />}
      {record.entity === 'products' && <ProductRecord record={record} />}
      <div className="confirm-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** The record once read, its error, or a spinner meanwhile. */
function Loaded<T>({ query, noun, id, children }: { query: { current: boolean; data: T | null; error: ApiCallError | null }; noun: string; id: number; children: (data: T) => ReactNode }) {
  if (query.error) return <ErrorNotice error={query.error} title={`${noun} record ${id} cannot be shown`} />;
  if (query.current && query.data) return <>{children(query.data)}</>;
  return (
    <p>
      <span className="spinner" aria-hidden="true" /> Reading the record…
    </p>
  );
}

function RevenueRecord({ record }: { record: RecordToOpen }) {
  const { orgs } = useAppState();
  const revenue = useApiQuery('revenues.get', { orgId: record.orgId, id: record.id });
  const timeZone = orgs.find((o) => o.id === record.orgId)?.timeZone ?? 'UTC';
  return (
    <Loaded query={revenue} noun="Revenue" id={record.id}>
      {(data) => <RevenueFields revenue={data} timeZone={timeZone} />}
    </Loaded>
  );
}

type Field = [string, ReactNode];

const payeeFields = (p: PayeeRow): Field[] => [
  ['External ID', p.externalId ?? '(none)'],
  ['Name', p.name],
  ['Email', p.email],
  ['Phone', p.phone],
  ['Address', p.address],
  ['Paid in', p.payoutCurrency],
  ['Hold', p.onHold ? `On hold${p.holdReason ? `: ${p.holdReason}` : ''}` : 'Active'],
  ['Minimum payout', p.threshold],
  ['Fallback percentage', p.fallbackPercentage === null ? null : `${p.fallbackPercentage} %`],
];

const productFields = (p: ProductRow): Field[] => [
  ['External ID', p.externalId ?? '(none)'],
  ['Name', p.name],
  ['Category', p.category],
  ['Tags', p.tags.join(', ')],
  ['Metadata', Object.keys(p.metadata).length ? JSON.stringify(p.metadata) : null],
  ['Status', p.archived ? 'Archived' : 'Active'],
];

const PayeeRecord = ({ record }: { record: RecordToOpen }) => <KeyedRecord record={record} method="payees.get" noun="Payee" fields={payeeFields} />;
const ProductRecord = ({ record }: { record: RecordToOpen }) => <KeyedRecord record={record} method="products.get" noun="Product" fields={productFields} />;

/** A payee or product read by its id (`<area>.get`), its fields listed. */
function KeyedRecord<K extends 'payees.get' | 'products.get'>({ record, method, noun, fields }: { record: RecordToOpen; method: K; noun: string; fields: (row: ResultOf<K>) => Field[] }) {
  const query = useApiQuery(method, { orgId: record.orgId, id: record.id } as InputOf<K>);
  return (
    <Loaded query={query} noun={noun} id={record.id}>
      {(row) => <FieldList externalId={row.externalId} fields={fields(row)} />}
    </Loaded>
  );
}

function RevenueFields({ revenue, timeZone }: { revenue: RevenueRow; timeZone: string }) {
  const fields: Field[] = [
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
  return <FieldList fields={fields} externalId={revenue.externalId} amount={revenue.amount} />;
}

function FieldList({ fields, externalId, amount }: { fields: Field[]; externalId: string | null; amount?: string }) {
  return (
    <dl className="record-fields" data-testid="record-fields" data-external-id={externalId ?? ''} data-amount={amount}>
      {fields.map(([label, value]) => (
        <div key={label} className="record-field">
          <dt>{label}</dt>
          <dd>{value === null || value === '' ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

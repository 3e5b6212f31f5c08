import { useId } from 'react';
import type { PayeeRecordInput, PayeeRow } from '../../../shared/contract/payees';
import { CurrencyField } from '../../components/CurrencyField';
import { PAYEE } from '../records/record-nouns';
import { RecordFormActions } from '../records/RecordFormActions';
import { RecordInput } from '../records/RecordInput';
import { useRecordForm } from '../records/use-record-form';

const FIELDS = ['name', 'external_id', 'email', 'phone', 'address', 'payout_currency', 'threshold', 'fallback_percentage'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

function valuesOf(payee: PayeeRow | null): Values {
  return {
    name: payee?.name ?? '',
    external_id: payee?.externalId ?? '',
    email: payee?.email ?? '',
    phone: payee?.phone ?? '',
    address: payee?.address ?? '',
    payout_currency: payee?.payoutCurrency ?? '',
    threshold: payee?.threshold ?? '',
    fallback_percentage: payee?.fallbackPercentage ?? '',
  };
}

/** The form as a batch record: on create, empty fields are left out; on edit, they clear what was stored. */
function recordOf(values: Values, payee: PayeeRow | null): PayeeRecordInput {
  const text = (field: Field) => {
    const value = values[field].trim();
    return value === '' ? (payee ? null : undefined) : value;
  };
  const record: PayeeRecordInput = payee ? { id: payee.id } : {};
  if (!payee) record.external_id = text('external_id');
  record.name = values.name.trim();
  record.email = text('email');
  record.phone = text('phone');
  record.address = values.address.trim() === '' ? (payee ? null : undefined) : values.address.trim();
  record.payout_currency = text('payout_currency');
  // The minimum payout is never empty: blank means none (0).
  record.threshold = values.threshold.trim() === '' ? '0' : values.threshold.trim();
  record.fallback_percentage = text('fallback_percentage');
  return JSON.parse(JSON.stringify(record)) as PayeeRecordInput; // drops the undefined fields
}

interface PayeeFormProps {
  orgId: string;
  /** null: a new payee. */
  payee: PayeeRow | null;
  onSaved: (id: number, status: string) => void;
  onCancel?: () => void;
}

/** Create or edit one payee (see useRecordForm); a refusal is shown beside the field it names. */
export function PayeeForm({ orgId, payee, onSaved, onCancel }: PayeeFormProps) {
  const id = useId();
  const form = useRecordForm({ area: 'payees', noun: PAYEE, orgId, record: payee, fields: FIELDS, valuesOf, recordOf, onSaved });
  const input = (field: Field, label: string, extra: { hint?: string; type?: 'email' | 'tel'; inputMode?: 'decimal' | 'tel' | 'email'; readOnly?: boolean; rows?: number } = {}) => (
    <RecordInput id={`${id}-${field}`} label={label} value={form.values[field]} onChange={form.set(field)} error={form.messageOf(field)} testId={`payee-${field}`} {...extra} />
  );

  return (
    <form className="record-form" onSubmit={form.submit} noValidate data-testid="payee-form" aria-busy={form.busy || undefined}>
      {input('name', 'Name')}
      {input('external_id', 'External ID', payee ? { readOnly: true, hint: 'The key other systems send; set when the payee was created.' } : { hint: 'Optional: the key your other systems use for this payee.' })}
      <div className="record-form-row">
        {input('email', 'Email', { type: 'email', inputMode: 'email' })}
        {input('phone', 'Phone', { type: 'tel', inputMode: 'tel' })}
      </div>
      {input('address', 'Postal address', { rows: 3 })}
      <div className="record-form-row">
        <CurrencyField id={`${id}-payout-currency`} label="Payout currency" value={form.values.payout_currency} onChange={form.set('payout_currency')} error={form.errors.byField.payout_currency} testId="payee-payout_currency" />
        {input('threshold', 'Minimum payout', { inputMode: 'decimal', hint: 'Less than this is carried forward to the next month.' })}
      </div>
      {input('fallback_percentage', 'Fallback percentage', { inputMode: 'decimal', hint: 'Share of revenue no rule allocates, 0 to 100. Empty: none.' })}
      <RecordFormActions noun={PAYEE} editing={!!payee} busy={form.busy} general={form.errors.general} onCancel={onCancel} />
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { BatchResponse } from '../../../shared/contract/imports';
import type { PayeeRecordInput, PayeeRow } from '../../../shared/contract/payees';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { CurrencyField } from '../../components/CurrencyField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describedBy, FormField } from '../../components/FormField';
import { recordFieldErrors } from '../../components/record-field-errors';

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

/**
 * Create or edit one payee: one payees.batch call of one record (create_only / update_only,
 * all or nothing), so a screen save is recorded and checked exactly as an API batch is. A
 * refusal is shown beside the field it names.
 */
export function PayeeForm({ orgId, payee, onSaved, onCancel }: PayeeFormProps) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(payee));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [missingName, setMissingName] = useState(false);
  const errors = recordFieldErrors(error, FIELDS);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (values.name.trim() === '') return setMissingName(true);
    setMissingName(false);
    setBusy(true);
    try {
      const result: BatchResponse = await api.call('payees.batch', {
        orgId,
        operation: payee ? 'update_only' : 'create_only',
        onError: 'reject',
        records: [recordOf(values, payee)],
      });
      const [outcome] = result.data;
      if (outcome.status === 'skipped_duplicate') {
        setError(asApiCallError('payees.batch', new Error(`A payee with external ID "${values.external_id.trim()}" already exists in this organization.`)));
        return;
      }
      onSaved(outcome.id ?? outcome.existing_id ?? payee!.id, outcome.status);
    } catch (thrown) {
      setError(asApiCallError('payees.batch', thrown));
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field, label: string, extra: { hint?: string; type?: string; inputMode?: 'decimal' | 'tel' | 'email'; readOnly?: boolean } = {}) => {
    const fieldId = `${id}-${field}`;
    const message = field === 'name' && missingName ? 'A payee needs a name.' : errors.byField[field];
    return (
      <FormField id={fieldId} label={label} error={message} hint={extra.hint} testId={`payee-${field}`}>
        <input
          id={fieldId}
          className="input"
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          value={values[field]}
          onChange={(event) => set(field)(event.target.value)}
          readOnly={extra.readOnly}
          autoComplete="off"
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(fieldId, message, extra.hint)}
          data-testid={`payee-${field}`}
        />
      </FormField>
    );
  };

  return (
    <form className="record-form" onSubmit={submit} noValidate data-testid="payee-form" aria-busy={busy || undefined}>
      {input('name', 'Name')}
      {input('external_id', 'External ID', payee ? { readOnly: true, hint: 'The key other systems send; set when the payee was created.' } : { hint: 'Optional: the key your other systems use for this payee.' })}
      <div className="record-form-row">
        {input('email', 'Email', { type: 'email', inputMode: 'email' })}
        {input('phone', 'Phone', { type: 'tel', inputMode: 'tel' })}
      </div>
      <FormField id={`${id}-address`} label="Postal address" error={errors.byField.address} testId="payee-address">
        <textarea
          id={`${id}-address`}
          className="input textarea"
          rows={3}
          value={values.address}
          onChange={(event) => set('address')(event.target.value)}
          aria-invalid={errors.byField.address ? true : undefined}
          aria-describedby={describedBy(`${id}-address`, errors.byField.address, null)}
          data-testid="payee-address"
        />
      </FormField>
      <div className="record-form-row">
        <CurrencyField id={`${id}-payout-currency`} label="Payout currency" value={values.payout_currency} onChange={set('payout_currency')} error={errors.byField.payout_currency} testId="payee-payout_currency" />
        {input('threshold', 'Minimum payout', { inputMode: 'decimal', hint: 'Less than this is carried forward to the next month.' })}
      </div>
      {input('fallback_percentage', 'Fallback percentage', { inputMode: 'decimal', hint: 'Share of revenue no rule allocates, 0 to 100. Empty: none.' })}
      {errors.general && <ErrorNotice error={errors.general} title={payee ? 'The payee was not saved' : 'The payee was not created'} />}
      <div className="record-form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="payee-save">
          {busy ? 'Saving…' : payee ? 'Save changes' : 'Create payee'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { BatchResponse } from '../../../shared/contract/imports';
import type { PayeeRecordInput } from '../../../shared/contract/payees';
import type { ProductRecordInput } from '../../../shared/contract/products';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import type { FieldErrors } from '../../components/field-errors';
import { recordFieldErrors } from '../../components/record-field-errors';
import type { RecordArea, RecordNoun, RecordRows } from './RecordsScreen';

interface RecordInputs {
  payees: PayeeRecordInput;
  products: ProductRecordInput;
}

interface RecordFormOptions<A extends RecordArea, F extends string> {
  area: A;
  noun: RecordNoun;
  orgId: string;
  /** null: a new record. */
  record: RecordRows[A] | null;
  /** The form's fields: the record's own names, among them name and external_id. */
  fields: readonly F[];
  valuesOf: (record: RecordRows[A] | null) => Record<F, string>;
  /** The form as the batch's one record. */
  recordOf: (values: Record<F, string>, record: RecordRows[A] | null) => RecordInputs[A];
  onSaved: (id: number, status: string) => void;
}

export interface RecordForm<F extends string> {
  values: Record<F, string>;
  set: (field: F) => (value: string) => void;
  busy: boolean;
  errors: FieldErrors<F>;
  /** The message under a field: "needs a name" before anything is sent, else the server's. */
  messageOf: (field: F) => string | undefined;
  submit: (event: FormEvent) => Promise<void>;
}

/**
 * Create or edit one record: one `<area>.batch` call of one record (create_only / update_only,
 * all or nothing), so a screen save is recorded and checked exactly as an API batch is. A
 * refusal is placed beside the field it names.
 */
export function useRecordForm<A extends RecordArea, F extends string>({
  area,
  noun,
  orgId,
  record,
  fields,
  valuesOf,
  recordOf,
  onSaved,
}: RecordFormOptions<A, F>): RecordForm<F> {
  const [values, setValues] = useState<Record<F, string>>(() => valuesOf(record));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [missingName, setMissingName] = useState(false);
  const errors = recordFieldErrors(error, fields);
  const set = (field: F) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const method: `${RecordArea}.batch` = `${area}.batch`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const { name, external_id } = values as Record<'name' | 'external_id', string>;
    if (name.trim() === '') return setMissingName(true);
    setMissingName(false);
    setBusy(true);
    try {
      const result: BatchResponse = await api.call(method, {
        orgId,
        operation: record ? 'update_only' : 'create_only',
        onError: 'reject',
        records: [recordOf(values, record)],
      });
      const [outcome] = result.data;
      if (outcome.status === 'skipped_duplicate') {
        setError(asApiCallError(method, new Error(`A ${noun.one} with external ID "${external_id.trim()}" already exists in this organization.`)));
        return;
      }
      onSaved(outcome.id ?? outcome.existing_id ?? record!.id, outcome.status);
    } catch (thrown) {
      setError(asApiCallError(method, thrown));
    } finally {
      setBusy(false);
    }
  };

  const messageOf = (field: F) => (field === 'name' && missingName ? `A ${noun.one} needs a name.` : errors.byField[field]);
  return { values, set, busy, errors, messageOf, submit };
}

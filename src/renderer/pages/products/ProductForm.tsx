import { useId, useState, type FormEvent } from 'react';
import type { BatchResponse } from '../../../shared/contract/imports';
import type { ProductRecordInput, ProductRow } from '../../../shared/contract/products';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describedBy, FormField } from '../../components/FormField';
import { recordFieldErrors } from '../../components/record-field-errors';

const FIELDS = ['name', 'external_id', 'category', 'tags', 'metadata'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

function valuesOf(product: ProductRow | null): Values {
  return {
    name: product?.name ?? '',
    external_id: product?.externalId ?? '',
    category: product?.category ?? '',
    tags: product?.tags.join(', ') ?? '',
    metadata: product && Object.keys(product.metadata).length > 0 ? JSON.stringify(product.metadata, null, 2) : '',
  };
}

/**
 * The form as a batch record. Tags go as the text typed (the server splits it on commas or
 * semicolons) and metadata as its JSON text, so the server's checks name the field; on edit
 * an emptied field clears what was stored.
 */
function recordOf(values: Values, product: ProductRow | null): ProductRecordInput {
  const record: ProductRecordInput = product ? { id: product.id } : {};
  const external = values.external_id.trim();
  if (!product && external) record.external_id = external;
  record.name = values.name.trim();
  const category = values.category.trim();
  if (category) record.category = category;
  else if (product) record.category = null;
  const tags = values.tags.trim();
  if (tags) record.tags = tags;
  else if (product) record.tags = [];
  const metadata = values.metadata.trim();
  if (metadata) record.metadata = metadata;
  else if (product) record.metadata = {};
  return record;
}

interface ProductFormProps {
  orgId: string;
  product: ProductRow | null;
  onSaved: (id: number, status: string) => void;
  onCancel?: () => void;
}

/** Create or edit one product: one products.batch call of one record, all or nothing. */
export function ProductForm({ orgId, product, onSaved, onCancel }: ProductFormProps) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(product));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [missingName, setMissingName] = useState(false);
  const errors = recordFieldErrors(error, FIELDS);
  const set = (field: Field, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (values.name.trim() === '') return setMissingName(true);
    setMissingName(false);
    setBusy(true);
    try {
      const result: BatchResponse = await api.call('products.batch', {
        orgId,
        operation: product ? 'update_only' : 'create_only',
        onError: 'reject',
        records: [recordOf(values, product)],
      });
      const [outcome] = result.data;
      if (outcome.status === 'skipped_duplicate') {
        setError(asApiCallError('products.batch', new Error(`A product with external ID "${values.external_id.trim()}" already exists in this organization.`)));
        return;
      }
      onSaved(outcome.id ?? outcome.existing_id ?? product!.id, outcome.status);
    } catch (thrown) {
      setError(asApiCallError('products.batch', thrown));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, hint?: string, options: { readOnly?: boolean; rows?: number } = {}) => {
    const fieldId = `${id}-${name}`;
    const message = name === 'name' && missingName ? 'A product needs a name.' : errors.byField[name];
    const common = {
      id: fieldId,
      value: values[name],
      readOnly: options.readOnly,
      'aria-invalid': message ? true : undefined,
      'aria-describedby': describedBy(fieldId, message, hint),
      'data-testid': `product-${name}`,
    };
    return (
      <FormField id={fieldId} label={label} error={message} hint={hint} testId={`product-${name}`}>
        {options.rows ? (
          <textarea {...common} className="input textarea textarea-code" rows={options.rows} spellCheck={false} onChange={(event) => set(name, event.target.value)} />
        ) : (
          <input {...common} className="input" autoComplete="off" onChange={(event) => set(name, event.target.value)} />
        )}
      </FormField>
    );
  };

  return (
    <form className="record-form" onSubmit={submit} noValidate data-testid="product-form" aria-busy={busy || undefined}>
      {field('name', 'Name')}
      {field('external_id', 'External ID', product ? 'The key other systems send; set when the product was created.' : 'Optional: the key your other systems use (a SKU, a product id).', {
        readOnly: !!product,
      })}
      {field('category', 'Category', 'Category rules cover every product of a category.')}
      {field('tags', 'Tags', 'Separated by commas. Tag rules cover every product with the tag.')}
      {field('metadata', 'Metadata', 'A JSON object, e.g. {"isbn": "978-0441013593"}.', { rows: 7 })}
      {errors.general && <ErrorNotice error={errors.general} title={product ? 'The product was not saved' : 'The product was not created'} />}
      <div className="record-form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="product-save">
          {busy ? 'Saving…' : product ? 'Save changes' : 'Create product'}
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

import { useId } from 'react';
import type { ProductRecordInput, ProductRow } from '../../../shared/contract/products';
import { PRODUCT } from '../records/record-nouns';
import { RecordFormActions } from '../records/RecordFormActions';
import { RecordInput } from '../records/RecordInput';
import { useRecordForm } from '../records/use-record-form';

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

/** Create or edit one product (see useRecordForm), all or nothing. */
export function ProductForm({ orgId, product, onSaved, onCancel }: ProductFormProps) {
  const id = useId();
  const form = useRecordForm({ area: 'products', noun: PRODUCT, orgId, record: product, fields: FIELDS, valuesOf, recordOf, onSaved });
  const field = (name: Field, label: string, hint?: string, options: { readOnly?: boolean; rows?: number } = {}) => (
    <RecordInput
      id={`${id}-${name}`}
      label={label}
      value={form.values[name]}
      onChange={form.set(name)}
      error={form.messageOf(name)}
      hint={hint}
      testId={`product-${name}`}
      readOnly={options.readOnly}
      rows={options.rows}
      code={!!options.rows}
    />
  );

  return (
    <form className="record-form" onSubmit={form.submit} noValidate data-testid="product-form" aria-busy={form.busy || undefined}>
      {field('name', 'Name')}
      {field('external_id', 'External ID', product ? 'The key other systems send; set when the product was created.' : 'Optional: the key your other systems use (a SKU, a product id).', {
        readOnly: !!product,
      })}
      {field('category', 'Category', 'Category rules cover every product of a category.')}
      {field('tags', 'Tags', 'Separated by commas. Tag rules cover every product with the tag.')}
      {field('metadata', 'Metadata', 'A JSON object, e.g. {"isbn": "978-0441013593"}.', { rows: 7 })}
      <RecordFormActions noun={PRODUCT} editing={!!product} busy={form.busy} general={form.errors.general} onCancel={onCancel} />
    </form>
  );
}

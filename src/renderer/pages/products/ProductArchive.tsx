import { useId, useState } from 'react';
import type { ProductRow } from '../../../shared/contract/products';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

interface ProductArchiveProps {
  orgId: string;
  product: ProductRow;
  onChanged: (product: ProductRow) => void;
}

/** Archive or bring back a product, saying what archiving does to rules and revenues. */
export function ProductArchive({ orgId, product, onChanged }: ProductArchiveProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const method = product.archived ? 'products.unarchive' : 'products.archive';

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.call(method, { orgId, id: product.id }));
    } catch (thrown) {
      setError(asApiCallError(method, thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={product.archived ? 'record-section record-section-archived' : 'record-section'} aria-labelledby={`${id}-title`} data-testid="product-archive">
      <h3 className="record-section-title" id={`${id}-title`}>
        {product.archived ? 'Archived' : 'Archive'}
      </h3>
      <p className="form-hint">
        {product.archived
          ? 'Its revenues and existing rules stay as they are; no new active rule can name it until it is brought back.'
          : 'Archive a product that is no longer sold: its revenues and rules stay, but no new active rule can name it.'}
      </p>
      {error && <ErrorNotice error={error} title={product.archived ? 'The product was not brought back' : 'The product was not archived'} />}
      <div className="record-form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void toggle()} data-testid={product.archived ? 'product-unarchive' : 'product-archive-button'}>
          {busy ? 'Saving…' : product.archived ? 'Bring back' : 'Archive product'}
        </button>
      </div>
    </section>
  );
}

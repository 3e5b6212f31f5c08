import { PRODUCT } from '../records/record-nouns';
import { RecordsPage, RecordsScreen } from '../records/RecordsScreen';
import { PRODUCT_COLUMN_DEFS } from './product-columns';
import { ProductArchive } from './ProductArchive';
import { ProductForm } from './ProductForm';

export function ProductsPage() {
  return (
    <RecordsPage
      noun={PRODUCT}
      screen={({ orgId }) => (
        <RecordsScreen
          area="products"
          noun={PRODUCT}
          orgId={orgId}
          columnDefs={PRODUCT_COLUMN_DEFS}
          rowClassRules={{ 'row-archived': ({ data }) => !!data?.archived }}
          form={(product, onSaved, onCancel) => <ProductForm orgId={orgId} product={product} onSaved={onSaved} onCancel={onCancel} />}
          afterForm={(product, afterWrite) => (
            <ProductArchive orgId={orgId} product={product} onChanged={(p) => afterWrite(p.id, p.archived ? 'Product archived.' : 'Product brought back.')} />
          )}
        />
      )}
    />
  );
}

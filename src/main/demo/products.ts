import { microsToDecimal } from '../../shared/money';
import { CATEGORIES, LANGUAGES, TAGS, TITLE_ADJECTIVES, TITLE_NOUNS, type CategorySpec } from './catalog-words';
import type { DemoOrg, DemoPayee, DemoProduct } from './demo-rows';
import { externalId } from './external-ids';
import type { SeededRandom } from './random';

const CATEGORY_WEIGHTS = CATEGORIES.map((c) => c.weight);

function productName(random: SeededRandom, category: CategorySpec, format: string): string {
  const title = `${random.pick(TITLE_ADJECTIVES)} ${random.pick(TITLE_NOUNS)}`;
  switch (category.pricing) {
    case 'usage':
      return category.unit === 'stream' ? `${title} (${format})` : `${random.pick(TITLE_NOUNS)} ${format} API`;
    case 'seats':
      return `${random.pick(TITLE_NOUNS)} ${random.pick(['Pro', 'Team', 'Business'])} (${format})`;
    default:
      return `${title} (${format})`;
  }
}

/**
 * The catalog of every org, ids 1..n. Each product is owned by one payee of its org
 * (a few are house titles with no payee) and carries its price in metadata, so a
 * revenue line's amount can be traced back to unit price x quantity.
 */
export function buildProducts(random: SeededRandom, orgs: readonly DemoOrg[], payees: readonly DemoPayee[], createdAt: string, key: number): DemoProduct[] {
  const products: DemoProduct[] = [];
  for (const org of orgs) {
    const owners = payees.filter((p) => p.org_id === org.id);
    const names = new Set<string>();
    for (let i = 0; i < org.productCount; i++) {
      const id = products.length + 1;
      const category = CATEGORIES[random.weighted(CATEGORY_WEIGHTS)];
      const format = random.pick(category.formats);
      let name = productName(random, category, format);
      if (names.has(name)) name = `${name} Vol. ${id}`;
      names.add(name);
      const steps = (category.maxPriceMicros - category.minPriceMicros) / category.priceStepMicros;
      const unitPriceMicros = category.minPriceMicros + random.between(0, steps) * category.priceStepMicros;
      const sku = externalId('SKU-', id, key).toUpperCase();
      // A few owners hold most of the catalog, as in any real roster.
      const owner = random.percent(5) || owners.length === 0 ? null : owners[Math.floor((random.below(1000) / 1000) ** 2 * owners.length)];
      products.push({
        id,
        org_id: org.id,
        external_id: externalId('prod_', id, key),
        name,
        category: category.name,
        tags: JSON.stringify(random.sample(TAGS, random.between(1, 4))),
        metadata: JSON.stringify({
          sku,
          format,
          language: random.pick(LANGUAGES),
          pricing: category.pricing,
          unit: category.unit,
          unit_price: microsToDecimal(unitPriceMicros),
        }),
        // Which ones are archived, and from which month, is decided by archiveMidYear.
        archived: random.percent(4) ? 1 : 0,
        created_at: createdAt,
        updated_at: createdAt,
        pricing: category.pricing,
        unitPriceMicros,
        unit: category.unit,
        payeeId: owner?.id ?? null,
        archivedFrom: null,
      });
    }
  }
  return products;
}

import type { DemoOrg, DemoProduct } from './demo-rows';
import type { SeededRandom } from './random';

/**
 * Archived products stop selling in a month in the middle of the year (refunds of their
 * earlier sales still come in). Each org's third best-seller is among them, so the change
 * shows in its sales and in the payouts of the rule written for it.
 */
export function archiveMidYear(random: SeededRandom, orgs: readonly DemoOrg[], products: DemoProduct[], months: readonly string[]): void {
  const first = Math.floor(months.length / 3);
  const last = Math.floor((2 * months.length) / 3);
  for (const org of orgs) {
    const own = products.filter((p) => p.org_id === org.id);
    if (own.length > 3) own[2].archived = 1;
    for (const product of own) {
      if (product.archived !== 1) continue;
      const month = months[random.between(first, last)];
      product.archivedFrom = month;
      product.updated_at = `${month}-01T09:00:00Z`;
    }
  }
}

/** Whether a product still sells in `period` (YYYY-MM). */
export function sellsIn(product: DemoProduct, period: string): boolean {
  return product.archivedFrom === null || period < product.archivedFrom;
}

import type { DemoProduct } from './demo-rows';
import type { SeededRandom } from './random';

/**
 * Draws an org's products with Zipf-like popularity (the n-th product sells about 1/n
 * as often as the first), so a few titles dominate as in real sales data.
 */
export class ProductPicker {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly products: readonly DemoProduct[]) {
    if (products.length === 0) throw new RangeError('an org needs at least one product to sell');
    let sum = 0;
    for (let rank = 0; rank < products.length; rank++) {
      sum += Math.floor(1_000_000 / (rank + 1));
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  pick(random: SeededRandom): DemoProduct {
    const target = random.below(this.total);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return this.products[low];
  }
}

import { microsToDecimal } from '../../shared/money';
import type { DemoProduct } from './demo-rows';
import type { SeededRandom } from './random';

export interface SaleLine {
  amountMicros: number;
  quantity: number;
  description: string;
}

const DISCOUNT_PERCENTS = [10, 15, 20, 25, 50];
const CENT = 10_000;

/**
 * One sale of a product, priced the way its category is sold. Integer micro-units only:
 * usage lines keep sub-cent precision (1,234 streams x 0.0035 = 4.319), discounts are
 * rounded to whole cents as a shop would.
 */
export function saleLine(random: SeededRandom, product: DemoProduct, period: string): SaleLine {
  switch (product.pricing) {
    case 'usage': {
      // Usage varies over orders of magnitude: a long tail of small lines, a few big ones.
      const quantity = random.between(1, 40) * random.between(1, 40) * random.between(1, 60);
      return {
        amountMicros: product.unitPriceMicros * quantity,
        quantity,
        description: `${product.name}: ${quantity} ${product.unit}s @ ${microsToDecimal(product.unitPriceMicros)}`,
      };
    }
    case 'seats': {
      const seats = random.percent(60) ? random.between(1, 5) : random.between(6, 60);
      return {
        amountMicros: product.unitPriceMicros * seats,
        quantity: seats,
        description: `${product.name}: ${seats} ${seats === 1 ? 'seat' : 'seats'}, ${period}`,
      };
    }
    default: {
      const quantity = random.percent(88) ? 1 : random.between(2, 5);
      const gross = product.unitPriceMicros * quantity;
      const base = quantity === 1 ? product.name : `${product.name} x ${quantity}`;
      if (!random.percent(15)) return { amountMicros: gross, quantity, description: base };
      const percent = random.pick(DISCOUNT_PERCENTS);
      // percent/100 of gross, cut down to whole cents: exact integer steps, no float division.
      const scaled = gross * percent;
      const discount = (scaled - (scaled % (100 * CENT))) / 100;
      return { amountMicros: gross - discount, quantity, description: `${base} (${percent}% off)` };
    }
  }
}

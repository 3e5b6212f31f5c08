import type { CurrencyCode } from './demo-rows';
import type { SeededRandom } from './random';

export interface RefundableSale {
  externalId: string;
  amountMicros: number;
  quantity: number;
  currency: CurrencyCode;
  payeeId: number | null;
  productId: number;
  productName: string;
  occurredSeconds: number;
}

const POOL_SIZE = 2048;
/** How far back, on average, a refunded sale lies: long enough to cross month ends. */
const MEAN_AGE_DAYS = 30;

/**
 * Recent sales of one org that may still be refunded. Each sale is refunded at most
 * once, so a refund never exceeds what was sold. The pool keeps a random sample of
 * about the last month's sales whatever the volume: a new sale replaces a random
 * entry with a probability set from the org's expected sales per day.
 */
export class RefundPool {
  private readonly sales: RefundableSale[] = [];
  private readonly replacePerMillion: number;

  constructor(expectedSalesPerDay: number) {
    const window = expectedSalesPerDay * MEAN_AGE_DAYS;
    this.replacePerMillion = window <= POOL_SIZE ? 1_000_000 : Math.max(1, Math.floor((POOL_SIZE * 1_000_000) / window));
  }

  offer(random: SeededRandom, sale: RefundableSale): void {
    if (this.sales.length < POOL_SIZE) this.sales.push(sale);
    else if (random.below(1_000_000) < this.replacePerMillion) this.sales[random.below(POOL_SIZE)] = sale;
  }

  /** Remove and return a sale made strictly before `nowSeconds`, or null if none is at hand. */
  take(random: SeededRandom, nowSeconds: number): RefundableSale | null {
    if (this.sales.length === 0) return null;
    const index = random.below(this.sales.length);
    const sale = this.sales[index];
    if (sale.occurredSeconds >= nowSeconds) return null;
    this.sales[index] = this.sales[this.sales.length - 1];
    this.sales.pop();
    return sale;
  }
}

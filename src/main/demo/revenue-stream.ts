import { sellsIn } from './archive';
import { adjustmentLine } from './adjustment-lines';
import { CURRENCIES, type DemoOrg, type DemoPayee, type DemoProduct, type DemoRevenue } from './demo-rows';
import { externalId } from './external-ids';
import type { MonthSlot } from './month-plan';
import { ProductPicker } from './product-picker';
import { RefundPool } from './refund-pool';
import type { SeededRandom } from './random';
import { saleLine } from './sale-lines';
import { isoSeconds } from './timestamps';
import { wallTimeToInstant } from '../time/zoned-time';
import { addMonths } from '../../shared/period';

export interface RevenueStreamInput {
  random: SeededRandom;
  orgs: readonly DemoOrg[];
  payees: readonly DemoPayee[];
  products: readonly DemoProduct[];
  slots: readonly MonthSlot[];
  /** Key of the external-id scramble, from the seed. */
  key: number;
}

/** Out of 100 rows: refunds and adjustments; the rest are sales. */
const REFUND_PERCENT = 6;
const ADJUSTMENT_PERCENT = 3;
const SALE_SHARE = (100 - REFUND_PERCENT - ADJUSTMENT_PERCENT) / 100;

interface OrgState {
  org: DemoOrg;
  picker: ProductPicker;
  payees: readonly DemoPayee[];
  refunds: RefundPool;
}

/**
 * The revenue rows, month by month and org by org, each org's rows in time order (as
 * monthly imports would land them). Ids are 1..n in that order. Refunds are drawn from
 * sales already emitted, so each refund follows its sale.
 */
export function* revenueStream(input: RevenueStreamInput): Generator<DemoRevenue> {
  const { random, orgs, slots, key } = input;
  const states: OrgState[] = orgs.map((org, index) => {
    const orgRows = slots.reduce((sum, slot) => sum + slot.counts[index], 0);
    const days = slots.reduce((sum, slot) => sum + slot.activeSeconds / 86_400, 0);
    return {
      org,
      picker: new ProductPicker(input.products.filter((p) => p.org_id === org.id)),
      payees: input.payees.filter((p) => p.org_id === org.id),
      refunds: new RefundPool((orgRows * SALE_SHARE) / days),
    };
  });
  let id = 0;
  for (const slot of slots) {
    for (let o = 0; o < states.length; o++) {
      const state = states[o];
      const count = slot.counts[o];
      // Row k sits in the k-th equal slice of the month, at a random second inside it,
      // so times strictly increase whenever a slice is at least one second long.
      // The month runs from midnight to midnight on the org's clock (an hour shorter or
      // longer when its clocks change), so every row is inside its period there.
      const zone = state.org.time_zone;
      const start = localMonthStart(slot.period, zone);
      const active = Math.min(slot.activeSeconds, localMonthStart(addMonths(slot.period, 1), zone) - start);
      const slice = Math.floor(active / Math.max(count, 1));
      for (let k = 0; k < count; k++) {
        const seconds = start + Math.floor((k * active) / count) + (slice > 0 ? random.below(slice) : 0);
        id++;
        yield nextRow(random, state, slot.period, seconds, id, key);
      }
    }
  }
}

function localMonthStart(period: string, zone: string): number {
  const [year, month] = period.split('-').map(Number);
  return Date.parse(wallTimeToInstant({ year, month, day: 1, hour: 0, minute: 0, second: 0 }, zone)) / 1000;
}

function nextRow(random: SeededRandom, state: OrgState, period: string, seconds: number, id: number, key: number): DemoRevenue {
  const occurredAt = isoSeconds(seconds);
  const roll = random.below(100);
  if (roll < REFUND_PERCENT) {
    const sale = state.refunds.take(random, seconds);
    if (sale) {
      const full = random.percent(60);
      const percent = random.between(10, 90);
      // A partial refund is percent/100 of the sale cut down to whole cents: never more
      // than the sale, computed in integer steps.
      const scaled = sale.amountMicros * percent;
      const partial = (scaled - (scaled % 1_000_000)) / 100;
      const amount = full || partial === 0 ? sale.amountMicros : partial;
      return {
        id,
        org_id: state.org.id,
        external_id: externalId('re_', id, key),
        kind: 'refund',
        occurred_at: occurredAt,
        period,
        payee_id: sale.payeeId,
        product_id: sale.productId,
        amount_micros: -amount,
        currency: sale.currency,
        quantity: amount === sale.amountMicros ? sale.quantity : 1,
        description: amount === sale.amountMicros ? `Refund of ${sale.externalId}: ${sale.productName}` : `Partial refund (${percent}%) of ${sale.externalId}: ${sale.productName}`,
        refund_of: sale.externalId,
      };
    }
  } else if (roll < REFUND_PERCENT + ADJUSTMENT_PERCENT) {
    const line = adjustmentLine(random);
    return {
      id,
      org_id: state.org.id,
      external_id: externalId('adj_', id, key),
      kind: 'adjustment',
      occurred_at: occurredAt,
      period,
      payee_id: line.forPayee && state.payees.length > 0 ? random.pick(state.payees).id : null,
      product_id: null,
      amount_micros: line.amountMicros,
      currency: CURRENCIES[random.weighted(state.org.currencyWeights)],
      quantity: 1,
      description: line.description,
      refund_of: null,
    };
  }
  let product = state.picker.pick(random);
  // An archived product sells no more: draw again (a handful of tries, as few are archived).
  for (let tries = 0; !sellsIn(product, period) && tries < 50; tries++) product = state.picker.pick(random);
  const line = saleLine(random, product, period);
  const currency = CURRENCIES[random.weighted(state.org.currencyWeights)];
  const sale: DemoRevenue = {
    id,
    org_id: state.org.id,
    external_id: externalId('ch_', id, key),
    kind: 'sale',
    occurred_at: occurredAt,
    period,
    payee_id: product.payeeId,
    product_id: product.id,
    amount_micros: line.amountMicros,
    currency,
    quantity: line.quantity,
    description: line.description,
    refund_of: null,
  };
  state.refunds.offer(random, {
    externalId: sale.external_id,
    amountMicros: line.amountMicros,
    quantity: line.quantity,
    currency,
    payeeId: product.payeeId,
    productId: product.id,
    productName: product.name,
    occurredSeconds: seconds,
  });
  return sale;
}

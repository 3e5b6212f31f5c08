import { ADJUSTMENT_REASONS } from './catalog-words';
import type { SeededRandom } from './random';

export interface AdjustmentLine {
  amountMicros: number;
  description: string;
  /** Whether the adjustment concerns one payee (fees, credits) or the org as a whole. */
  forPayee: boolean;
}

const CENT = 10_000;
const UNIT = 1_000_000;

/** A manual correction as a finance team books them: positive or negative, some sub-cent. */
export function adjustmentLine(random: SeededRandom): AdjustmentLine {
  const reason = random.pick(ADJUSTMENT_REASONS);
  switch (reason) {
    case 'Chargeback fee':
      return { amountMicros: -random.pick([15, 20, 25]) * UNIT, description: reason, forPayee: true };
    case 'Manual credit':
      return { amountMicros: random.between(5, 200) * UNIT, description: `${reason}: goodwill`, forPayee: true };
    case 'Late usage true-up':
      return { amountMicros: random.between(1, 500_000) * 100, description: reason, forPayee: true };
    case 'Currency rounding correction':
      // Sub-cent on purpose: these are what make totals disagree when floats are used.
      return { amountMicros: (random.percent(50) ? 1 : -1) * random.between(1, 9_999), description: reason, forPayee: false };
    case 'Marketplace fee correction':
      return { amountMicros: (random.percent(50) ? 1 : -1) * random.between(100, 5_000) * CENT, description: reason, forPayee: false };
    default:
      return { amountMicros: -random.between(100, 20_000) * CENT, description: reason, forPayee: true };
  }
}

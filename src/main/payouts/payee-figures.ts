import type { PayoutPayeeLine } from '../../shared/contract/payouts';
import { microsToDecimal } from '../../shared/money';

export interface PayeeFacts {
  id: number;
  externalId: string | null;
  name: string;
  onHold: boolean;
  thresholdMicros: bigint;
}

export interface PayeeSums {
  earned: bigint;
  reversed: bigint;
  adjusted: bigint;
}

/**
 * A payee's month in one currency. What is owed is the opening balance (carried from the
 * previous run) plus the month's net (earned + reversed + adjusted):
 * - on hold: all of it is held;
 * - negative: it is owed back, carried as below threshold;
 * - under the payee's minimum payout: carried as below threshold, with the reason;
 * - else all of it is payable.
 * Held and below-threshold amounts are the closing balance, carried into the next month's
 * opening; payable is paid out and does not carry.
 */
export function payeeLine(payee: PayeeFacts, currency: string, opening: bigint, sums: PayeeSums): PayoutPayeeLine {
  const owed = opening + sums.earned + sums.reversed + sums.adjusted;
  let held = 0n;
  let below = 0n;
  let payable = 0n;
  let reason: string | null = null;
  if (owed === 0n) {
    // Nothing to pay or carry.
  } else if (payee.onHold) {
    held = owed;
    reason = `on hold: ${microsToDecimal(owed)} held, carried forward`;
  } else if (owed < 0n) {
    below = owed;
    reason = `negative: ${microsToDecimal(owed)} owed back, carried forward`;
  } else if (owed < payee.thresholdMicros) {
    below = owed;
    reason = `held: ${microsToDecimal(owed)} < ${microsToDecimal(payee.thresholdMicros)} minimum, carried forward`;
  } else payable = owed;
  return {
    payeeId: payee.id,
    payeeExternalId: payee.externalId,
    payeeName: payee.name,
    currency,
    opening: microsToDecimal(opening),
    earned: microsToDecimal(sums.earned),
    reversed: microsToDecimal(sums.reversed),
    adjusted: microsToDecimal(sums.adjusted),
    held: microsToDecimal(held),
    belowThreshold: microsToDecimal(below),
    payable: microsToDecimal(payable),
    closing: microsToDecimal(held + below),
    reason,
  };
}

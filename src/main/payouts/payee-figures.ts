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
 * A payee's month in one currency: the net (earned + reversed + adjusted) is held when the
 * payee is on hold, carried forward when under the minimum payout, else payable. Opening
 * and closing balances (last month's carry-forward) are not in yet.
 */
export function payeeLine(payee: PayeeFacts, currency: string, sums: PayeeSums): PayoutPayeeLine {
  const net = sums.earned + sums.reversed + sums.adjusted;
  let held = 0n;
  let below = 0n;
  let payable = 0n;
  let reason: string | null = null;
  if (payee.onHold) {
    held = net;
    reason = `on hold: ${microsToDecimal(net)} held, carried forward`;
  } else if (net < 0n) {
    below = net;
    reason = `negative: ${microsToDecimal(net)} owed back, carried forward`;
  } else if (net < payee.thresholdMicros) {
    below = net;
    reason = `held: ${microsToDecimal(net)} < ${microsToDecimal(payee.thresholdMicros)} minimum, carried forward`;
  } else payable = net;
  return {
    payeeId: payee.id,
    payeeExternalId: payee.externalId,
    payeeName: payee.name,
    currency,
    earned: microsToDecimal(sums.earned),
    reversed: microsToDecimal(sums.reversed),
    adjusted: microsToDecimal(sums.adjusted),
    held: microsToDecimal(held),
    belowThreshold: microsToDecimal(below),
    payable: microsToDecimal(payable),
    reason,
  };
}

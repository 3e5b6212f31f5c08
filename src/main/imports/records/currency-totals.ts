import type { CurrencyAmount } from '../../../shared/contract/imports';
import { microsToDecimal } from '../../../shared/money';

/**
 * Amounts added up per currency, exactly: each currency's sum runs in a double while it is
 * a safe integer, then spills into a BigInt (a row holds at most MAX_SAFE_INTEGER micros).
 * Currencies are never added together.
 */
export class CurrencyTotals {
  private readonly small = new Map<string, number>();
  private readonly big = new Map<string, bigint>();

  add(currency: string, micros: number): void {
    const next = (this.small.get(currency) ?? 0) + micros;
    if (Number.isSafeInteger(next)) {
      this.small.set(currency, next);
      return;
    }
    this.big.set(currency, (this.big.get(currency) ?? 0n) + BigInt(this.small.get(currency) ?? 0) + BigInt(micros));
    this.small.set(currency, 0);
  }

  /** Each currency added to and its exact sum in micro-units, sorted by currency. */
  micros(): Array<{ currency: string; micros: bigint }> {
    return [...this.small.keys()].sort(byCode).map((currency) => ({ currency, micros: (this.big.get(currency) ?? 0n) + BigInt(this.small.get(currency)!) }));
  }

  /** As the API answers: decimal strings, sorted by currency. */
  list(): CurrencyAmount[] {
    return this.micros().map(({ currency, micros }) => ({ currency, amount: microsToDecimal(micros) }));
  }
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A running sum of exact integers (micro-units) on plain numbers while it is safe, moved
 * into a BigInt before an addition could pass 2^53: a month's totals stay exact without a
 * BigInt per revenue.
 */
export class ExactSum {
  private small = 0;
  private big = 0n;

  /** `value` must itself be a safe integer. */
  add(value: number): void {
    const next = this.small + value;
    if (next > Number.MAX_SAFE_INTEGER || next < -Number.MAX_SAFE_INTEGER) {
      this.big += BigInt(this.small);
      this.small = value;
    } else this.small = next;
  }

  value(): bigint {
    return this.big + BigInt(this.small);
  }
}

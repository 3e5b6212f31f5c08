/**
 * Row numbers already given an outcome in this batch, as a growable bitmap: each row
 * must end in exactly one outcome, even if a caller reports a row twice by mistake.
 */
export class RowClaims {
  private bits = new Uint8Array(1024);

  /** Marks the row; throws if it already has an outcome. */
  claim(rowNumber: number): void {
    if (!Number.isInteger(rowNumber) || rowNumber < 0 || rowNumber > 0x7fffffff) throw new Error(`Row number ${rowNumber} is not an integer in 0..2^31-1`);
    const byte = rowNumber >>> 3;
    if (byte >= this.bits.length) this.grow(byte);
    const mask = 1 << (rowNumber & 7);
    if (this.bits[byte] & mask) throw new Error(`Row ${rowNumber} already has an outcome in this batch`);
    this.bits[byte] |= mask;
  }

  /** Marks `count` consecutive rows from `first` on. */
  claimRun(first: number, count: number): void {
    for (let row = first; row < first + count; row++) this.claim(row);
  }

  private grow(byte: number): void {
    let size = this.bits.length;
    while (size <= byte) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bits);
    this.bits = next;
  }
}

/**
 * Carries values down into empty cells, for exports that write an order's fields on its
 * first line item only. With a `within` column (the order number), values are carried
 * only while that column keeps its value or is empty: a new order starts clean, so an
 * order never inherits the previous order's date or currency.
 */
export class FillDown {
  private carried: string[];
  private group: string | null = null;

  constructor(
    private readonly columns: readonly number[],
    private readonly within: number,
  ) {
    this.carried = columns.map(() => '');
  }

  get active(): boolean {
    return this.columns.length > 0;
  }

  /** Fills `cells` in place. */
  apply(cells: string[]): void {
    if (this.within !== -1) {
      const key = cells[this.within].trim();
      if (key !== '' && key !== this.group) {
        this.group = key;
        this.carried = this.columns.map(() => '');
      }
    }
    for (let i = 0; i < this.columns.length; i++) {
      const index = this.columns[i];
      if (cells[index].trim() === '') cells[index] = this.carried[i];
      else this.carried[i] = cells[index];
    }
  }
}

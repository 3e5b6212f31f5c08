import { allocateFast, PartsBuffer, type CompiledShares } from './fast-allocate';
import type { Decision, MonthPass, PassListener } from './month-pass';
import type { ChosenVersion } from './rule-choice';

// A month's shares as the month pass made them, for payouts.explain, at a few stores per
// revenue: its id, amount, currency and decision (the rule version and shares that split
// it) in flat typed arrays; only a refund that reversed its sale keeps its parts (they
// come from the sale). A payee's rows are picked out on the first ask for that payee: each
// revenue whose decision names the payee (or every revenue, for a payee with a fallback
// percentage) is split again with the same allocateFast and the same inputs, which gives
// exactly the run's parts. No rule is chosen and nothing is read from the workspace again.

const INITIAL = 4096;

/** One payee's rows, in revenue id order: the revenue's position in the set and the share. */
export interface PayeeShareList {
  count: number;
  revenues: Int32Array;
  micros: Float64Array;
  /** Per currency asked for: the positions of its rows, made on first ask. */
  positions: Map<string, Int32Array>;
}

function grown<T extends Float64Array | Int32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export class MonthShareSet implements PassListener {
  readonly currencies: string[] = [];
  revenueCount = 0;
  revenueIds = new Float64Array(INITIAL);
  amounts = new Float64Array(INITIAL);
  decisionIndexes = new Int32Array(INITIAL);
  currencyIndexes = new Uint16Array(INITIAL);
  /** A reversed refund's parts start (in refundPayees / refundMicros); -1: split again from the amount. */
  refundStarts = new Int32Array(INITIAL);
  private readonly refundPayees: number[] = [];
  private readonly refundMicros: number[] = [];
  private decisions: readonly Decision[] = [];
  private fallback: CompiledShares | null = null;
  private readonly lists = new Map<number, PayeeShareList>();
  private lastCurrency = '';
  private lastCurrencyIndex = -1;

  allocated(revenueId: number, currency: string, amount: number, decision: number): void {
    const at = this.next(revenueId, currency, decision);
    this.amounts[at] = amount;
    this.refundStarts[at] = -1;
  }

  reversed(revenueId: number, currency: string, decision: number, parts: PartsBuffer): void {
    const at = this.next(revenueId, currency, decision);
    this.refundStarts[at] = this.refundPayees.length;
    // The parts end where the next refund's begin: a count of 0 is kept by a sentinel.
    for (let i = 0; i < parts.count; i++) {
      this.refundPayees.push(parts.payeeIds[i]);
      this.refundMicros.push(parts.micros[i]);
    }
    this.refundPayees.push(-1);
    this.refundMicros.push(0);
  }

  /** The pass is over: its decisions and fallbacks are what the recorded indexes name. */
  finish(pass: MonthPass): this {
    this.decisions = pass.decisions;
    this.fallback = pass.fallback;
    return this;
  }

  ruleOf(revenue: number): ChosenVersion | null {
    return this.decisions[this.decisionIndexes[revenue]].rule;
  }

  private next(revenueId: number, currency: string, decision: number): number {
    if (currency !== this.lastCurrency) {
      let index = this.currencies.indexOf(currency);
      if (index < 0) index = this.currencies.push(currency) - 1;
      this.lastCurrency = currency;
      this.lastCurrencyIndex = index;
    }
    const at = this.revenueCount++;
    if (at === this.revenueIds.length) {
      const size = at * 2;
      this.revenueIds = grown(this.revenueIds, new Float64Array(size));
      this.amounts = grown(this.amounts, new Float64Array(size));
      this.decisionIndexes = grown(this.decisionIndexes, new Int32Array(size));
      this.currencyIndexes = grown(this.currencyIndexes, new Uint16Array(size));
      this.refundStarts = grown(this.refundStarts, new Int32Array(size));
    }
    this.revenueIds[at] = revenueId;
    this.decisionIndexes[at] = decision;
    this.currencyIndexes[at] = this.lastCurrencyIndex;
    return at;
  }

  /** The payee's rows in revenue id order (null: none), made on the first ask. */
  payee(payeeId: number): PayeeShareList | null {
    let list = this.lists.get(payeeId);
    if (!list) {
      list = this.pick(payeeId);
      this.lists.set(payeeId, list);
    }
    return list.count > 0 ? list : null;
  }

  private pick(payeeId: number): PayeeShareList {
    const fallback = this.fallback!;
    const everywhere = fallback.payeeIds.includes(payeeId);
    const names = this.decisions.map((d) => everywhere || (d.shares !== null && d.shares.payeeIds.includes(payeeId)));
    const revenues: number[] = [];
    const micros: number[] = [];
    const parts = new PartsBuffer();
    for (let r = 0; r < this.revenueCount; r++) {
      const start = this.refundStarts[r];
      if (start >= 0) {
        for (let p = start; this.refundPayees[p] !== -1; p++) {
          if (this.refundPayees[p] !== payeeId) continue;
          revenues.push(r);
          micros.push(this.refundMicros[p]);
        }
        continue;
      }
      const decision = this.decisionIndexes[r];
      if (!names[decision]) continue;
      allocateFast(this.amounts[r], this.decisions[decision].shares, fallback, parts);
      for (let i = 0; i < parts.count; i++) {
        if (parts.payeeIds[i] !== payeeId) continue;
        revenues.push(r);
        micros.push(parts.micros[i]);
      }
    }
    const list = { count: revenues.length, revenues: Int32Array.from(revenues), micros: Float64Array.from(micros), positions: new Map<string, Int32Array>() };
    this.inRevenueOrder(list);
    return list;
  }

  /**
   * The pass gives two runs each in revenue id order (the month's scan, then its refunds):
   * merged in one walk; anything else is sorted.
   */
  private inRevenueOrder(list: PayeeShareList): void {
    const ids = this.revenueIds;
    const idAt = (i: number) => ids[list.revenues[i]];
    let second = 1;
    while (second < list.count && idAt(second - 1) < idAt(second)) second++;
    if (second >= list.count) return;
    let end = second + 1;
    while (end < list.count && idAt(end - 1) < idAt(end)) end++;
    let order: number[];
    if (end === list.count) {
      order = new Array<number>(list.count);
      for (let a = 0, b = second, at = 0; at < list.count; at++) order[at] = b >= list.count || (a < second && idAt(a) < idAt(b)) ? a++ : b++;
    } else order = Array.from({ length: list.count }, (_, i) => i).sort((a, b) => idAt(a) - idAt(b));
    const revenues = new Int32Array(list.count);
    const micros = new Float64Array(list.count);
    for (let at = 0; at < order.length; at++) {
      revenues[at] = list.revenues[order[at]];
      micros[at] = list.micros[order[at]];
    }
    list.revenues = revenues;
    list.micros = micros;
  }
}

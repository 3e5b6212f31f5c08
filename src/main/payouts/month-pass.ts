import type { PayoutCurrencyTotals } from '../../shared/contract/payouts';
import type { RuleConflict } from '../../shared/contract/rules';
import { microsToDecimal } from '../../shared/money';
import { percentageToWeight, weightToPercentage, WHOLE_PERCENT_WEIGHT } from '../../shared/percentage';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { orgTimeZone } from '../orgs/org-time-zone';
import { loadVersionedRules, type VersionedRule } from '../rules/rule-store';
import type { ShareWeight } from './allocate';
import { allocateFast, compileShares, PartsBuffer, reverseFast, type CompiledShares } from './fast-allocate';
import { dayInZone } from './local-date';
import type { PayeeSums } from './payee-figures';
import { RuleChooser, type ChosenVersion, type ProductFacts, type RuleChoice } from './rule-choice';
import { ExactSum } from './exact-sum';

// One pass over a month's revenues: each allocated by the rule version in force on its day
// (refunds by their sale's), summed per currency and per payee. The run, explain and compare
// all use it; explain listens to every allocation, compare swaps rule versions.

export interface RevenueRow {
  id: number;
  external_id: string | null;
  kind: 'sale' | 'refund' | 'adjustment';
  occurred_at: string;
  product_id: number | null;
  amount_micros: number;
  currency: string;
  refund_of: string | null;
}

export interface PayeeRow {
  id: number;
  external_id: string | null;
  name: string;
  on_hold: number;
  threshold_micros: number;
  fallback_percentage: string | null;
}

export type SumsByPayee = Map<string, PayeeSums & { payeeId: number; currency: string }>;

export interface MonthPass {
  revenueCount: number;
  currencies: PayoutCurrencyTotals[];
  sums: SumsByPayee;
  payees: PayeeRow[];
  warnings: string[];
  conflicts: RuleConflict[];
  /** Every decision the pass made (a PassListener's `decision` indexes them) and the fallbacks' shares. */
  decisions: readonly Decision[];
  fallback: CompiledShares;
}

/** The decision for a product on a day, with its shares ready for allocateFast. */
export interface Decision {
  /** Position in MonthPass.decisions. */
  index: number;
  choice: RuleChoice;
  /** Flat copies of choice's fields: read for every revenue. */
  conflict: boolean;
  rule: ChosenVersion | null;
  shares: CompiledShares | null;
}

/**
 * Told every allocated revenue (in no particular order). A revenue's parts are
 * allocateFast(amount, decision's shares, fallback): what it was given is enough to make
 * them again, so nothing is stored per share; a refund that reversed its sale is told with
 * its parts (the decision is its sale's).
 */
export interface PassListener {
  allocated(revenueId: number, currency: string, amount: number, decision: number): void;
  reversed(revenueId: number, currency: string, decision: number, parts: PartsBuffer): void;
}

export interface PassOptions {
  /** ruleId -> version: that rule decides the whole month as this saved version (compare). */
  versions?: ReadonlyMap<number, number>;
  listener?: PassListener;
}

const REVENUE_COLUMNS = 'id, external_id, kind, occurred_at, product_id, amount_micros, currency, refund_of';

/** A month's revenue as read in the hot loop: [id, kind, occurred_at, product_id, amount_micros, currency, refund_of]. */
type RawRevenue = [number, RevenueRow['kind'], string, number | null, number, string, string | null];
const HOT_COLUMNS = 'id, kind, occurred_at, product_id, amount_micros, currency, refund_of';
const PAGE_ROWS = 2000;

/** 'YYYY-MM-DD…' -> one number per calendar day, read from the characters (no substring). */
function dayNumber(text: string): number {
  const year = (text.charCodeAt(0) - 48) * 1000 + (text.charCodeAt(1) - 48) * 100 + (text.charCodeAt(2) - 48) * 10 + (text.charCodeAt(3) - 48);
  const month = (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48);
  return year * 512 + month * 32 + (text.charCodeAt(8) - 48) * 10 + (text.charCodeAt(9) - 48);
}

/**
 * One currency's sums: the month's totals and each payee's line, in flat arrays indexed by
 * the payee's slot (earned, reversed, adjusted at slot x 3 + kind): no Map or object per
 * share. Exact as ExactSum is: numbers while safe, carried into a BigInt before an addition
 * could pass 2^53.
 */
class CurrencySums {
  readonly revenue = new ExactSum();
  readonly allocated = new ExactSum();
  small: Float64Array;
  /** Slots with a share this month (a line exists even when its shares cancel out). */
  touched: Uint8Array;
  private carried: Map<number, bigint> | null = null;

  constructor(slots: number) {
    this.small = new Float64Array(slots * 3);
    this.touched = new Uint8Array(slots);
  }

  /** Room for `slots` payees (slots are handed out as rules are compiled). */
  fit(slots: number): void {
    if (this.touched.length >= slots) return;
    const small = new Float64Array(slots * 3);
    small.set(this.small);
    const touched = new Uint8Array(slots);
    touched.set(this.touched);
    this.small = small;
    this.touched = touched;
  }

  add(slot: number, kind: number, micros: number): void {
    const at = slot * 3 + kind;
    this.touched[slot] = 1;
    const next = this.small[at] + micros;
    if (next > Number.MAX_SAFE_INTEGER || next < -Number.MAX_SAFE_INTEGER) {
      this.carried ??= new Map();
      this.carried.set(at, (this.carried.get(at) ?? 0n) + BigInt(this.small[at]));
      this.small[at] = micros;
    } else this.small[at] = next;
  }

  value(slot: number, kind: number): bigint {
    const at = slot * 3 + kind;
    return (this.carried?.get(at) ?? 0n) + BigInt(this.small[at]);
  }
}

const EARNED = 0;
const REVERSED = 1;
const ADJUSTED = 2;


/** The org's rules; a rule named in `versions` keeps only that saved version. */
function rulesFor(db: Database.Database, orgId: string, versions: ReadonlyMap<number, number> | undefined): VersionedRule[] {
  const rules = loadVersionedRules(db, orgId);
  if (!versions) return rules;
  const byId = new Map(rules.map((r) => [r.id, r]));
  let index = 0;
  for (const [ruleId, version] of versions) {
    const rule = byId.get(ruleId);
    const chosen = rule?.versions.find((v) => v.version === version);
    if (!rule) throw notFound('rule_not_found', `ruleVersions[${index}]: no rule with id ${ruleId} in org ${orgId}`, { field: `ruleVersions.${index}.ruleId` });
    if (!chosen) throw notFound('rule_version_not_found', `ruleVersions[${index}]: rule ${rule.externalId ?? ruleId} has no version ${version} (it has 1 to ${rule.versions.length})`, { field: `ruleVersions.${index}.version` });
    rule.versions = [chosen];
    index++;
  }
  return rules;
}

function sharesOf(rule: ChosenVersion): ShareWeight[] {
  return rule.state.splits.map((s) => ({ payeeId: s.payee_id, weight: percentageToWeight(s.percentage)!, fixed: s.fixed_micros === null ? null : BigInt(s.fixed_micros) }));
}

export function loadPayees(db: Database.Database, orgId: string): PayeeRow[] {
  return db.prepare('SELECT id, external_id, name, on_hold, threshold_micros, fallback_percentage FROM payees WHERE org_id = ? ORDER BY id').all(orgId) as PayeeRow[];
}

export function passMonth(db: Database.Database, orgId: string, period: string, options: PassOptions = {}): MonthPass {
  // The month is read in pages: one transaction, so every page sees the same workspace.
  if (!db.inTransaction) return db.transaction(() => passMonth(db, orgId, period, options))();
  const zone = orgTimeZone(db, orgId);
  const products = new Map<number, ProductFacts>();
  for (const p of db.prepare('SELECT id, category, tags FROM products WHERE org_id = ?').all(orgId) as Array<{ id: number; category: string | null; tags: string }>) {
    products.set(p.id, { category: p.category, tags: JSON.parse(p.tags) as string[] });
  }
  const payees = loadPayees(db, orgId);
  const chooser = new RuleChooser(rulesFor(db, orgId, options.versions), products);
  const warnings: string[] = [];
  const fallbackShares: ShareWeight[] = [];
  for (const p of payees) {
    const weight = p.fallback_percentage === null ? null : percentageToWeight(p.fallback_percentage);
    if (weight === null) {
      if (p.fallback_percentage !== null) warnings.push(`payee ${p.external_id ?? p.id}: fallback_percentage "${p.fallback_percentage}" has more than 4 decimals and is not used`);
    } else if (weight > 0n) fallbackShares.push({ payeeId: p.id, weight, fixed: null });
  }
  const fallbackTotal = fallbackShares.reduce((sum, s) => sum + s.weight, 0n);
  if (fallbackTotal > WHOLE_PERCENT_WEIGHT) warnings.push(`payees' fallback percentages add up to ${weightToPercentage(fallbackTotal)}: unclaimed amounts are shared in proportion to them`);
  const fallback = compileShares(fallbackShares);

  const conflicts = new Map<string, RuleConflict>();
  const compiled = new Map<string, CompiledShares>();
  // Decisions remembered per product and day: an array per product over the days around the
  // month (small integer keys, no string or heap number per revenue), a Map beyond them
  // (sales of other months that this month's refunds reverse).
  const windowStart = dayNumber(`${period}-01`) - 64;
  const WINDOW = 192;
  // Indexed by product id (ids are small integers), revenues with no product apart.
  const nearDays: Array<Array<Decision | undefined> | undefined> = [];
  let nearDaysNoProduct: Array<Decision | undefined> | undefined;
  const utc = zone === 'UTC';
  const farDays = new Map<string, Decision>();
  const decisions: Decision[] = [];
  function decisionFor(productId: number | null, day: string): Decision {
    const choice = chooser.choose(productId, day);
    let shares: CompiledShares | null = null;
    if (choice.rule) {
      const versionKey = `${choice.rule.ruleId}.${choice.rule.version}`;
      shares = compiled.get(versionKey) ?? compileShares(sharesOf(choice.rule));
      compiled.set(versionKey, shares);
    }
    const decision = { index: decisions.length, choice, conflict: choice.conflict !== null, rule: choice.rule, shares };
    decisions.push(decision);
    return decision;
  }
  /** The rule version deciding a revenue of `productId` at `occurredAt`. */
  function decide(productId: number | null, occurredAt: string): Decision {
    const zoned = utc ? null : dayInZone(occurredAt, zone);
    const offset = dayNumber(zoned ?? occurredAt) - windowStart;
    if (offset >= 0 && offset < WINDOW) {
      let days = productId === null ? nearDaysNoProduct : nearDays[productId];
      if (!days) {
        days = new Array<Decision | undefined>(WINDOW);
        if (productId === null) nearDaysNoProduct = days;
        else nearDays[productId] = days;
      }
      return (days[offset] ??= decisionFor(productId, zoned ?? occurredAt.slice(0, 10)));
    }
    const day = zoned ?? occurredAt.slice(0, 10);
    const key = `${productId}|${day}`;
    let decision = farDays.get(key);
    if (!decision) farDays.set(key, (decision = decisionFor(productId, day)));
    return decision;
  }
  const externalIdOf = db.prepare('SELECT external_id FROM revenues WHERE id = ?').pluck();
  function noteConflict(choice: RuleChoice, revenueId: number, occurredAt: string): void {
    const conflict = choice.conflict!;
    const key = `${conflict.scope}|${conflict.rules.map((r) => `${r.ruleId}.${r.version}`).join(',')}`;
    const known = conflicts.get(key);
    if (known) known.revenueCount++;
    else {
      conflicts.set(key, {
        scope: conflict.scope,
        rules: conflict.rules.map((r) => ({ id: r.ruleId, externalId: r.externalId, name: r.state.name, version: r.version })),
        revenueCount: 1,
        firstRevenue: { id: revenueId, externalId: externalIdOf.get(revenueId) as string | null, date: dayInZone(occurredAt, zone) },
      });
    }
  }

  // Payee id -> slot in the currencies' arrays (an array: payee ids are small integers).
  const slotOf: number[] = [];
  const slotIds: number[] = [];
  const slotFor = (payeeId: number): number => {
    let slot = slotOf[payeeId];
    if (slot === undefined) slotOf[payeeId] = slot = slotIds.push(payeeId) - 1;
    return slot;
  };
  for (const p of payees) slotFor(p.id);

  const byCurrency = new Map<string, CurrencySums>();
  let lastCurrency = '';
  let lastSums: CurrencySums | null = null;
  const parts = new PartsBuffer();
  const saleParts = new PartsBuffer();
  let revenueCount = 0;
  // Refunds wait for the end of the scan, when their sales are read in one query: the
  // month is read once, as plain arrays, and never held in memory at once.
  const refunds: RawRevenue[] = [];
  // Pages of the month's rows in id order from the index that holds them
  // (revenues_month_scan): a page at a time costs less per row than a row at a time.
  const page = db
    .prepare(`SELECT ${HOT_COLUMNS} FROM revenues INDEXED BY revenues_month_scan WHERE org_id = ? AND period = ? AND id > ? ORDER BY id LIMIT ${PAGE_ROWS}`)
    .raw();
  const listener = options.listener;
  /** Adds the revenue's parts (in `parts`) to the sums. */
  function add(row: RawRevenue): void {
    const currency = row[5];
    const amount = row[4];
    const kind = row[1] === 'sale' ? EARNED : row[1] === 'refund' ? REVERSED : ADJUSTED;
    let sums = currency === lastCurrency ? lastSums! : byCurrency.get(currency);
    if (!sums) byCurrency.set(currency, (sums = new CurrencySums(slotIds.length)));
    lastCurrency = currency;
    lastSums = sums;
    sums.revenue.add(amount);
    sums.allocated.add(amount - parts.unallocated);
    for (let i = 0; i < parts.count; i++) {
      const payeeId = parts.payeeIds[i];
      const slot = slotOf[payeeId] ?? slotFor(payeeId);
      if (slot >= sums.touched.length) sums.fit(slotIds.length);
      sums.add(slot, kind, parts.micros[i]);
    }
  }
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = page.all(orgId, period, after) as RawRevenue[];
    revenueCount += rows.length;
    for (const row of rows) {
      if (row[1] === 'refund' && row[6] !== null) {
        refunds.push(row);
        continue;
      }
      const decision = decide(row[3], row[2]);
      if (decision.conflict) {
        noteConflict(decision.choice, row[0], row[2]);
        continue;
      }
      allocateFast(row[4], decision.shares, fallback, parts);
      add(row);
      listener?.allocated(row[0], row[5], row[4], decision.index);
    }
    if (rows.length < PAGE_ROWS) break;
    after = rows[rows.length - 1][0];
  }

  // A refund reverses its sale's parts under the sale's rule version (BigInt: refunds are few).
  const sales = new Map<string, RevenueRow>();
  if (refunds.length > 0) {
    // One query, keys in index order: far fewer page visits than a lookup per refund.
    const keys = [...new Set(refunds.map((r) => r[6]!))].sort();
    const saleRows = db
      .prepare(`SELECT ${REVENUE_COLUMNS} FROM revenues WHERE org_id = ? AND kind = 'sale' AND external_id IN (SELECT value FROM json_each(?))`)
      .all(orgId, JSON.stringify(keys)) as RevenueRow[];
    for (const sale of saleRows) sales.set(sale.external_id!, sale);
  }
  for (const refund of refunds) {
    const [id, , occurredAt, productId, amount, currency, refundOf] = refund;
    const sale = sales.get(refundOf!);
    if (sale && sale.currency === currency) {
      const saleDecision = decide(sale.product_id, sale.occurred_at);
      if (saleDecision.conflict) {
        noteConflict(saleDecision.choice, sale.id, sale.occurred_at);
        continue;
      }
      allocateFast(sale.amount_micros, saleDecision.shares, fallback, saleParts);
      reverseFast(amount, saleParts, parts);
      add(refund);
      listener?.reversed(id, currency, saleDecision.index, parts);
    } else {
      warnings.push(`refund ${(externalIdOf.get(id) as string | null) ?? id}: its sale "${refundOf}" ${sale ? `is in ${sale.currency}` : 'is not in the workspace'}; allocated under its own rule`);
      const decision = decide(productId, occurredAt);
      if (decision.conflict) {
        noteConflict(decision.choice, id, occurredAt);
        continue;
      }
      allocateFast(amount, decision.shares, fallback, parts);
      add(refund);
      listener?.allocated(id, currency, amount, decision.index);
    }
  }

  const currencies = [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, t]) => {
      const revenue = t.revenue.value();
      const allocated = t.allocated.value();
      return { currency, revenue: microsToDecimal(revenue), allocated: microsToDecimal(allocated), unallocated: microsToDecimal(revenue - allocated) };
    });
  const summed: SumsByPayee = new Map();
  for (const [currency, sums] of byCurrency) {
    for (let slot = 0; slot < sums.touched.length; slot++) {
      if (sums.touched[slot] === 0) continue;
      const payeeId = slotIds[slot];
      summed.set(`${payeeId}|${currency}`, { payeeId, currency, earned: sums.value(slot, EARNED), reversed: sums.value(slot, REVERSED), adjusted: sums.value(slot, ADJUSTED) });
    }
  }
  return { revenueCount, currencies, sums: summed, payees, warnings, conflicts: [...conflicts.values()], decisions, fallback };
}

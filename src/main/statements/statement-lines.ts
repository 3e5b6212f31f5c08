import { Decimal, roundToMinorUnits } from '../../shared/decimal';
import { daysBetween, type BillingCycle } from './billing-cycle';

// One statement's lines, computed exactly. The rules, documented once:
// - Each line is quantity x price, in decimal.js (no float); file storage is priced per
//   100 GB per month with 1 GB = 1,000 MB, so its quantity is file_size_mb / 100,000.
// - Proration: when plans change inside a cycle, each plan's price is weighted by the days
//   it covers over the cycle's days: cost = quantity x sum(price_i x days_i) / cycle_days.
//   Days no plan covers cost nothing. Usage is one figure per cycle, so every line prorates
//   the same way.
// - Each line is rounded to the currency's minor unit once, half-up (0.125 -> 0.13); the
//   total is the sum of the rounded lines, so the printed lines always add up.

export const LINE_KEYS = ['subscription', 'ppu', 'section_widget_usage', 'column_widget_usage', 'record_storage', 'file_storage', 'backup'] as const;
export type LineKey = (typeof LINE_KEYS)[number];

export const USAGE_FIELDS = ['seats', 'record_count', 'section_widget_uses', 'column_widget_uses', 'version_count', 'file_size_mb', 'backups'] as const;
export type UsageField = (typeof USAGE_FIELDS)[number];
export type CycleUsage = Record<UsageField, number>;
export const ZERO_USAGE: CycleUsage = { seats: 0, record_count: 0, section_widget_uses: 0, column_widget_uses: 0, version_count: 0, file_size_mb: 0, backups: 0 };

export const PRICE_FIELDS = [
  'subscription_price',
  'ppu_price',
  'section_widget_price',
  'column_widget_price',
  'record_storage_price',
  'file_storage_price',
  'backup_price',
] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];
/** Prices in micro-units of the org's currency. */
export type PlanPrices = Record<PriceField, number>;

/** Which usage figure and which price make each line. */
export const LINE_PARTS: Record<LineKey, { usage: UsageField; price: PriceField }> = {
  subscription: { usage: 'seats', price: 'subscription_price' },
  ppu: { usage: 'record_count', price: 'ppu_price' },
  section_widget_usage: { usage: 'section_widget_uses', price: 'section_widget_price' },
  column_widget_usage: { usage: 'column_widget_uses', price: 'column_widget_price' },
  record_storage: { usage: 'version_count', price: 'record_storage_price' },
  file_storage: { usage: 'file_size_mb', price: 'file_storage_price' },
  backup: { usage: 'backups', price: 'backup_price' },
};

/** MB in the 100 GB a file-storage price is quoted for. */
export const MB_PER_FILE_STORAGE_UNIT = 100_000;

export interface PlanSpan extends PlanPrices {
  id: number;
  effective_from: string;
  /** Inclusive; null: open-ended. */
  effective_to: string | null;
  is_subscription: boolean;
}

export interface PlanSegment {
  plan_id: number;
  date_start: string;
  date_end: string;
  days: number;
}

export interface ComputedLines {
  segments: PlanSegment[];
  /** Rounded costs in micro-units. */
  costs: Record<LineKey, bigint>;
  total: bigint;
  /** The plan in effect on the cycle's last day (or the last one covering it): its prices are shown. */
  shownPlan: PlanSpan;
}

/** The days each plan covers inside the cycle, in date order; plans covering none are left out. */
export function planSegments(cycle: BillingCycle, plans: readonly PlanSpan[]): PlanSegment[] {
  const segments: PlanSegment[] = [];
  for (const plan of plans) {
    const start = plan.effective_from > cycle.start ? plan.effective_from : cycle.start;
    const planEnd = plan.effective_to ?? cycle.end;
    const end = planEnd < cycle.end ? planEnd : cycle.end;
    if (start <= end) segments.push({ plan_id: plan.id, date_start: start, date_end: end, days: daysBetween(start, end) });
  }
  return segments.sort((a, b) => (a.date_start < b.date_start ? -1 : 1));
}

const MICRO_DIGITS = 6;

/**
 * quantity x sum(price_i x days_i) / (cycle_days x unit), rounded half-up to the minor unit,
 * in micro-units. One decimal.js division per line (the expensive step); the products are
 * of integers, so exact at any size.
 */
function lineCost(quantity: number, weightedPriceMicros: bigint, divisor: number, minorUnits: number): bigint {
  if (quantity === 0 || weightedPriceMicros === 0n) return 0n;
  // Micro-units / 10^(6 - minor) is the amount in minor units: round that to a whole number.
  const step = 10 ** (MICRO_DIGITS - minorUnits);
  const exactMinor = new Decimal(quantity).times(weightedPriceMicros.toString()).dividedBy(divisor * step);
  const minor = roundToMinorUnits(exactMinor, 0);
  return BigInt(minor.toFixed(0)) * BigInt(step);
}

/** Null when no plan covers any day of the cycle (no statement is made for it). */
export function computeLines(cycle: BillingCycle, plans: readonly PlanSpan[], usage: CycleUsage, minorUnits: number): ComputedLines | null {
  const segments = planSegments(cycle, plans);
  if (segments.length === 0) return null;
  const byId = new Map(plans.map((p) => [p.id, p]));
  const costs = {} as Record<LineKey, bigint>;
  let total = 0n;
  for (const key of LINE_KEYS) {
    const { usage: field, price } = LINE_PARTS[key];
    let weighted = 0n;
    for (const segment of segments) weighted += BigInt(byId.get(segment.plan_id)![price]) * BigInt(segment.days);
    const divisor = key === 'file_storage' ? cycle.days * MB_PER_FILE_STORAGE_UNIT : cycle.days;
    costs[key] = lineCost(usage[field], weighted, divisor, minorUnits);
    total += costs[key];
  }
  return { segments, costs, total, shownPlan: byId.get(segments[segments.length - 1]!.plan_id)! };
}

export interface CreditBalance {
  id: number;
  remaining: bigint;
}

/**
 * Credits are applied oldest grant first (granted_on, then the order they were recorded),
 * each as far as it goes, until the total is covered: the amount due is total - applied,
 * never negative. Returns the amount taken from each grant (grants left untouched omitted).
 */
export function applyCredits(total: bigint, balances: readonly CreditBalance[]): Array<{ id: number; amount: bigint }> {
  const taken: Array<{ id: number; amount: bigint }> = [];
  let due = total;
  for (const { id, remaining } of balances) {
    if (due <= 0n) break;
    const amount = remaining < due ? remaining : due;
    if (amount > 0n) {
      taken.push({ id, amount });
      due -= amount;
    }
  }
  return taken;
}

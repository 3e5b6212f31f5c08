import type { RevenueKind } from '../../../shared/contract/revenues';
import { microsToDecimal } from '../../../shared/money';
import { storedInstant } from './date-readers';
import { problem } from './field-problem';
import type { RevenueFields } from './revenue-record';
import { periodInZone } from '../../time/zoned-time';

/** A revenue's stored values (the columns an import writes). */
export interface RevenueValues {
  kind: RevenueKind;
  occurred_at: string;
  period: string;
  payee_id: number | null;
  product_id: number | null;
  amount_micros: number;
  currency: string;
  quantity: number;
  description: string | null;
  refund_of: string | null;
}

export interface StoredRevenue extends RevenueValues {
  id: number;
  external_id: string | null;
  updated_at: string;
}

/** Resolved payee/product ids: undefined = not given, null = cleared. */
export interface RevenueReferences {
  payee_id: number | null | undefined;
  product_id: number | null | undefined;
}

function required<T>(value: T | null | undefined, field: string): T {
  if (value === undefined || value === null) throw problem(field, 'is required to create a revenue');
  return value;
}

/** The values of a new revenue. kind defaults to sale, quantity to 1; the period is the month of occurred_at in the org's zone. */
export function newRevenueValues(f: RevenueFields, refs: RevenueReferences, zone: string): RevenueValues {
  const occurredAt = required(f.occurred_at, 'occurred_at');
  return {
    kind: f.kind ?? 'sale',
    occurred_at: occurredAt,
    period: periodInZone(occurredAt, zone),
    payee_id: refs.payee_id ?? null,
    product_id: refs.product_id ?? null,
    amount_micros: required(f.amount_micros, 'amount'),
    currency: required(f.currency, 'currency'),
    quantity: f.quantity ?? 1,
    description: f.description ?? null,
    refund_of: f.refund_of ?? null,
  };
}

export interface RevenueChange {
  values: RevenueValues;
  /** Changed fields, by their record names. */
  changes: string[];
  /** The changed columns' stored values (plus updated_at), for undo. */
  previous: Record<string, unknown>;
}

/**
 * The stored revenue with the given fields applied. Fields not given keep their stored
 * value; null clears an optional field. Values equal to the stored ones are no change.
 */
export function applyRevenueFields(stored: StoredRevenue, f: RevenueFields, refs: RevenueReferences, zone: string): RevenueChange {
  const values: RevenueValues = {
    kind: stored.kind,
    occurred_at: stored.occurred_at,
    period: stored.period,
    payee_id: stored.payee_id,
    product_id: stored.product_id,
    amount_micros: stored.amount_micros,
    currency: stored.currency,
    quantity: stored.quantity,
    description: stored.description,
    refund_of: stored.refund_of,
  };
  const changes: string[] = [];
  const previous: Record<string, unknown> = {};
  const set = <K extends keyof RevenueValues>(field: string, column: K, value: RevenueValues[K] | null | undefined, clearable: boolean) => {
    if (value === undefined) return;
    if (value === null && !clearable) throw problem(field, 'cannot be cleared');
    if (value === stored[column]) return;
    values[column] = value as RevenueValues[K];
    previous[column] = stored[column];
    changes.push(field);
  };
  set('kind', 'kind', f.kind, false);
  if (f.occurred_at !== undefined && (f.occurred_at === null || f.occurred_at !== storedInstant(stored.occurred_at))) {
    set('occurred_at', 'occurred_at', f.occurred_at, false);
    values.period = periodInZone(values.occurred_at, zone);
    if (values.period !== stored.period) previous.period = stored.period;
  }
  set('amount', 'amount_micros', f.amount_micros, false);
  set('currency', 'currency', f.currency, false);
  set('quantity', 'quantity', f.quantity, false);
  set('description', 'description', f.description, true);
  set('refund_of', 'refund_of', f.refund_of, true);
  set('payee_external_id', 'payee_id', refs.payee_id, true);
  set('product_external_id', 'product_id', refs.product_id, true);
  if (changes.length > 0) previous.updated_at = stored.updated_at;
  return { values, changes, previous };
}

/** Sign rules: sales are not negative, refunds are not positive, adjustments go either way. */
export function checkRevenueSigns(values: RevenueValues): void {
  if (values.kind === 'sale' && values.amount_micros < 0) {
    throw problem('amount', `a sale cannot be negative (${microsToDecimal(values.amount_micros)}); record a refund or an adjustment instead`);
  }
  if (values.kind === 'refund' && values.amount_micros > 0) {
    throw problem('amount', `a refund is a negative amount (it reverses a sale); got ${microsToDecimal(values.amount_micros)}`);
  }
  if (values.kind !== 'refund' && values.refund_of !== null) {
    throw problem('refund_of', `only a refund names the sale it reverses; this record is a ${values.kind}`);
  }
}

/** The sale a refund names, as found in the org (workspace or earlier in this batch). */
export interface RefundTarget {
  kind: RevenueKind;
  currency: string;
}

/**
 * A refund's refund_of must name an existing sale of the same org and currency. A missing
 * sale is an error, not a warning: an unlinked refund cannot be reconciled against its
 * sale, and the row can be sent without refund_of to record it unlinked.
 */
export function checkRefundTarget(values: RevenueValues, target: RefundTarget | undefined): void {
  if (values.kind !== 'refund' || values.refund_of === null) return;
  const name = values.refund_of;
  if (!target) {
    throw problem(
      'refund_of',
      `no sale with external ID "${name}" in this organization, stored or earlier in this import. Import the sale first, or leave the refund's link empty to record it unlinked`,
    );
  }
  if (target.kind !== 'sale') throw problem('refund_of', `"${name}" is a ${target.kind}, not a sale`);
  if (target.currency !== values.currency) {
    throw problem('refund_of', `the sale "${name}" is in ${target.currency}; this refund is in ${values.currency}`);
  }
}

import { describe, expect, it } from 'vitest';
import { FieldProblem } from '../../../../src/main/imports/records/field-problem';
import { readRevenueRecord } from '../../../../src/main/imports/records/revenue-record';
import {
  applyRevenueFields,
  checkRefundTarget,
  checkRevenueSigns,
  newRevenueValues,
  type StoredRevenue,
} from '../../../../src/main/imports/records/revenue-rules';

const NO_REFS = { payee_id: undefined, product_id: undefined };

const STORED: StoredRevenue = {
  id: 7,
  external_id: 'ch_1',
  kind: 'sale',
  occurred_at: '2026-10-01T09:00:00.000Z',
  period: '2026-10',
  payee_id: 3,
  product_id: null,
  amount_micros: 100_000_000,
  currency: 'USD',
  quantity: 1,
  description: 'old',
  refund_of: null,
  updated_at: '2026-10-01T09:00:00Z',
};

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldProblem) return error.field;
    throw error;
  }
  return '(none)';
}

describe('revenue records', () => {
  it('create: kind defaults to sale and quantity to 1; required fields are named', () => {
    const values = newRevenueValues(readRevenueRecord({ occurred_at: '2026-10-05', amount: '3.50', currency: 'usd' }), NO_REFS, 'UTC');
    expect(values).toMatchObject({ kind: 'sale', quantity: 1, period: '2026-10', amount_micros: 3_500_000, currency: 'USD' });
    expect(fieldOf(() => newRevenueValues(readRevenueRecord({ occurred_at: '2026-10-05', currency: 'USD' }), NO_REFS, 'UTC'))).toBe('amount');
    expect(fieldOf(() => newRevenueValues(readRevenueRecord({ amount: '1', currency: 'USD' }), NO_REFS, 'UTC'))).toBe('occurred_at');
  });

  it('update: only given fields change; equal values and the same instant are no change', () => {
    const same = applyRevenueFields(STORED, readRevenueRecord({ occurred_at: '2026-10-01T09:00:00Z', amount: '100.000', description: 'old' }), NO_REFS, 'UTC');
    expect(same.changes).toEqual([]);
    const changed = applyRevenueFields(STORED, readRevenueRecord({ amount: '90', occurred_at: '2026-11-02', description: null }), { payee_id: null, product_id: undefined }, 'UTC');
    expect(changed.changes).toEqual(['occurred_at', 'amount', 'description', 'payee_external_id']);
    expect(changed.values).toMatchObject({ amount_micros: 90_000_000, period: '2026-11', description: null, payee_id: null });
    expect(changed.previous).toEqual({
      occurred_at: STORED.occurred_at,
      period: '2026-10',
      amount_micros: 100_000_000,
      description: 'old',
      payee_id: 3,
      updated_at: STORED.updated_at,
    });
  });

  it('update: a required field cannot be cleared', () => {
    expect(fieldOf(() => applyRevenueFields(STORED, readRevenueRecord({ amount: null }), NO_REFS, 'UTC'))).toBe('amount');
  });

  it('signs: sales not negative, refunds not positive, refund_of only on refunds', () => {
    const base = newRevenueValues(readRevenueRecord({ occurred_at: '2026-10-05', amount: '-1', currency: 'USD' }), NO_REFS, 'UTC');
    expect(fieldOf(() => checkRevenueSigns(base))).toBe('amount');
    expect(fieldOf(() => checkRevenueSigns({ ...base, kind: 'refund', amount_micros: 1 }))).toBe('amount');
    expect(fieldOf(() => checkRevenueSigns({ ...base, kind: 'adjustment' }))).toBe('(none)');
    expect(fieldOf(() => checkRevenueSigns({ ...base, kind: 'adjustment', refund_of: 'ch_1' }))).toBe('refund_of');
  });

  it("refund_of must name an existing sale of the org in the refund's currency", () => {
    const refund = { ...newRevenueValues(readRevenueRecord({ kind: 'refund', occurred_at: '2026-10-05', amount: '-1', currency: 'USD', refund_of: 'ch_1' }), NO_REFS, 'UTC') };
    expect(fieldOf(() => checkRefundTarget(refund, { kind: 'sale', currency: 'USD' }))).toBe('(none)');
    expect(fieldOf(() => checkRefundTarget(refund, undefined))).toBe('refund_of');
    expect(fieldOf(() => checkRefundTarget(refund, { kind: 'refund', currency: 'USD' }))).toBe('refund_of');
    expect(fieldOf(() => checkRefundTarget(refund, { kind: 'sale', currency: 'EUR' }))).toBe('refund_of');
  });

  it('refuses unknown fields and bad values, naming the field', () => {
    expect(fieldOf(() => readRevenueRecord({ amout: '1' }))).toBe('amout');
    expect(fieldOf(() => readRevenueRecord({ kind: 'gift' }))).toBe('kind');
    expect(fieldOf(() => readRevenueRecord({ quantity: 'two' }))).toBe('quantity');
  });
});

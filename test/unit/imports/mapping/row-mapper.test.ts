import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../../src/main/imports/mapping/compile-mapping';
import { RowMapper } from '../../../../src/main/imports/mapping/row-mapper';
import { mappingSchema } from '../../../../src/shared/contract/import-files';
import type { ImportEntity } from '../../../../src/shared/contract/imports';

function mapper(header: string[], mapping: Record<string, unknown>, entity: ImportEntity = 'revenues'): RowMapper {
  return new RowMapper(compileMapping(entity, mappingSchema.parse(mapping), header));
}

const BASE = { numberConvention: 'dot', dateFormat: 'YYYY-MM-DD' };

describe('RowMapper', () => {
  it('maps columns, constants for empty cells, value maps (exact, then regardless of case) and upper-cases currency', () => {
    const m = mapper(['Id', 'Type', 'Day', 'Gross', 'Ccy'], {
      ...BASE,
      columns: { external_id: 'Id', kind: 'Type', occurred_at: 'Day', amount: 'Gross', currency: 'Ccy' },
      constants: { currency: 'EUR' },
      valueMaps: { kind: { Charge: 'sale', refund: 'refund' } },
    });
    expect(m.map(['t1', 'Charge', '2026-10-01', '5.00', 'usd'])).toEqual({ external_id: 't1', kind: 'sale', occurred_at: '2026-10-01', amount: '5.00', currency: 'USD' });
    expect(m.map(['t2', ' REFUND ', '2026-10-02', '-5.00', ''])).toEqual({ external_id: 't2', kind: 'refund', occurred_at: '2026-10-02', amount: '-5.00', currency: 'EUR' });
    expect(m.map(['t3', 'payout', '2026-10-02', '1', 'usd'])).toMatchObject({ kind: 'payout' });
    expect(m.map(['t4', 'Charge', '2026-13-02', '1', 'usd'])).toBeNull();
    expect(m.failure).toEqual({ column: 'Day', message: 'Day: "2026-13-02": there is no month 13.', externalId: 't4', ambiguity: null, field: 'occurred_at' });
  });

  it('carries order fields down within an order only, and numbers line items per order', () => {
    const m = mapper(['Order', 'Paid', 'Ccy', 'Qty', 'Price', 'Sku'], {
      ...BASE,
      dateFormat: 'auto',
      columns: { occurred_at: 'Paid', currency: 'Ccy', quantity: 'Qty', amount: 'Price' },
      constants: { kind: 'sale' },
      fillDown: ['Order', 'Paid', 'Ccy'],
      fillDownWithin: 'Order',
      amountIsUnitPrice: true,
      externalIdFrom: { columns: ['Order', 'Sku'], linePosition: true },
    });
    const rows = [
      ['#1', '2026-10-01', 'USD', '2', '1.10', 'A'],
      ['', '', '', '1', '2.00', 'A'],
      ['#2', '', 'EUR', '3', '0.333333', 'B'],
      ['#2', '', '', '1', '1', ''],
    ];
    const records = rows.map((cells) => m.map(cells));
    expect(records[0]).toEqual({ external_id: '#1:A:1', kind: 'sale', occurred_at: '2026-10-01', amount: 2_200_000n, currency: 'USD', quantity: '2' });
    expect(records[1]).toEqual({ external_id: '#1:A:2', kind: 'sale', occurred_at: '2026-10-01', amount: 2_000_000n, currency: 'USD', quantity: '1' });
    // Order #2 has no date of its own: it does not get #1's.
    expect(records[2]).toEqual({ external_id: '#2:B:1', kind: 'sale', amount: 999_999n, currency: 'EUR', quantity: '3' });
    expect(records[3]).toEqual({ external_id: '#2::2', kind: 'sale', amount: 1_000_000n, currency: 'EUR', quantity: '1' });
  });

  it('multiplies a unit price by the quantity exactly, for any price and quantity', () => {
    const m = mapper(['P', 'Q'], { ...BASE, columns: { amount: 'P', quantity: 'Q' }, constants: { kind: 'sale', occurred_at: '2026-10-01', currency: 'USD' }, amountIsUnitPrice: true });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: -5000, max: 5000 }), (micros, quantity) => {
        const price = `${micros / 1_000_000n}.${(micros % 1_000_000n).toString().padStart(6, '0')}`;
        const record = m.map([price, String(quantity)]);
        const expected = micros * BigInt(quantity);
        if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < -BigInt(Number.MAX_SAFE_INTEGER)) expect(record).toBeNull();
        else expect(record?.amount).toBe(expected);
      }),
    );
    expect(m.map(['1.00', '1.5'])).toBeNull();
    expect(m.failure?.message).toBe('Q: "1.5" is not a whole number of items.');
    expect(m.map(['1.00', ''])).toBeNull();
    expect(m.failure?.message).toBe('Q: the quantity is empty; the amount is P x Q.');
  });

  it('checks sums (parts - subtract = total) exactly and names the amounts when they do not add up', () => {
    const m = mapper(['gross', 'fee', 'net'], { ...BASE, columns: { amount: 'gross' }, constants: { kind: 'sale', occurred_at: '2026-10-01', currency: 'USD' }, sumCheck: { parts: ['gross'], subtract: ['fee'], total: 'net' } });
    expect(m.map(['0.30', '0.10', '0.20'])).toMatchObject({ amount: '0.30' });
    expect(m.map(['10.00', '', '10.00'])).toMatchObject({ amount: '10.00' });
    expect(m.map(['0.30', '0.10', '0.21'])).toBeNull();
    expect(m.failure).toMatchObject({ column: 'net', message: 'net: gross 0.30 - fee 0.10 = 0.20, but net is 0.21; the row does not add up.' });
    const cents = mapper(['gross', 'fee', 'net'], { ...BASE, amountUnit: 'minor', columns: { amount: 'gross' }, constants: { kind: 'sale', occurred_at: '2026-10-01', currency: 'USD' }, sumCheck: { parts: ['gross', 'fee'], total: 'net' } });
    expect(cents.map(['1250', '-37', '1213'])).toMatchObject({ amount: 12_500_000n });
  });

  it('negates refunds written as positive numbers, and reads refund_of on refund rows only', () => {
    const m = mapper(['type', 'amount', 'ref'], {
      ...BASE,
      columns: { kind: 'type', amount: 'amount', refund_of: 'ref' },
      constants: { occurred_at: '2026-10-01', currency: 'USD' },
      signs: { parentheses: true, trailingMinus: true, refundsPositive: true },
    });
    expect(m.map(['refund', '5.00', 's1'])).toMatchObject({ amount: '-5.00', refund_of: 's1' });
    expect(m.map(['refund', '1,000.00', 's1'])).toMatchObject({ amount: -1_000_000_000n });
    const sale = m.map(['sale', '5.00', 'related'])!;
    expect(sale.amount).toBe('5.00');
    expect(sale.refund_of).toBeUndefined();
  });

  it('reads payee thresholds and percentages through the number convention, percentages always in major units', () => {
    const m = mapper(['Name', 'Min', 'Pct'], { numberConvention: 'comma', amountUnit: 'minor', columns: { name: 'Name', threshold: 'Min', fallback_percentage: 'Pct' } }, 'payees');
    expect(m.map(['Ada', '5000', '12,5'])).toEqual({ name: 'Ada', threshold: 50_000_000n, fallback_percentage: 12_500_000n });
  });
});

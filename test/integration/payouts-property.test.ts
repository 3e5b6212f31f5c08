import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PayoutRun } from '../../src/shared/contract/payouts';
import { decimalToMicros, microsToDecimal } from '../../src/shared/money';
import { callOk } from '../support/temp-workspace';
import { addRevenues, ORG, payoutsWorkspace, saveRules } from './payouts-support';

// For random rules and revenues: per currency allocated + unallocated = revenue exactly,
// the payees' lines add up to what was allocated, a whole refund reverses exactly its
// sale's shares, and running again gives the same figures.

const PAYEES = ['pe_a', 'pe_b', 'pe_c'];
const PRODUCTS = ['book', 'album', null];

const percentage = fc.integer({ min: 0, max: 400_000 }).map((w) => `${Math.floor(w / 10_000)}.${String(w % 10_000).padStart(4, '0')}`);
const splits = fc.subarray(PAYEES, { minLength: 0, maxLength: 3 }).chain((payees) =>
  fc.tuple(...payees.map(() => fc.tuple(percentage, fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: null })))).map((shares) =>
    payees.map((p, i) => ({ payee_external_id: p, percentage: shares[i][0], fixed_amount: shares[i][1] === null ? null : microsToDecimal(shares[i][1]!) })),
  ),
);
const ruleSet = fc.record({
  org: fc.option(splits, { nil: null }),
  books: fc.option(splits, { nil: null }),
  album: fc.option(splits, { nil: null }),
  ebookTag: fc.option(splits, { nil: null }),
  fallbackA: fc.option(percentage, { nil: null }),
});
const revenue = fc.record({
  micros: fc.integer({ min: 0, max: 50_000_000 }),
  currency: fc.constantFrom('USD', 'EUR'),
  product: fc.constantFrom(...PRODUCTS),
  day: fc.integer({ min: 1, max: 28 }),
  refund: fc.constantFrom('none', 'whole', 'part'),
});

const sum = (values: string[]) => values.reduce((a, v) => a + decimalToMicros(v), 0n);

describe('payouts.run properties', () => {
  it('ties out exactly per currency, whole refunds reverse exactly, and re-running is identical', async () => {
    await fc.assert(
      fc.asyncProperty(ruleSet, fc.array(revenue, { minLength: 1, maxLength: 12 }), async (rules, revenues) => {
        const { core } = await payoutsWorkspace();
        if (rules.fallbackA) await callOk(core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_a', fallback_percentage: rules.fallbackA }] });
        const base = { status: 'active', effective_from: '2026-01-01' };
        const records = [
          rules.org && { ...base, external_id: 'org', name: 'Org', scope: 'org', splits: rules.org },
          rules.books && { ...base, external_id: 'books', name: 'Books', scope: 'category', category: 'Books', splits: rules.books },
          rules.album && { ...base, external_id: 'album', name: 'Album', scope: 'product', product_external_id: 'album', splits: rules.album },
          rules.ebookTag && { ...base, external_id: 'ebook', name: 'Ebook', scope: 'tag', tag: 'ebook', splits: rules.ebookTag },
        ].filter(Boolean);
        if (records.length) {
          const saved = await saveRules(core, records);
          // Percentages over 100 in total are refused; the property holds for what was saved.
          expect(saved.data.every((d) => d.status === 'created' || d.error?.field === 'splits')).toBe(true);
        }
        const rows: unknown[] = [];
        revenues.forEach((r, i) => {
          const day = `2026-10-${String(r.day).padStart(2, '0')}`;
          const product = r.product ? { product_external_id: r.product } : {};
          rows.push({ external_id: `s${i}`, occurred_at: day, amount: microsToDecimal(r.micros), currency: r.currency, ...product });
          if (r.refund !== 'none') {
            const back = r.refund === 'whole' ? r.micros : Math.floor(r.micros / 3);
            rows.push({ external_id: `rf${i}`, kind: 'refund', occurred_at: '2026-10-28', amount: microsToDecimal(-back), currency: r.currency, refund_of: `s${i}` });
          }
        });
        await addRevenues(core, rows);
        const first = await callOk<PayoutRun>(core, 'payouts.run', { orgId: ORG, period: '2026-10' });
        for (const c of first.currencies) {
          expect(decimalToMicros(c.allocated) + decimalToMicros(c.unallocated)).toBe(decimalToMicros(c.revenue));
          const lines = first.payees.filter((p) => p.currency === c.currency);
          expect(sum(lines.flatMap((p) => [p.earned, p.reversed, p.adjusted]))).toBe(decimalToMicros(c.allocated));
          expect(sum(lines.flatMap((p) => [p.held, p.belowThreshold, p.payable]))).toBe(decimalToMicros(c.allocated));
          const expected = revenues.filter((r) => r.currency === c.currency).reduce((a, r) => a + BigInt(r.micros) - BigInt(r.refund === 'whole' ? r.micros : r.refund === 'part' ? Math.floor(r.micros / 3) : 0), 0n);
          expect(decimalToMicros(c.revenue)).toBe(expected);
        }
        const second = await callOk<PayoutRun>(core, 'payouts.run', { orgId: ORG, period: '2026-10' });
        expect({ ...second, ranAt: '' }).toEqual({ ...first, ranAt: '' });

        // Only whole refunds: each payee's reversed equals minus what it earned.
        const wholeOnly = revenues.map((r) => ({ ...r, refund: 'whole' as const }));
        const again = await payoutsWorkspace();
        if (rules.fallbackA) await callOk(again.core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_a', fallback_percentage: rules.fallbackA }] });
        if (records.length) await saveRules(again.core, records);
        await addRevenues(
          again.core,
          wholeOnly.flatMap((r, i) => [
            { external_id: `s${i}`, occurred_at: `2026-10-${String(r.day).padStart(2, '0')}`, amount: microsToDecimal(r.micros), currency: r.currency, ...(r.product ? { product_external_id: r.product } : {}) },
            { external_id: `rf${i}`, kind: 'refund', occurred_at: '2026-10-28', amount: microsToDecimal(-r.micros), currency: r.currency, refund_of: `s${i}` },
          ]),
        );
        const reversed = await callOk<PayoutRun>(again.core, 'payouts.run', { orgId: ORG, period: '2026-10' });
        for (const p of reversed.payees) expect(decimalToMicros(p.reversed), p.payeeExternalId!).toBe(-decimalToMicros(p.earned));
        for (const c of reversed.currencies) expect([c.revenue, c.allocated, c.unallocated]).toEqual(['0.00', '0.00', '0.00']);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

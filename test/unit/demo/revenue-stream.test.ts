import { describe, expect, it } from 'vitest';
import type { DemoRevenue } from '../../../src/main/demo/demo-rows';
import { planMonths } from '../../../src/main/demo/month-plan';
import { buildOrgs } from '../../../src/main/demo/orgs';
import { buildPayees } from '../../../src/main/demo/payees';
import { demoMonths } from '../../../src/main/demo/periods';
import { buildProducts } from '../../../src/main/demo/products';
import { SeededRandom } from '../../../src/main/demo/random';
import { revenueStream } from '../../../src/main/demo/revenue-stream';
import { saleLine } from '../../../src/main/demo/sale-lines';
import { periodInZone } from '../../../src/main/time/zoned-time';

function generate(count: number, seed = 1): DemoRevenue[] {
  const random = new SeededRandom(seed);
  const orgs = buildOrgs(random, 'x');
  const payees = buildPayees(random, orgs, 'x', 5);
  const products = buildProducts(random, orgs, payees, 'x', 5);
  const slots = planMonths(random, orgs, demoMonths('2026-11'), count);
  return [...revenueStream({ random, orgs, payees, products, slots, key: 5 })];
}

describe('revenueStream', () => {
  const rows = generate(20_000);

  it('yields exactly the rows planned, ids 1..n, deterministic for a seed', () => {
    expect(rows).toHaveLength(20_000);
    expect(rows.every((r, i) => r.id === i + 1)).toBe(true);
    expect(generate(500)).toEqual(generate(500));
    expect(generate(500, 2)).not.toEqual(generate(500));
  });

  it("stores instants as whole UTC seconds inside their period on the org's clock, in time order per org", () => {
    const lastByOrg = new Map<string, string>();
    // The orgs generate(…, seed 1) made: the same first draws of the same seed.
    const zoneOf = new Map(buildOrgs(new SeededRandom(1), 'x').map((o) => [o.id, o.time_zone]));
    let outsideUtcMonth = 0;
    for (const r of rows) {
      expect(r.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(r.period).toBe(periodInZone(r.occurred_at, zoneOf.get(r.org_id)!));
      if (r.period !== r.occurred_at.slice(0, 7)) outsideUtcMonth++;
      expect(r.occurred_at >= (lastByOrg.get(r.org_id) ?? '')).toBe(true);
      lastByOrg.set(r.org_id, r.occurred_at);
    }
    // Rows near a month's end on an American clock are the next month in UTC: the demo shows the cut-off.
    expect(outsideUtcMonth).toBeGreaterThan(0);
  });

  it('mixes mostly sales with some refunds and adjustments, mostly in USD', () => {
    const share = (test: (r: DemoRevenue) => boolean) => rows.filter(test).length / rows.length;
    expect(share((r) => r.kind === 'sale')).toBeGreaterThan(0.85);
    expect(share((r) => r.kind === 'refund')).toBeGreaterThan(0.03);
    expect(share((r) => r.kind === 'adjustment')).toBeGreaterThan(0.01);
    expect(share((r) => r.currency === 'USD')).toBeGreaterThan(0.6);
    expect(share((r) => r.currency === 'EUR')).toBeGreaterThan(0.05);
    expect(share((r) => r.currency === 'GBP')).toBeGreaterThan(0.02);
  });

  it('keeps amounts as safe integers in micros, some of them below a cent', () => {
    expect(rows.every((r) => Number.isSafeInteger(r.amount_micros))).toBe(true);
    expect(rows.some((r) => r.amount_micros % 10_000 !== 0)).toBe(true);
    expect(rows.some((r) => r.kind === 'adjustment' && r.amount_micros > 0)).toBe(true);
    expect(rows.some((r) => r.kind === 'adjustment' && r.amount_micros < 0)).toBe(true);
    expect(rows.filter((r) => r.kind === 'sale').every((r) => r.amount_micros > 0)).toBe(true);
  });

  it('has external ids unique per org', () => {
    expect(new Set(rows.map((r) => `${r.org_id}/${r.external_id}`)).size).toBe(rows.length);
  });

  it('refunds an earlier sale of the same org, once, in its currency, by no more than was sold', () => {
    const sales = new Map(rows.filter((r) => r.kind === 'sale').map((r) => [r.external_id, r]));
    const refunded = new Set<string>();
    const refunds = rows.filter((r) => r.kind === 'refund');
    expect(refunds.length).toBeGreaterThan(0);
    for (const refund of refunds) {
      const sale = sales.get(refund.refund_of!)!;
      expect(sale).toBeDefined();
      expect(sale.org_id).toBe(refund.org_id);
      expect(sale.occurred_at < refund.occurred_at).toBe(true);
      expect(sale.currency).toBe(refund.currency);
      expect(refund.amount_micros).toBeLessThan(0);
      expect(-refund.amount_micros).toBeLessThanOrEqual(sale.amount_micros);
      expect(refunded.has(sale.external_id)).toBe(false);
      refunded.add(sale.external_id);
    }
    expect(rows.filter((r) => r.kind !== 'refund').every((r) => r.refund_of === null)).toBe(true);
    // Some refunds land in a later month than their sale, across a period close.
    expect(refunds.some((r) => sales.get(r.refund_of!)!.period < r.period)).toBe(true);
  });
});

describe('saleLine', () => {
  const product = { name: 'Salt Harbor (Single)', pricing: 'usage', unitPriceMicros: 12_500, unit: 'API call' } as Parameters<typeof saleLine>[1];

  it('prices usage as unit price x quantity in exact micros (0.0125 per call)', () => {
    const random = new SeededRandom(4);
    for (let i = 0; i < 100; i++) {
      const line = saleLine(random, product, '2026-11');
      expect(line.amountMicros).toBe(12_500 * line.quantity);
      expect(line.description).toContain('@ 0.0125');
    }
  });

  it('rounds discounts of fixed-price items to whole cents', () => {
    const fixed = { ...product, pricing: 'fixed', unitPriceMicros: 4_990_000 } as Parameters<typeof saleLine>[1];
    const random = new SeededRandom(8);
    const lines = Array.from({ length: 500 }, () => saleLine(random, fixed, '2026-11'));
    expect(lines.some((l) => l.description.includes('% off'))).toBe(true);
    for (const l of lines) expect(l.amountMicros % 10_000).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { MONEY_PATTERN } from '../../../src/shared/money';
import { buildOrgs } from '../../../src/main/demo/orgs';
import { buildPayees } from '../../../src/main/demo/payees';
import { buildPeriods } from '../../../src/main/demo/periods';
import { buildProducts } from '../../../src/main/demo/products';
import { SeededRandom } from '../../../src/main/demo/random';

const SET_UP_AT = '2025-11-15T10:00:00Z';

function build(seed = 1) {
  const random = new SeededRandom(seed);
  const orgs = buildOrgs(random, SET_UP_AT);
  const periods = buildPeriods(random, orgs, '2026-11');
  const payees = buildPayees(random, orgs, SET_UP_AT, 123);
  const products = buildProducts(random, orgs, payees, SET_UP_AT, 123);
  return { orgs, periods, payees, products };
}

describe('demo builders', () => {
  it('build the same rows from the same seed, and other rows from another', () => {
    expect(build(1)).toEqual(build(1));
    expect(build(2)).not.toEqual(build(1));
  });

  it('make one parent org and two children of it, with uuid ids', () => {
    const [parent, ...children] = build().orgs;
    expect(parent.parent_id).toBeNull();
    expect(children).toHaveLength(2);
    for (const child of children) expect(child.parent_id).toBe(parent.id);
    for (const org of [parent, ...children]) expect(org.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parent.revenueShare + children[0].revenueShare + children[1].revenueShare).toBe(100);
  });

  it('make twelve periods per org: the last two open, older ones finalized after their month ended', () => {
    const { orgs, periods } = build();
    for (const org of orgs) {
      const own = periods.filter((p) => p.org_id === org.id);
      expect(own.map((p) => p.period)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
      expect(own.slice(10).map((p) => [p.status, p.finalized_at])).toEqual([
        ['in_progress', null],
        ['in_progress', null],
      ]);
      for (const p of own.slice(0, 10)) {
        expect(p.status).toBe('finalized');
        expect(p.finalized_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
        expect(p.finalized_at! > `${p.period}-31T23:59:59Z`).toBe(true);
      }
    }
  });

  it('make 60 payees across the orgs with unique names, emails, holds, thresholds in micros and decimal-string percentages', () => {
    const { orgs, payees } = build();
    expect(payees).toHaveLength(60);
    expect(payees.map((p) => p.id)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (const org of orgs) expect(payees.filter((p) => p.org_id === org.id)).toHaveLength(org.payeeCount);
    expect(new Set(payees.map((p) => p.name)).size).toBe(60);
    expect(new Set(payees.map((p) => p.external_id)).size).toBe(60);
    for (const p of payees) {
      expect(p.email).toMatch(/^[a-z0-9.]+@[a-z.]+$/);
      expect(Number.isSafeInteger(p.threshold_micros)).toBe(true);
      if (p.fallback_percentage !== null) expect(p.fallback_percentage).toMatch(MONEY_PATTERN);
    }
    expect(payees.some((p) => p.on_hold === 1)).toBe(true);
    expect(payees.some((p) => p.on_hold === 0)).toBe(true);
  });

  it('make 300 products with categories, JSON tags and metadata, each owned by a payee of its own org or by none', () => {
    const { payees, products } = build();
    expect(products).toHaveLength(300);
    expect(new Set(products.map((p) => p.category)).size).toBeGreaterThanOrEqual(5);
    for (const product of products) {
      const tags = JSON.parse(product.tags);
      expect(Array.isArray(tags) && tags.length >= 1 && tags.every((t: unknown) => typeof t === 'string')).toBe(true);
      const metadata = JSON.parse(product.metadata);
      expect(metadata).toMatchObject({ pricing: product.pricing, unit: product.unit });
      expect(metadata.unit_price).toMatch(MONEY_PATTERN);
      expect(Number.isSafeInteger(product.unitPriceMicros) && product.unitPriceMicros > 0).toBe(true);
      if (product.payeeId !== null) expect(payees.find((p) => p.id === product.payeeId)!.org_id).toBe(product.org_id);
    }
    // Usage products are priced below a cent: the sub-cent amounts of the demo.
    expect(products.some((p) => p.pricing === 'usage' && p.unitPriceMicros < 10_000)).toBe(true);
  });
});

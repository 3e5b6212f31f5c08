import { describe, expect, it } from 'vitest';
import { archiveMidYear } from '../../../src/main/demo/archive';
import { buildOrgs } from '../../../src/main/demo/orgs';
import { buildPayees } from '../../../src/main/demo/payees';
import { demoMonths } from '../../../src/main/demo/periods';
import { buildProducts } from '../../../src/main/demo/products';
import { SeededRandom } from '../../../src/main/demo/random';
import { buildRules, MINOR_PAYEE_THRESHOLD_MICROS } from '../../../src/main/demo/rules';
import { isKnownCurrency } from '../../../src/shared/currency';
import { percentageToWeight, WHOLE_PERCENT_WEIGHT } from '../../../src/shared/percentage';

const SET_UP_AT = '2025-11-15T10:00:00Z';

function build(seed: number) {
  const random = new SeededRandom(seed);
  const months = demoMonths('2026-11');
  const orgs = buildOrgs(random.fork('orgs'), SET_UP_AT);
  const payees = buildPayees(random.fork('payees'), orgs, SET_UP_AT, 123);
  const products = buildProducts(random.fork('products'), orgs, payees, SET_UP_AT, 123);
  archiveMidYear(random.fork('archive'), orgs, products, months);
  const rules = buildRules(random.fork('rules'), orgs, payees, products, months, SET_UP_AT);
  return { months, orgs, payees, products, rules };
}

describe('demo rules, holds and archived products', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: every saved split is valid for its org, and the run has a held and a minor payee to show', (seed) => {
    const { months, orgs, payees, products, rules } = build(seed);
    const payeeOrg = new Map(payees.map((p) => [p.id, p.org_id]));
    for (const rule of rules) {
      for (const { state } of rule.versions) {
        const ids = state.splits.map((s) => s.payee_id);
        expect(new Set(ids).size, `${rule.external_id}: a payee twice`).toBe(ids.length);
        for (const id of ids) expect(payeeOrg.get(id)).toBe(rule.org_id);
        const total = state.splits.reduce((sum, s) => sum + percentageToWeight(s.percentage)!, 0n);
        expect(total <= WHOLE_PERCENT_WEIGHT).toBe(true);
        expect(state.effective_to === null || state.effective_to >= state.effective_from).toBe(true);
        if (state.scope === 'product') {
          const product = products.find((p) => p.id === state.product_id)!;
          expect(product.org_id).toBe(rule.org_id);
          if (product.archivedFrom !== null) expect(state.effective_to! < `${product.archivedFrom}-01`).toBe(true);
        }
      }
    }
    for (const org of orgs) {
      const own = payees.filter((p) => p.org_id === org.id);
      const orgRule = rules.find((r) => r.org_id === org.id && r.external_id === 'ru-org-share')!;
      const heldInRule = orgRule.versions[0].state.splits.map((s) => own.find((p) => p.id === s.payee_id)!).filter((p) => p.on_hold === 1);
      expect(heldInRule).toHaveLength(1);
      expect(own.some((p) => p.threshold_micros === MINOR_PAYEE_THRESHOLD_MICROS && p.on_hold === 0)).toBe(true);
      expect(products.some((p) => p.org_id === org.id && p.archivedFrom !== null && p.archivedFrom > months[0])).toBe(true);
    }
    for (const p of payees) {
      expect(isKnownCurrency(p.payout_currency)).toBe(true);
      expect(p.hold_reason !== null).toBe(p.on_hold === 1);
    }
  });
});

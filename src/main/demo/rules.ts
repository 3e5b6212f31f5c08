import { addMonths } from '../../shared/period';
import type { DemoOrg, DemoPayee, DemoProduct, DemoRule, DemoRuleVersion } from './demo-rows';
import { HOLD_REASONS } from './name-lists';
import type { SeededRandom } from './random';

type State = DemoRuleVersion['state'];
type Split = State['splits'][number];

/** A minimum payout the minor payee's small shares fall below in quieter months (500.00). */
export const MINOR_PAYEE_THRESHOLD_MICROS = 500_000_000;

const split = (payee: DemoPayee, percentage: string, fixed_micros: number | null = null): Split => ({ payee_id: payee.id, percentage, fixed_micros });

function lastDayBefore(period: string): string {
  const next = new Date(`${period}-01T00:00:00Z`);
  next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/**
 * Each org's allocation rules, covering all four scopes: a share of everything (org), two
 * categories, one tag (one only: two tag rules would conflict on products carrying both),
 * and its three best-sellers (the third archived mid-year, its rule ending the day before).
 * Several rules change their split mid-year as a second version, effective from the
 * change; a draft and an inactive rule sit beside them and allocate nothing. Who the rules
 * pay is chosen so a run shows the edge cases: a payee on hold is in the org rule, and a
 * "minor" payee with small shares has a minimum payout it misses in some months. Mutates
 * those payees (hold, threshold) to make sure of it.
 */
export function buildRules(random: SeededRandom, orgs: readonly DemoOrg[], payees: DemoPayee[], products: readonly DemoProduct[], months: readonly string[], setUpAt: string): DemoRule[] {
  const rules: DemoRule[] = [];
  const start = `${months[0]}-01`;
  const changeMonth = months[Math.floor(months.length / 2)];
  const change = `${changeMonth}-01`;
  // Saved a few days before the new split takes effect.
  const changedAt = `${addMonths(changeMonth, -1)}-24T15:30:00Z`;
  for (const org of orgs) {
    const own = payees.filter((p) => p.org_id === org.id);
    const catalog = products.filter((p) => p.org_id === org.id);
    const held = own.find((p) => p.on_hold === 1) ?? own[own.length - 1];
    if (held.on_hold === 0) {
      held.on_hold = 1;
      held.hold_reason = random.pick(HOLD_REASONS);
    }
    const free = random.sample(
      own.filter((p) => p !== held),
      6,
    );
    // Released so the figures show the hold on `held` alone.
    for (const p of free) {
      p.on_hold = 0;
      p.hold_reason = null;
    }
    const [house, author, editor, narrator, instructor, minor] = free;
    minor.threshold_micros = MINOR_PAYEE_THRESHOLD_MICROS;
    const categories = [...new Set(catalog.slice(0, 40).map((p) => p.category))].slice(0, 2);
    const tagCounts = new Map<string, number>();
    for (const p of catalog) for (const tag of JSON.parse(p.tags) as string[]) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    const tag = [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];

    // Splits stored in payee order, as rules.batch stores them: saving a rule as it is then changes nothing.
    const inPayeeOrder = (state: State): State => ({ ...state, splits: [...state.splits].sort((a, b) => a.payee_id - b.payee_id) });
    const add = (externalId: string, versions: Saved[]) =>
      rules.push({ id: rules.length + 1, org_id: org.id, external_id: externalId, versions: versions.map((v) => ({ saved_at: v.savedAt, changes: v.changes, state: inPayeeOrder(v.state) })) });
    const base = { status: 'active' as const, product_id: null, category: null, tag: null, effective_from: start, effective_to: null };
    type Saved = { savedAt: string; changes: string[]; state: State };
    const created = (state: State): Saved => ({ savedAt: setUpAt, changes: [], state });
    const changed = (state: State, next: Partial<State>): Saved => ({ savedAt: changedAt, changes: Object.keys(next), state: { ...state, ...next } });

    const house1: State = { ...base, name: 'House and reserve share', scope: 'org', splits: [split(house, '40'), split(held, '10')] };
    add('ru-org-share', [created(house1), changed(house1, { effective_from: change, splits: [split(house, '45'), split(held, '5')] })]);

    const [firstCategory, secondCategory] = categories;
    const cat1: State = { ...base, name: `${firstCategory} royalties`, scope: 'category', category: firstCategory, splits: [split(author, '60'), split(editor, '10')] };
    add('ru-cat-1', [created(cat1), changed(cat1, { effective_from: change, splits: [split(author, '65'), split(editor, '7.5'), split(minor, '2.5')] })]);
    if (secondCategory) {
      add('ru-cat-2', [created({ ...base, name: `${secondCategory} share`, scope: 'category', category: secondCategory, splits: [split(instructor, '70'), split(minor, '3')] })]);
    }
    add('ru-tag', [created({ ...base, name: `Tag "${tag}" share`, scope: 'tag', tag, splits: [split(narrator, '50'), split(minor, '2')] })]);

    catalog.slice(0, 3).forEach((product, rank) => {
      const owner = own.find((p) => p.id === product.payeeId && p !== held && p !== editor) ?? author;
      const state: State = { ...base, name: `${product.name}: owner's share`, scope: 'product', product_id: product.id, splits: [split(owner, '75'), split(editor, '5')] };
      if (product.archivedFrom !== null) state.effective_to = lastDayBefore(product.archivedFrom);
      const versions = [created(state)];
      if (rank === 0) versions.push(changed(state, { effective_from: change, splits: [split(owner, '80'), split(editor, '5')] }));
      add(`ru-product-${rank + 1}`, versions);
    });

    add('ru-draft', [created({ ...base, status: 'draft', name: 'Proposed house share (not approved)', scope: 'org', splits: [split(house, '60')] })]);
    add('ru-old-promo', [
      created({ ...base, status: 'inactive', name: 'Launch promo (ended)', scope: 'tag', tag: 'promo', effective_to: lastDayBefore(months[2]), splits: [split(narrator, '90')] }),
    ]);
  }
  return rules;
}

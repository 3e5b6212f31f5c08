import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../support/temp-workspace';

// Step 29's tables refuse what the batch methods refuse, for a row written any other way
// (the demo writes directly): a term ending before it starts, a negative amount, fixed
// allocation without shares or shares without it, two usage rows with one key.

function workspace() {
  const { workspace } = tempWorkspace();
  const db = workspace.db;
  db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES ('o', 'Org', 'USD', 'x')").run();
  const commitment = db.prepare(
    `INSERT INTO showback_commitments (org_id, external_id, name, currency, purchase_date, term_start, term_end, monthly_premium_micros,
       commitment_cost_micros, rebates_micros, allocation_method, fixed_shares, created_at, updated_at)
     VALUES ('o', ?, 'Plan', 'USD', '2026-01-01', ?, ?, ?, 0, 0, ?, ?, 'x', 'x')`,
  );
  const usage = db.prepare(
    `INSERT INTO showback_usage (org_id, month, account, service, child_org_id, currency, on_demand_cost_micros, covered_cost_micros, created_at, updated_at)
     VALUES ('o', ?, 'a', 's', 'o', 'USD', ?, ?, 'x', 'x')`,
  );
  return { commitment, usage };
}

describe('migration 29 (showback)', () => {
  it('stores a good commitment and good usage', () => {
    const { commitment, usage } = workspace();
    expect(commitment.run('c1', '2026-02-01', '2026-12-31', 1_000_000, 'proportional', null).changes).toBe(1);
    expect(commitment.run('c2', '2026-02-01', '2026-02-01', 0, 'fixed', '{"dimension":"account","shares":[]}').changes).toBe(1);
    expect(usage.run('2026-02', 5, 0).changes).toBe(1);
  });

  it.each([
    ['a term ending before it starts', ['c', '2026-02-01', '2026-01-31', 1, 'proportional', null]],
    ['a negative premium', ['c', '2026-02-01', '2026-03-01', -1, 'proportional', null]],
    ['fixed without shares', ['c', '2026-02-01', '2026-03-01', 1, 'fixed', null]],
    ['shares without fixed', ['c', '2026-02-01', '2026-03-01', 1, 'even', '{}']],
    ['an unknown method', ['c', '2026-02-01', '2026-03-01', 1, 'random', null]],
    ['a day that is not one', ['c', '2026-2-01', '2026-03-01', 1, 'even', null]],
  ])('refuses a commitment with %s', (_, values) => {
    const { commitment } = workspace();
    expect(() => commitment.run(...values)).toThrow(/CHECK constraint failed/);
  });

  it('refuses negative usage, a month that is not one and a second row with the same key', () => {
    const { usage } = workspace();
    expect(() => usage.run('2026-02', -1, 0)).toThrow(/CHECK/);
    expect(() => usage.run('2026-2', 1, 0)).toThrow(/CHECK/);
    usage.run('2026-03', 1, 1);
    expect(() => usage.run('2026-03', 2, 2)).toThrow(/UNIQUE/);
  });
});

import { describe, expect, it } from 'vitest';
import { closingBalances, markLaterRunsStale, openingBalances, previousMonth, type Balances } from '../../../src/main/payouts/balances';
import { seedOrgWithRevenues } from '../../support/seed-revenues';
import { tempWorkspace } from '../../support/temp-workspace';

// balances.ts against stored runs written directly: which run an opening comes from, what
// it warns, and which later runs a re-run marks stale (and which it must leave alone).

const A = 'org-a';
const B = 'org-b';

function workspace() {
  const { workspace } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [], A);
  const db = workspace.db;
  db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, 'Other Org', NULL, '2026-11-01T00:00:00Z')").run(B);
  const store = (org: string, period: string, result: unknown, stale: string | null = null) =>
    db.prepare("INSERT INTO payout_runs (org_id, period, ran_at, ran_by, result, stale_reason) VALUES (?, ?, '2026-12-01T00:00:00Z', 't', ?, ?)").run(org, period, JSON.stringify(result), stale);
  const staleOf = (org: string, period: string) => (db.prepare('SELECT stale_reason FROM payout_runs WHERE org_id = ? AND period = ?').get(org, period) as { stale_reason: string | null }).stale_reason;
  return { db, store, staleOf };
}

const line = (payeeId: number, currency: string, fields: Record<string, string>) => ({ payeeId, currency, ...fields });
const balances = (entries: Array<[string, bigint]>): Balances => new Map(entries);

describe('closingBalances', () => {
  it('takes a line\'s closing, or held + below threshold for runs stored before closing existed, and leaves zeros out', () => {
    const result = closingBalances([
      line(1, 'USD', { closing: '12.50', held: '99.00', belowThreshold: '1.00' }),
      line(2, 'USD', { held: '3.25', belowThreshold: '0.75' }),
      line(3, 'EUR', { belowThreshold: '2.00' }),
      line(4, 'EUR', { held: '1.50' }),
      line(5, 'USD', { closing: '0.00', held: '4.00' }),
      line(6, 'USD', {}),
      line(7, 'USD', { closing: '-2.00' }),
    ]);
    expect([...result]).toEqual([
      ['1|USD', 12_500_000n],
      ['2|USD', 4_000_000n],
      ['3|EUR', 2_000_000n],
      ['4|EUR', 1_500_000n],
      ['7|USD', -2_000_000n],
    ]);
  });
});

describe('previousMonth', () => {
  it('steps back one month, across the year and with the month padded', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(previousMonth('2000-03')).toBe('2000-02');
  });
});

describe('openingBalances', () => {
  it('is empty with no earlier run of the same org; the month\'s own run and later ones do not count', () => {
    const { db, store } = workspace();
    store(B, '2026-09', { payees: [line(1, 'USD', { closing: '5.00' })] });
    store(A, '2026-10', { payees: [line(1, 'USD', { closing: '6.00' })] });
    store(A, '2026-11', { payees: [line(1, 'USD', { closing: '7.00' })] });
    expect(openingBalances(db, A, '2026-10')).toEqual({ from: null, balances: new Map(), warnings: [] });
  });

  it('comes from the latest earlier run of the org, with no warning when that is the month before and fresh', () => {
    const { db, store } = workspace();
    store(A, '2026-08', { payees: [line(1, 'USD', { closing: '1.00' })] });
    store(A, '2026-09', { payees: [line(1, 'USD', { closing: '2.00' }), line(2, 'EUR', { held: '3.00', belowThreshold: '0.00' })] });
    store(B, '2026-09', { payees: [line(1, 'USD', { closing: '9.00' })] });
    expect(openingBalances(db, A, '2026-10')).toEqual({
      from: '2026-09',
      balances: balances([
        ['1|USD', 2_000_000n],
        ['2|EUR', 3_000_000n],
      ]),
      warnings: [],
    });
  });

  it('warns of a gap before the month and of an opening taken from a stale run', () => {
    const { db, store } = workspace();
    store(A, '2026-08', { payees: [line(1, 'USD', { closing: '1.00' })] }, 'something changed');
    expect(openingBalances(db, A, '2026-10')).toEqual({
      from: '2026-08',
      balances: balances([['1|USD', 1_000_000n]]),
      warnings: ["2026-09 has not been run: opening balances come from 2026-08's run", "opening balances come from 2026-08's run, which is stale (something changed)"],
    });
    expect(openingBalances(db, A, '2026-09').warnings).toEqual(["opening balances come from 2026-08's run, which is stale (something changed)"]);
  });
});

describe('markLaterRunsStale', () => {
  const AT = '2026-12-02T10:00:00Z';
  const reason = (period: string, next: string) => `${period} was run again at ${AT} and ${next}'s opening balances no longer match its closing balances; run ${next} again`;

  it('does nothing when no later run exists', () => {
    const { db, store, staleOf } = workspace();
    store(A, '2026-09', { payees: [] });
    store(B, '2026-11', { payees: [] });
    expect(markLaterRunsStale(db, A, '2026-09', balances([['1|USD', 1n]]), AT)).toBe(0);
    expect(staleOf(B, '2026-11')).toBeNull();
  });

  it('leaves the next run alone when it started from this month with exactly these balances', () => {
    const { db, store, staleOf } = workspace();
    store(A, '2026-10', { openingFrom: '2026-09', payees: [line(1, 'USD', { opening: '1.50' }), line(2, 'USD', { opening: '0.00' }), line(3, 'EUR', { opening: '2.00' })] });
    store(A, '2026-11', { openingFrom: '2026-10', payees: [] });
    const closing = balances([
      ['1|USD', 1_500_000n],
      ['3|EUR', 2_000_000n],
    ]);
    expect(markLaterRunsStale(db, A, '2026-09', closing, AT)).toBe(0);
    expect([staleOf(A, '2026-10'), staleOf(A, '2026-11')]).toEqual([null, null]);
  });

  it('leaves alone a next run with no opening that started from nothing, when the closing is empty', () => {
    const { db, store, staleOf } = workspace();
    store(A, '2026-10', { payees: [line(1, 'USD', { earned: '4.00' })] });
    expect(markLaterRunsStale(db, A, '2026-09', new Map(), AT)).toBe(0);
    expect(staleOf(A, '2026-10')).toBeNull();
  });

  it('marks the next run and every later one of the org, not earlier ones nor another org\'s, when an opening differs', () => {
    const { db, store, staleOf } = workspace();
    store(A, '2026-08', { payees: [] });
    store(A, '2026-10', { openingFrom: '2026-09', payees: [line(1, 'USD', { opening: '1.50' })] });
    store(A, '2026-12', { openingFrom: '2026-10', payees: [] });
    store(B, '2026-10', { openingFrom: '2026-09', payees: [line(1, 'USD', { opening: '1.50' })] });
    expect(markLaterRunsStale(db, A, '2026-09', balances([['1|USD', 1_500_001n]]), AT)).toBe(2);
    expect([staleOf(A, '2026-08'), staleOf(A, '2026-10'), staleOf(A, '2026-12'), staleOf(B, '2026-10')]).toEqual([null, reason('2026-09', '2026-10'), reason('2026-09', '2026-10'), null]);
  });

  it('marks a next run that started elsewhere, started from nothing while there is a closing, or misses or adds a balance', () => {
    const cases: Array<{ openingFrom?: string | null; openings: Array<[number, string]>; closing: Balances }> = [
      // Same balances, but taken from an older month's run.
      { openingFrom: '2026-08', openings: [[1, '1.00']], closing: balances([['1|USD', 1_000_000n]]) },
      // No opening recorded, while this month now closes with a balance.
      { openingFrom: null, openings: [], closing: balances([['1|USD', 1_000_000n]]) },
      { openings: [], closing: balances([['1|USD', 1_000_000n]]) },
      // Nothing carried either way, but taken from an older month's run.
      { openingFrom: '2026-08', openings: [], closing: new Map() },
      // Openings that match, recorded without saying where they came from.
      { openingFrom: null, openings: [[1, '1.00']], closing: balances([['1|USD', 1_000_000n]]) },
      // One balance more, one fewer, another payee.
      { openingFrom: '2026-09', openings: [[1, '1.00']], closing: balances([['1|USD', 1_000_000n], ['2|USD', 1n]]) },
      { openingFrom: '2026-09', openings: [[1, '1.00'], [2, '0.01']], closing: balances([['1|USD', 1_000_000n]]) },
      { openingFrom: '2026-09', openings: [[2, '1.00']], closing: balances([['1|USD', 1_000_000n]]) },
    ];
    for (const [i, c] of cases.entries()) {
      const { db, store, staleOf } = workspace();
      const payees = c.openings.map(([id, opening]) => line(id, 'USD', { opening }));
      store(A, '2026-10', c.openingFrom === undefined ? { payees } : { openingFrom: c.openingFrom, payees });
      expect(markLaterRunsStale(db, A, '2026-09', c.closing, AT), `case ${i}`).toBe(1);
      expect(staleOf(A, '2026-10'), `case ${i}`).toBe(reason('2026-09', '2026-10'));
    }
  });
});

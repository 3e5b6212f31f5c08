import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { showbackReportTypes } from '../../src/main/reports/showback/report-types';
import type { ShowbackBatchResponse } from '../../src/shared/contract/showback';
import { decimalToMicros } from '../../src/shared/money';
import { tempWorkspace } from '../support/temp-workspace';
import { call, ok } from './imports-records-support';

// Showback data through the registry (commitments.batch, showback.usageBatch and their
// lists), bad records refused one by one or the whole call with onError reject, locked
// months refused, and the three report types read from what was stored.

const PARENT = 'org-p';
const CHILD = 'org-c';
const GRANDCHILD = 'org-g';
const OTHER = 'org-x';

function showbackWorkspace() {
  const ctx = tempWorkspace();
  const db = ctx.workspace.db;
  const now = '2026-01-01T00:00:00Z';
  const org = db.prepare('INSERT INTO orgs (id, name, currency, parent_id, created_at) VALUES (?, ?, ?, ?, ?)');
  org.run(PARENT, 'Parent', 'USD', null, now);
  org.run(CHILD, 'Child', 'USD', PARENT, now);
  org.run(GRANDCHILD, 'Grandchild', 'USD', CHILD, now);
  org.run(OTHER, 'Elsewhere', 'USD', null, now);
  db.prepare("INSERT INTO periods VALUES (?, '2026-02', 'finalized', ?)").run(PARENT, now);
  return ctx;
}

const plan = (over: Record<string, unknown> = {}) => ({
  external_id: 'cm-1',
  name: 'Compute plan',
  purchase_date: '2026-02-20',
  term_start: '2026-03-01',
  term_end: '2026-05-31',
  monthly_premium: '100.00',
  commitment_cost: '10.00',
  rebates: '0.01',
  ...over,
});
const usage = (over: Record<string, unknown> = {}) => ({ month: '2026-03', account: 'acct-a', service: 'compute', on_demand_cost: '5.00', covered_cost: '60.00', ...over });

function digest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of ['showback_commitments', 'showback_usage']) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY id`).raw(true).all()) hash.update(JSON.stringify(row) + '\n');
  }
  return hash.digest('hex');
}

const report = (type: string) => showbackReportTypes.find((r) => r.report_type === type)!;

describe('commitments.batch and showback.usageBatch', () => {
  it('creates, leaves unchanged, updates and lists; per-record status and meta counts', async () => {
    const { core } = showbackWorkspace();
    const first = await ok<ShowbackBatchResponse>(core, 'commitments.batch', { orgId: PARENT, records: [plan(), plan({ external_id: 'cm-2', allocation_method: 'even' })] });
    expect(first.data.map((r) => r.status)).toEqual(['created', 'created']);
    expect(first.meta).toMatchObject({ total: 2, created: 2, error: 0, batch_status: 'committed' });
    const again = await ok<ShowbackBatchResponse>(core, 'commitments.batch', { orgId: PARENT, records: [plan(), plan({ external_id: 'cm-2', allocation_method: 'even', monthly_premium: '90' })] });
    expect(again.data.map((r) => [r.status, r.changes])).toEqual([
      ['unchanged', undefined],
      ['updated', ['monthly_premium']],
    ]);
    const dup = await ok<ShowbackBatchResponse>(core, 'commitments.batch', { orgId: PARENT, operation: 'create_only', records: [plan()] });
    expect(dup.data[0]).toMatchObject({ status: 'skipped_duplicate', existing_id: first.data[0].id });
    const { commitments } = await ok<{ commitments: Array<Record<string, unknown>> }>(core, 'commitments.list', { orgId: PARENT });
    expect(commitments.map((c) => [c.external_id, c.monthly_premium, c.rebates, c.allocation_method])).toEqual([
      ['cm-1', '100.00', '0.01', 'proportional'],
      ['cm-2', '90.00', '0.01', 'even'],
    ]);

    const u = await ok<ShowbackBatchResponse>(core, 'showback.usageBatch', { orgId: PARENT, records: [usage(), usage({ child_org_id: GRANDCHILD, account: 'acct-b' })] });
    expect(u.meta).toMatchObject({ total: 2, created: 2 });
    const u2 = await ok<ShowbackBatchResponse>(core, 'showback.usageBatch', { orgId: PARENT, records: [usage({ covered_cost: '61.00' })] });
    expect(u2.data[0]).toMatchObject({ status: 'updated', changes: ['covered_cost'] });
    const listed = await ok<{ usage: Array<Record<string, unknown>> }>(core, 'showback.usageList', { orgId: PARENT, month: '2026-03' });
    expect(listed.usage.map((r) => [r.account, r.child_org_id, r.covered_cost])).toEqual([
      ['acct-a', PARENT, '61.00'],
      ['acct-b', GRANDCHILD, '60.00'],
    ]);
    const page = await ok<{ count: number; usage: Array<Record<string, unknown>> }>(core, 'showback.usageList', { orgId: PARENT, limit: 1, offset: 1 });
    expect([page.count, page.usage.map((r) => r.account)]).toEqual([2, ['acct-b']]);
    const tooBig = await call(core, 'showback.usageList', { orgId: PARENT, limit: 1001 });
    expect(!tooBig.ok && tooBig.error.message).toMatch(/at most 1000/);
  });

  it.each([
    ['negative premium', plan({ monthly_premium: '-1.00' }), 'monthly_premium', /negative/],
    ['term end before start', plan({ term_end: '2026-02-28' }), 'term_end', /before term_start/],
    ['a day that does not exist', plan({ term_start: '2026-02-30' }), 'term_start', /not a day of the calendar/],
    ['bought after its term starts', plan({ purchase_date: '2026-03-02' }), 'purchase_date', /after term_start/],
    ['unknown currency', plan({ currency: 'USX' }), 'currency', /ISO 4217/],
    ['a JSON number for money', plan({ monthly_premium: 100 }), 'monthly_premium', /decimal string/],
    ['more than 6 decimals', plan({ rebates: '0.0000001' }), 'rebates', /decimals/],
    ['fixed without shares', plan({ allocation_method: 'fixed' }), 'fixed_shares', /required/],
    [
      'fixed shares not adding up to 100',
      plan({ allocation_method: 'fixed', fixed_shares: { dimension: 'account', shares: [{ target: 'a', percent: '60' }, { target: 'b', percent: '39.99' }] } }),
      'fixed_shares.shares',
      /99\.99, not exactly 100/,
    ],
    [
      'fixed shares for an org outside the tree',
      plan({ allocation_method: 'fixed', fixed_shares: { dimension: 'child_org', shares: [{ target: OTHER, percent: '100' }] } }),
      'fixed_shares.shares.0.target',
      /not this org or an org below it/,
    ],
    ['shares without fixed', plan({ fixed_shares: { dimension: 'account', shares: [{ target: 'a', percent: '100' }] } }), 'fixed_shares', /fixed only/],
    ['an unknown field', plan({ colour: 'red' }), 'colour', /not a field/],
    ['no external_id', plan({ external_id: undefined }), 'external_id', /required/],
  ])('refuses a commitment with %s, naming the field, and stores nothing of it', async (_, record, field, message) => {
    const { core, workspace } = showbackWorkspace();
    const result = await ok<ShowbackBatchResponse>(core, 'commitments.batch', { orgId: PARENT, records: [plan({ external_id: 'good' }), record] });
    expect(result.data[0].status).toBe('created');
    expect(result.data[1]).toMatchObject({ status: 'error', error: { field } });
    expect(result.data[1].error!.message).toMatch(message);
    expect(result.meta).toMatchObject({ created: 1, error: 1 });
    expect(workspace.db.prepare('SELECT external_id FROM showback_commitments').pluck().all()).toEqual(['good']);
  });

  it.each([
    ['usage for an org outside the tree', usage({ child_org_id: OTHER }), 'child_org_id', /not this org or an org below it/],
    ['usage for an unknown child org', usage({ child_org_id: 'org-nobody' }), 'child_org_id', /not this org or an org below it/],
    ['a negative covered cost', usage({ covered_cost: '-0.01' }), 'covered_cost', /negative/],
    ['month 13', usage({ month: '2026-13' }), 'month', /not a calendar month/],
    ['an unknown currency', usage({ currency: 'ABC' }), 'currency', /ISO 4217/],
    ['no account', usage({ account: ' ' }), 'account', /empty/],
  ])('refuses %s, naming the field', async (_, record, field, message) => {
    const { core, workspace } = showbackWorkspace();
    const before = digest(workspace.db);
    const result = await ok<ShowbackBatchResponse>(core, 'showback.usageBatch', { orgId: PARENT, records: [record] });
    expect(result.data[0]).toMatchObject({ status: 'error', error: { field } });
    expect(result.data[0].error!.message).toMatch(message);
    expect(digest(workspace.db)).toBe(before);
  });

  it('onError reject: one refused record and nothing of the call is stored', async () => {
    const { core, workspace } = showbackWorkspace();
    await ok(core, 'commitments.batch', { orgId: PARENT, records: [plan()] });
    const before = digest(workspace.db);
    const result = await call(core, 'commitments.batch', { orgId: PARENT, onError: 'reject', records: [plan({ monthly_premium: '1.00' }), plan({ external_id: 'cm-9' }), plan({ external_id: 'bad', term_end: '2020-01-01' })] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('batch_rejected');
    const detail = result.error.detail as { issues: Array<{ field: string }>; results: Array<{ status: string }> };
    expect(detail.issues.map((i) => i.field)).toEqual(['records.2.term_end']);
    expect(detail.results.map((r) => r.status)).toEqual(['would_update', 'would_create', 'error']);
    expect(digest(workspace.db)).toBe(before);
    const usageResult = await call(core, 'showback.usageBatch', { orgId: PARENT, onError: 'reject', records: [usage(), usage({ child_org_id: 'org-nobody' })] });
    expect(usageResult.ok).toBe(false);
    expect(digest(workspace.db)).toBe(before);
  });

  it('the same record twice in one call is refused the second time', async () => {
    const { core } = showbackWorkspace();
    const result = await ok<ShowbackBatchResponse>(core, 'showback.usageBatch', { orgId: PARENT, records: [usage(), usage({ covered_cost: '1.00' })] });
    expect(result.data.map((r) => r.status)).toEqual(['created', 'error']);
    expect(result.data[1].error!.message).toMatch(/record 0/);
  });

  it('a finalized month is locked: usage in it and a commitment whose term reaches it are blocked', async () => {
    const { core, workspace } = showbackWorkspace();
    const before = digest(workspace.db);
    const u = await ok<ShowbackBatchResponse>(core, 'showback.usageBatch', { orgId: PARENT, records: [usage({ month: '2026-02' })] });
    expect(u.data[0]).toMatchObject({ status: 'blocked_locked_period', error: { field: 'month' } });
    const c = await ok<ShowbackBatchResponse>(core, 'commitments.batch', { orgId: PARENT, records: [plan({ purchase_date: '2026-01-10', term_start: '2026-01-15' })] });
    expect(c.data[0]).toMatchObject({ status: 'blocked_locked_period' });
    expect(c.data[0].error!.message).toMatch(/2026-02/);
    expect(digest(workspace.db)).toBe(before);
  });

  it('an unknown org is a 404 and the batch limit is the contract\'s', async () => {
    const { core } = showbackWorkspace();
    const missing = await call(core, 'commitments.batch', { orgId: 'org-none', records: [plan()] });
    expect(!missing.ok && missing.error.code).toBe('org_not_found');
    const tooMany = await call(core, 'showback.usageBatch', { orgId: PARENT, records: Array.from({ length: 101 }, (_, i) => usage({ account: `a${i}` })) });
    expect(!tooMany.ok && tooMany.error.message).toMatch(/at most 100/);
  });
});

describe('showback report types', () => {
  async function seeded() {
    const ctx = showbackWorkspace();
    await ok(ctx.core, 'commitments.batch', {
      orgId: PARENT,
      records: [
        plan({ monthly_premium: '100.00', commitment_cost: '0.05', rebates: '0.01' }),
        plan({
          external_id: 'cm-fixed',
          currency: 'EUR',
          monthly_premium: '10.00',
          commitment_cost: '0',
          rebates: '0',
          allocation_method: 'fixed',
          fixed_shares: { dimension: 'child_org', shares: [{ target: GRANDCHILD, percent: '66.666666' }, { target: PARENT, percent: '33.333334' }] },
        }),
      ],
    });
    await ok(ctx.core, 'showback.usageBatch', {
      orgId: PARENT,
      records: [
        usage({ account: 'acct-a', service: 'compute', covered_cost: '20.00', on_demand_cost: '1.00' }),
        usage({ account: 'acct-b', service: 'compute', covered_cost: '10.00', on_demand_cost: '0', child_org_id: GRANDCHILD }),
        usage({ account: 'acct-b', service: 'storage', covered_cost: '0', on_demand_cost: '3.00', child_org_id: CHILD }),
        usage({ month: '2026-04', covered_cost: '0', on_demand_cost: '7.00' }),
        usage({ month: '2026-04', account: 'acct-eu', currency: 'EUR', covered_cost: '4.00', on_demand_cost: '0' }),
      ],
    });
    return ctx;
  }
  const march = { year: 2026, month: 3 };
  const defaults = { currency: null, allocation_method: 'as_committed' };

  it('by account: spread in proportion to covered usage; EUR on its own rows, its fixed child-org shares spread by covered usage here', async () => {
    const { workspace } = await seeded();
    const rows = report('showback_by_account').rows(workspace.db, PARENT, march, defaults);
    expect(rows.map((r) => [r.account, r.row_type, r.currency, r.covered_cost, r.premium, r.commitment_cost, r.rebates, r.savings])).toEqual([
      // EUR: no covered EUR usage in March, so the fixed commitment (child_org shares) is unallocated here.
      [null, 'unallocated', 'EUR', '0.00', '10.00', '0.00', '0.00', '-10.00'],
      // USD: 100.00 over covered 20:10 -> 66.666667 / 33.333333; 0.05 -> 0.033333 / 0.016667 (the spare micro-unit to the larger remainder, 2/3 over 1/3).
      ['acct-a', 'allocated', 'USD', '20.00', '66.666667', '0.033333', '0.006667', '-46.693333'],
      ['acct-b', 'allocated', 'USD', '10.00', '33.333333', '0.016667', '0.003333', '-23.346667'],
    ]);
  });

  it('by child org: usage rolls up to the direct child; fixed shares of the child-org dimension apply', async () => {
    const { workspace } = await seeded();
    const rows = report('showback_by_child_org').rows(workspace.db, PARENT, march, defaults);
    expect(rows.map((r) => [r.child_org_name, r.currency, r.covered_cost, r.on_demand_cost, r.premium])).toEqual([
      // EUR fixed: 66.666666% to the grandchild (counted for Child), 33.333334% to Parent.
      ['Child', 'EUR', '0.00', '0.00', '6.666667'],
      ['Parent', 'EUR', '0.00', '0.00', '3.333333'],
      ['Child', 'USD', '10.00', '3.00', '33.333333'],
      ['Parent', 'USD', '20.00', '1.00', '66.666667'],
    ]);
  });

  it('by service, the unallocated row of a month without covered usage, the currency filter and the method override', async () => {
    const { workspace } = await seeded();
    const april = { year: 2026, month: 4 };
    const rows = report('showback_by_service').rows(workspace.db, PARENT, april, { currency: 'USD', allocation_method: 'as_committed' });
    expect(rows.map((r) => [r.service, r.row_type, r.on_demand_cost, r.effective_cost, r.total_cost])).toEqual([
      ['compute', 'allocated', '7.00', '0.00', '7.00'],
      [null, 'unallocated', '0.00', '100.04', '100.04'],
    ]);
    const even = report('showback_by_account').rows(workspace.db, PARENT, march, { currency: 'USD', allocation_method: 'even' });
    expect(even.map((r) => r.premium)).toEqual(['50.00', '50.00']);
    expect(() => report('showback_by_account').rows(workspace.db, PARENT, march, { currency: 'usd', allocation_method: 'even' })).toThrow(/currency/);
  });

  it('months: every month of a term and every month with usage, per currency', async () => {
    const { workspace, core } = await seeded();
    await ok(core, 'showback.usageBatch', { orgId: PARENT, records: [usage({ month: '2026-09' })] });
    const months = (currency: string | null) => report('showback_by_account').months(workspace.db, PARENT, { currency, allocation_method: 'as_committed' }).map((m) => `${m.year}-${m.month}`);
    expect(months(null)).toEqual(['2026-3', '2026-4', '2026-5', '2026-9']);
    expect(months('EUR')).toEqual(['2026-3', '2026-4', '2026-5']);
    expect(months('GBP')).toEqual([]);
  });

  it('each money column adds up to the month totals of the stored data, in every report', async () => {
    const { workspace } = await seeded();
    for (const type of ['showback_by_account', 'showback_by_service', 'showback_by_child_org']) {
      for (const month of [march, { year: 2026, month: 4 }, { year: 2026, month: 5 }]) {
        const rows = report(type).rows(workspace.db, PARENT, month, defaults).filter((r) => r.currency === 'USD');
        const sum = (column: string) => rows.reduce((a, r) => a + decimalToMicros(String(r[column])), 0n);
        expect(sum('premium'), `${type} ${month.month}`).toBe(100_000_000n);
        expect(sum('commitment_cost')).toBe(50_000n);
        expect(sum('rebates')).toBe(10_000n);
      }
    }
  });
});

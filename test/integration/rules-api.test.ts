import { describe, expect, it } from 'vitest';
import type { RuleRecord, RuleRow, RuleVersion } from '../../src/shared/contract/rules';
import { callOk } from '../support/temp-workspace';
import { addRevenues, callError, ORG, payoutsWorkspace, rule, saveRules } from './payouts-support';

// Rules as the seed describes them: upserts by external_id with an operation, per-record
// status and meta counts, every save kept as a version, and bad records refused by field.

const SPLITS = [
  { payee_external_id: 'pe_a', percentage: '60' },
  { payee_external_id: 'pe_b', percentage: '40' },
];

describe('rules.batch', () => {
  it('creates, is idempotent, updates with a new version, and lists the versions newest first', async () => {
    const { core } = await payoutsWorkspace();
    const first = await saveRules(core, [rule('r_org', { splits: SPLITS })]);
    expect(first.data).toEqual([{ index: 0, status: 'created', id: 1, external_id: 'r_org' }]);
    expect(first.meta).toMatchObject({ total: 1, created: 1, updated: 0, unchanged: 0, error: 0, batch_status: 'committed', rows_written: 1 });

    const again = await saveRules(core, [rule('r_org', { splits: [...SPLITS].reverse() })]);
    expect(again.data[0]).toMatchObject({ status: 'unchanged', id: 1 });
    const dup = await saveRules(core, [rule('r_org', { name: 'Other' })], 'create_only');
    expect(dup.data[0]).toMatchObject({ status: 'skipped_duplicate', existing_id: 1 });

    const changed = await saveRules(core, [{ external_id: 'r_org', splits: [{ payee_external_id: 'pe_a', percentage: '50.5' }], effective_to: '2026-12-31' }], 'update_only');
    expect(changed.data[0]).toMatchObject({ status: 'updated', id: 1, changes: ['effective_to', 'splits'] });

    const got = await callOk<RuleRecord>(core, 'rules.get', { orgId: ORG, externalId: 'r_org' });
    expect(got).toMatchObject({ id: 1, version: 2, status: 'active', scope: 'org', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' });
    expect(got.splits).toEqual([{ payeeId: 1, payeeExternalId: 'pe_a', payeeName: 'Ada', percentage: '50.5', fixedAmount: null }]);

    const { versions } = await callOk<{ versions: RuleVersion[] }>(core, 'rules.versions', { ruleId: 1 });
    expect(versions.map((v) => [v.version, v.change, v.changes, v.savedBy])).toEqual([
      [2, 'updated', ['effective_to', 'splits'], 'test'],
      [1, 'created', [], 'test'],
    ]);
    expect(versions[1].state.splits.map((s) => s.percentage)).toEqual(['60', '40']);
    expect(versions[0].savedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('update_only of an unknown rule is that record\'s error; the others land', async () => {
    const { core } = await payoutsWorkspace();
    const result = await saveRules(core, [{ external_id: 'nope', name: 'x' }, rule('r1', {})], 'update_only');
    expect(result.data[0]).toMatchObject({ status: 'error', error: { field: 'external_id' } });
    expect(result.data[1]).toMatchObject({ status: 'error', error: { field: 'external_id' } });
  });

  it('refuses bad records naming the record and field, and onError reject stores nothing', async () => {
    const { core, workspace } = await payoutsWorkspace();
    await saveRules(core, [rule('r_book', { scope: 'product', product_external_id: 'book' })]);
    const bad = [
      rule('over', { splits: [{ payee_external_id: 'pe_a', percentage: '100.5' }] }),
      rule('neg', { splits: [{ payee_external_id: 'pe_a', percentage: '-1' }] }),
      rule('sum', { splits: [{ payee_external_id: 'pe_a', percentage: '60' }, { payee_external_id: 'pe_b', percentage: '40.0001' }] }),
      rule('decimals', { splits: [{ payee_external_id: 'pe_a', percentage: '1.00001' }] }),
      rule('who', { splits: [{ payee_external_id: 'pe_a', percentage: '1' }, { payee_external_id: 'pe_zz', percentage: '1' }] }),
      rule('archived', { scope: 'product', product_external_id: 'old' }),
      rule('overlap', { scope: 'product', product_external_id: 'book', effective_from: '2026-06-01' }),
      rule('dates', { effective_from: '2026-05-01', effective_to: '2026-04-30' }),
      rule('scope', { scope: 'category' }),
      rule('nofield', { colour: 'red' }),
      rule('fixed', { splits: [{ payee_external_id: 'pe_a', percentage: '10', fixed_amount: '-0.01' }] }),
    ];
    const result = await saveRules(core, bad);
    expect(result.data.map((d) => [d.status, d.error?.field])).toEqual([
      ['error', 'splits.0.percentage'],
      ['error', 'splits.0.percentage'],
      ['error', 'splits'],
      ['error', 'splits.0.percentage'],
      ['error', 'splits.1.payee_external_id'],
      ['error', 'product_external_id'],
      ['error', 'effective_from'],
      ['error', 'effective_to'],
      ['error', 'category'],
      ['error', 'colour'],
      ['error', 'splits.0.fixed_amount'],
    ]);
    expect(result.data[6].error!.message).toContain('"r_book"');
    expect(result.meta).toMatchObject({ total: 11, error: 11, created: 0 });

    const before = workspace.db.prepare('SELECT count(*) FROM rule_versions').pluck().get();
    const rejected = await callError(core, 'rules.batch', { orgId: ORG, onError: 'reject', records: [rule('fine', {}), bad[0]] });
    expect(rejected).toMatchObject({ type: 'validation_error', code: 'batch_rejected' });
    expect((rejected.detail as { issues: unknown[] }).issues).toEqual([{ field: 'records.1.splits.0.percentage', message: expect.stringContaining('over 100') }]);
    expect(workspace.db.prepare('SELECT count(*) FROM rule_versions').pluck().get()).toBe(before);
    expect(workspace.db.prepare("SELECT count(*) FROM rules WHERE external_id = 'fine'").pluck().get()).toBe(0);
  });

  it('a draft or inactive rule may overlap an active one of its scope; activating it is refused', async () => {
    const { core } = await payoutsWorkspace();
    await saveRules(core, [rule('a', { scope: 'category', category: 'Books' }), rule('b', { scope: 'category', category: 'Books', status: 'draft' })]);
    const activate = await saveRules(core, [{ external_id: 'b', status: 'active' }], 'update_only');
    expect(activate.data[0]).toMatchObject({ status: 'error', error: { field: 'effective_from' } });
    const later = await saveRules(core, [{ external_id: 'a', effective_to: '2026-05-31' }, { external_id: 'b', status: 'active', effective_from: '2026-06-01' }], 'update_only');
    expect(later.data.map((d) => d.status)).toEqual(['updated', 'updated']);
  });
});

describe('rules.list and rules.get', () => {
  it('pages, sorts and filters in the database', async () => {
    const { core } = await payoutsWorkspace();
    await saveRules(core, [
      rule('r1', { scope: 'product', product_external_id: 'album', splits: SPLITS }),
      rule('r2', { scope: 'tag', tag: 'ebook', status: 'draft' }),
      rule('r3', {}),
    ]);
    const page = await callOk<{ rows: RuleRow[]; rowCount: number }>(core, 'rules.list', { orgId: ORG, startRow: 0, endRow: 2, sortModel: [{ colId: 'externalId', sort: 'desc' }] });
    expect(page.rowCount).toBe(3);
    expect(page.rows.map((r) => r.externalId)).toEqual(['r3', 'r2']);
    const products = await callOk<{ rows: RuleRow[] }>(core, 'rules.list', { orgId: ORG, startRow: 0, endRow: 10, filterModel: { scope: { filterType: 'set', values: ['product'] } } });
    expect(products.rows).toEqual([expect.objectContaining({ externalId: 'r1', scopeValue: 'Album', splitCount: 2, version: 1, status: 'active' })]);
    expect(await callError(core, 'rules.get', { orgId: ORG, id: 99 })).toMatchObject({ type: 'not_found', code: 'rule_not_found' });
    expect(await callError(core, 'rules.versions', { ruleId: 99 })).toMatchObject({ type: 'not_found', code: 'rule_not_found' });
    expect(await callError(core, 'rules.get', { orgId: ORG })).toMatchObject({ type: 'validation_error' });
  });
});

describe('rules.conflicts', () => {
  it('reports two active tag rules covering one revenue on one day, and not when a product rule decides', async () => {
    const { core } = await payoutsWorkspace();
    await saveRules(core, [rule('t_ebook', { scope: 'tag', tag: 'ebook' }), rule('t_bundle', { scope: 'tag', tag: 'bundle' })]);
    await addRevenues(core, [
      { external_id: 's1', occurred_at: '2026-10-03', amount: '10.00', currency: 'USD', product_external_id: 'album' },
      { external_id: 's2', occurred_at: '2026-10-04', amount: '10.00', currency: 'USD', product_external_id: 'album' },
      { external_id: 's3', occurred_at: '2026-10-04', amount: '10.00', currency: 'USD', product_external_id: 'book' },
    ]);
    const found = await callOk<{ conflicts: unknown[] }>(core, 'rules.conflicts', { orgId: ORG, period: '2026-10' });
    expect(found.conflicts).toEqual([
      {
        scope: 'tag',
        rules: [
          { id: 1, externalId: 't_ebook', name: 'Rule t_ebook', version: 1 },
          { id: 2, externalId: 't_bundle', name: 'Rule t_bundle', version: 1 },
        ],
        revenueCount: 2,
        firstRevenue: { id: 1, externalId: 's1', date: '2026-10-03' },
      },
    ]);
    const refused = await callError(core, 'payouts.run', { orgId: ORG, period: '2026-10' });
    expect(refused).toMatchObject({ type: 'conflict', code: 'rule_conflicts' });
    await saveRules(core, [rule('p_album', { scope: 'product', product_external_id: 'album' })]);
    expect((await callOk<{ conflicts: unknown[] }>(core, 'rules.conflicts', { orgId: ORG, period: '2026-10' })).conflicts).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { RuleComparison, RuleRecord, RuleRow, RuleVersion } from '../../src/shared/contract/rules';
import { callOk } from '../support/temp-workspace';
import { callError, ORG, payoutsWorkspace, rule, saveRules } from './payouts-support';

// What the Rules screen does: save one rule by id (also one made without an external_id),
// list the versions, and compare any of them with the current rule field by field.

const RECORD = {
  name: 'Books split',
  status: 'active',
  scope: 'category',
  category: 'Books',
  effective_from: '2026-01-01',
  splits: [
    { payee_external_id: 'pe_a', percentage: '60', fixed_amount: '0.50' },
    { payee_external_id: 'pe_b', percentage: '40' },
  ],
};

describe('rules.save', () => {
  it('creates a rule without an external_id, changes it by id, and keeps each save as a version', async () => {
    const { core } = await payoutsWorkspace();
    const created = await callOk<RuleRecord>(core, 'rules.save', { orgId: ORG, record: RECORD });
    expect(created).toMatchObject({ externalId: null, version: 1, scope: 'category', category: 'Books' });
    expect(created.splits.map((s) => [s.payeeExternalId, s.percentage, s.fixedAmount])).toEqual([
      ['pe_a', '60', '0.50'],
      ['pe_b', '40', null],
    ]);

    const edited = await callOk<RuleRecord>(core, 'rules.save', {
      orgId: ORG,
      id: created.id,
      record: { splits: [{ payee_external_id: 'pe_a', percentage: '70' }, { payee_external_id: 'pe_c', percentage: '30' }], effective_to: '2026-12-31' },
    });
    expect(edited).toMatchObject({ id: created.id, version: 2, name: 'Books split', effectiveTo: '2026-12-31' });

    const same = await callOk<RuleRecord>(core, 'rules.save', { orgId: ORG, id: created.id, record: { name: 'Books split' } });
    expect(same.version).toBe(2);

    const { versions } = await callOk<{ versions: RuleVersion[] }>(core, 'rules.versions', { ruleId: created.id });
    expect(versions.map((v) => [v.version, v.change, v.changes])).toEqual([
      [2, 'updated', ['effective_to', 'splits']],
      [1, 'created', []],
    ]);
    const page = await callOk<{ rows: RuleRow[] }>(core, 'rules.list', { orgId: ORG, startRow: 0, endRow: 10 });
    expect(page.rows[0].splits).toEqual([
      { payeeName: 'Ada', percentage: '70', fixedAmount: null },
      { payeeName: 'Cy', percentage: '30', fixedAmount: null },
    ]);
  });

  it('refuses bad input naming record.<field>, and stores nothing', async () => {
    const { core, workspace } = await payoutsWorkspace();
    await saveRules(core, [rule('r_books', { scope: 'category', category: 'Books', effective_from: '2026-03-01' })]);
    const count = () => workspace.db.prepare('SELECT (SELECT count(*) FROM rules) || \'/\' || (SELECT count(*) FROM rule_versions)').pluck().get();
    const before = count();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...RECORD, splits: [{ payee_external_id: 'pe_a', percentage: '101' }] }, 'record.splits.0.percentage', 'over 100'],
      [{ ...RECORD, splits: [{ payee_external_id: 'pe_a', percentage: '-5' }] }, 'record.splits.0.percentage', 'negative'],
      [{ ...RECORD, splits: [{ payee_external_id: 'pe_a', percentage: '10', fixed_amount: '-0.50' }] }, 'record.splits.0.fixed_amount', 'negative'],
      [{ ...RECORD, splits: [{ payee_external_id: 'pe_a', percentage: '10', fixed_amount: '0.1234567' }] }, 'record.splits.0.fixed_amount', ''],
      [{ ...RECORD, splits: [{ payee_external_id: 'pe_a', percentage: '10', fixed_amount: 2 }] }, 'record.splits.0.fixed_amount', 'decimal strings'],
      [{ ...RECORD, effective_from: '2026-06-01' }, 'record.effective_from', '"r_books"'],
      [{ ...RECORD, external_id: 'r_books' }, 'record.external_id', 'already names rule'],
    ];
    for (const [record, field, words] of cases) {
      const error = await callError(core, 'rules.save', { orgId: ORG, record });
      expect(error, field).toMatchObject({ type: 'validation_error', detail: { issues: [{ field }] } });
      expect((error.detail as { issues: Array<{ message: string }> }).issues[0].message).toContain(words);
      expect(error.message).toContain(field.replace('record.', ''));
    }
    expect(count()).toBe(before);

    const id = (await callOk<RuleRecord>(core, 'rules.get', { orgId: ORG, externalId: 'r_books' })).id;
    const renamed = await callError(core, 'rules.save', { orgId: ORG, id, record: { external_id: 'other' } });
    expect(renamed).toMatchObject({ detail: { issues: [{ field: 'record.external_id' }] } });
    // A later field's refusal undoes nothing half-way: the rule is as it was.
    const half = await callError(core, 'rules.save', { orgId: ORG, id, record: { name: 'Changed', splits: [{ payee_external_id: 'pe_zz', percentage: '1' }] } });
    expect(half).toMatchObject({ detail: { issues: [{ field: 'record.splits.0.payee_external_id' }] } });
    expect(await callOk<RuleRecord>(core, 'rules.get', { orgId: ORG, id })).toMatchObject({ name: 'Rule r_books', version: 1 });
    expect(count()).toBe(before);
    expect(await callError(core, 'rules.save', { orgId: ORG, id: 99, record: { name: 'x' } })).toMatchObject({ type: 'not_found', code: 'rule_not_found' });
  });
});

describe('splits naming the payee by id', () => {
  it('gives a payee without an external_id a share; a bad or doubled payee is refused naming the split', async () => {
    const { core } = await payoutsWorkspace();
    await callOk(core, 'payees.batch', { orgId: ORG, records: [{ name: 'No Key Ltd' }] });
    const payees = await callOk<{ rows: Array<{ id: number; externalId: string | null; name: string }> }>(core, 'payees.list', { orgId: ORG, startRow: 0, endRow: 10 });
    const keyless = payees.rows.find((p) => p.name === 'No Key Ltd')!;
    expect(keyless.externalId).toBeNull();
    const saved = await callOk<RuleRecord>(core, 'rules.save', {
      orgId: ORG,
      record: { ...RECORD, splits: [{ payee_id: keyless.id, percentage: '25' }, { payee_external_id: 'pe_a', percentage: '75' }] },
    });
    expect(saved.splits.map((s) => [s.payeeName, s.payeeExternalId, s.percentage])).toEqual([
      ['Ada', 'pe_a', '75'],
      ['No Key Ltd', null, '25'],
    ]);
    const refused = async (splits: unknown[]) =>
      ((await callError(core, 'rules.save', { orgId: ORG, id: saved.id, record: { splits } })).detail as { issues: Array<{ field: string }> }).issues[0].field;
    expect(await refused([{ payee_id: 999, percentage: '1' }])).toBe('record.splits.0.payee_id');
    expect(await refused([{ payee_id: 1.5, percentage: '1' }])).toBe('record.splits.0.payee_id');
    expect(await refused([{ payee_id: 1, payee_external_id: 'pe_a', percentage: '1' }])).toBe('record.splits.0.payee_id');
    expect(await refused([{ payee_external_id: 'pe_a', percentage: '1' }, { payee_id: 1, percentage: '1' }])).toBe('record.splits.1');
    expect(await refused([{ percentage: '1' }])).toBe('record.splits.0.payee_external_id');
    expect((await callOk<RuleRecord>(core, 'rules.get', { orgId: ORG, id: saved.id })).version).toBe(1);
  });
});

describe('rules.compareVersion', () => {
  it('shows each field and each payee share that differs from the current rule', async () => {
    const { core } = await payoutsWorkspace();
    const { id } = await callOk<RuleRecord>(core, 'rules.save', { orgId: ORG, record: RECORD });
    await callOk(core, 'rules.save', { orgId: ORG, id, record: { name: 'Books, new split', effective_to: '2026-12-31' } });
    await callOk(core, 'rules.save', {
      orgId: ORG,
      id,
      record: { splits: [{ payee_external_id: 'pe_a', percentage: '55', fixed_amount: '0.50' }, { payee_external_id: 'pe_c', percentage: '45', fixed_amount: '1' }] },
    });

    const first = await callOk<RuleComparison>(core, 'rules.compareVersion', { ruleId: id, version: 1 });
    expect(first).toMatchObject({ ruleId: id, version: 1, currentVersion: 3 });
    expect(first.differences.map((d) => [d.field, d.payee?.name ?? null, d.part ?? null, d.was, d.now])).toEqual([
      ['name', null, null, 'Books split', 'Books, new split'],
      ['effective_to', null, null, null, '2026-12-31'],
      ['splits', 'Ada', 'percentage', '60', '55'],
      ['splits', 'Bo', 'percentage', '40', null],
      ['splits', 'Cy', 'percentage', null, '45'],
      ['splits', 'Cy', 'fixed_amount', null, '1.00'],
    ]);
    const second = await callOk<RuleComparison>(core, 'rules.compareVersion', { ruleId: id, version: 2 });
    expect(second.differences.map((d) => d.field)).toEqual(['splits', 'splits', 'splits', 'splits']);
    expect((await callOk<RuleComparison>(core, 'rules.compareVersion', { ruleId: id, version: 3 })).differences).toEqual([]);
    expect(await callError(core, 'rules.compareVersion', { ruleId: id, version: 4 })).toMatchObject({ type: 'not_found', code: 'rule_version_not_found', detail: { field: 'version' } });
  });
});

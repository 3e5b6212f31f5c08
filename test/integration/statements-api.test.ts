import { describe, expect, it } from 'vitest';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';
import type { CoreHost } from '../../src/main/core/host';
import { cycleContaining } from '../../src/main/statements/billing-cycle';
import { todayIn } from '../../src/main/statements/billing-settings';

const ORG = 'org-st';

function setup() {
  const ctx = tempWorkspace();
  ctx.workspace.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at, currency) VALUES (?, 'Statement Org', NULL, '2019-01-01T00:00:00Z', 'USD')").run(ORG);
  return ctx;
}

async function call(core: CoreHost, method: string, input: unknown) {
  return core.call(method, input, LOCAL).result;
}

const SEED_LIST_FIELDS = [
  'sid',
  'name',
  'date_start',
  'date_end',
  'subscription_cost',
  'ppu_cost',
  'section_widget_usage_cost',
  'column_widget_usage_cost',
  'record_storage_cost',
  'file_storage_cost',
  'backup_cost',
  'total',
  'change_permission',
];
const SEED_DETAIL_FIELDS = [
  'sid',
  'name',
  'date_start',
  'date_end',
  'subscription_price',
  'seats',
  'subscription_cost',
  'ppu_price',
  'record_count',
  'ppu_cost',
  'section_widget_usage_cost',
  'column_widget_usage_cost',
  'version_count',
  'record_storage_price',
  'record_storage_cost',
  'file_storage_price',
  'file_size',
  'file_storage_cost',
  'backup_cost',
  'total',
  'available_credits',
  'is_current',
  'is_subscription',
];
const PAGE_FIELDS = ['page_size', 'page_number', 'page_count', 'count', 'next', 'previous', 'add_permission', 'results'];

const PLAN = {
  external_id: 'basic',
  name: 'Basic',
  effective_from: '2020-01-10',
  effective_to: '2020-02-24',
  subscription_price: '12',
  ppu_price: '0.0025',
  section_widget_price: '0.01',
  column_widget_price: '0.02',
  record_storage_price: '0.001',
  file_storage_price: '23',
  backup_price: '1.50',
};

/** Anchor 10, $12 then $15 from 2020-02-25, usage for three cycles and a $100 credit, in the past. */
async function seedHistory(core: CoreHost) {
  await callOk(core, 'billing.update', { orgId: ORG, anchor_day: 10 });
  await callOk(core, 'plans.batch', {
    orgId: ORG,
    records: [PLAN, { ...PLAN, external_id: 'basic-2', name: 'Basic 2020', effective_from: '2020-02-25', effective_to: '2020-04-09', subscription_price: '15' }],
  });
  await callOk(core, 'usage.batch', {
    orgId: ORG,
    records: [
      { cycle_start: '2020-01-10', seats: 10, record_count: 50, section_widget_uses: 100, column_widget_uses: 10, version_count: 1235, file_size_mb: 450, backups: 2 },
      { cycle_start: '2020-02-10', seats: 10 },
    ],
  });
  await callOk(core, 'credits.batch', { orgId: ORG, records: [{ external_id: 'welcome', granted_on: '2020-01-15', amount: '100', note: 'Welcome' }] });
}

describe('statements from plans, usage and credits', () => {
  it('generates each past cycle as computed by hand, with credits applied oldest first and the detail as in the seed', async () => {
    const { core } = setup();
    await seedHistory(core);
    const page = await callOk<{ results: Array<Record<string, unknown>> } & Record<string, unknown>>(core, 'statements.list', { orgId: ORG, serializer: 'detail' });
    expect(Object.keys(page)).toEqual(PAGE_FIELDS);
    expect(page.count).toBe(3);
    const [march, feb, jan] = page.results as Array<Record<string, unknown> & { amounts: Record<string, unknown> }>;
    for (const row of page.results) expect(Object.keys(row)).toEqual([...SEED_DETAIL_FIELDS, 'origin', 'deleted_on_server_at', 'amounts']);
    // January cycle 2020-01-10 .. 2020-02-09 (31 days), all at $12:
    // seats 10 x 12 = 120.00; 50 x 0.0025 = 0.125 -> 0.13; 100 x 0.01 = 1.00; 10 x 0.02 = 0.20;
    // 1235 x 0.001 = 1.235 -> 1.24; 450 MB / 100,000 x 23 = 0.1035 -> 0.10; 2 x 1.50 = 3.00 -> 125.67
    expect(jan).toMatchObject({
      name: 'Statement 2020-01-10 - 2020-02-09',
      date_start: '2020-01-10',
      date_end: '2020-02-09',
      subscription_price: '$12/seat/month',
      seats: 10,
      subscription_cost: '$120.00',
      ppu_price: '$0.0025/record',
      record_count: 50,
      ppu_cost: '$0.13',
      section_widget_usage_cost: '$1.00',
      column_widget_usage_cost: '$0.20',
      version_count: 1235,
      record_storage_price: '$0.001/version',
      record_storage_cost: '$1.24',
      file_storage_price: '$23/100G/Month',
      file_size: '450 MB',
      file_storage_cost: '$0.10',
      backup_cost: '$3.00',
      total: '$125.67',
      // The $100 credit covers 100.00 of it: nothing left.
      available_credits: '$0.00',
      is_current: false,
      is_subscription: true,
    });
    expect(jan.amounts).toMatchObject({ currency: 'USD', total: '125.67', credits_applied: '100.00', amount_due: '25.67', available_credits: '0.00', ppu_cost: '0.13' });
    // February cycle 2020-02-10 .. 2020-03-09 (29 days): 10 seats x (12 x 15 + 15 x 14) / 29 = 134.48; widgets etc. zero
    expect(feb).toMatchObject({ subscription_price: '$15/seat/month', subscription_cost: '$134.48', total: '$134.48', available_credits: '$0.00', seats: 10 });
    expect(feb.amounts).toMatchObject({ credits_applied: '0.00', amount_due: '134.48' });
    expect((feb.amounts as { plan_segments: unknown[] }).plan_segments).toHaveLength(2);
    // March cycle: no usage sent: a zero statement.
    expect(march).toMatchObject({ name: 'Statement 2020-03-10 - 2020-04-09', seats: 0, total: '$0.00', file_size: '0 MB' });

    const ledger = await callOk<{ granted: string; applied: string; remaining: string }>(core, 'credits.list', { orgId: ORG });
    expect(ledger).toMatchObject({ granted: '100.00', applied: '100.00', remaining: '0.00' });
  });

  it('every field of the name and list serializers, and statements.get answers the detail (404 when unknown)', async () => {
    const { core } = setup();
    await seedHistory(core);
    const names = await callOk<{ results: Array<Record<string, unknown>> }>(core, 'statements.list', { orgId: ORG, serializer: 'name' });
    for (const row of names.results) expect(Object.keys(row)).toEqual(['sid', 'name']);
    expect(names.results.map((r) => r.name)).toEqual(['Statement 2020-03-10 - 2020-04-09', 'Statement 2020-02-10 - 2020-03-09', 'Statement 2020-01-10 - 2020-02-09']);
    const list = await callOk<{ results: Array<Record<string, unknown>> }>(core, 'statements.list', { orgId: ORG, serializer: 'list' });
    for (const row of list.results) expect(Object.keys(row)).toEqual([...SEED_LIST_FIELDS, 'origin', 'deleted_on_server_at', 'amounts']);
    expect(list.results[2]).toMatchObject({ subscription_cost: '$120.00', total: '$125.67', change_permission: false });
    const one = await callOk<Record<string, unknown>>(core, 'statements.get', { sid: names.results[2]!.sid });
    expect(Object.keys(one)).toEqual([...SEED_DETAIL_FIELDS, 'origin', 'deleted_on_server_at', 'amounts']);
    expect(one.name).toBe('Statement 2020-01-10 - 2020-02-09');
    expect(await call(core, 'statements.get', { sid: 'st_nope' })).toMatchObject({ ok: false, error: { type: 'not_found', code: 'statement_not_found' } });
  });

  it('page shapes at the first, a middle and the last page; 404 past the last', async () => {
    const { core } = setup();
    await callOk(core, 'plans.batch', { orgId: ORG, records: [{ ...PLAN, effective_from: '2020-01-01', effective_to: '2020-07-31' }] }); // 7 cycles (anchor 1)
    const page = (n: number) => callOk<Record<string, unknown> & { results: unknown[] }>(core, 'statements.list', { orgId: ORG, serializer: 'name', page_size: 3, page_number: n });
    const first = await page(1);
    expect({ ...first, results: first.results.length }).toEqual({ page_size: 3, page_number: 1, page_count: 3, count: 7, next: 2, previous: null, add_permission: false, results: 3 });
    const middle = await page(2);
    expect({ ...middle, results: middle.results.length }).toEqual({ page_size: 3, page_number: 2, page_count: 3, count: 7, next: 3, previous: 1, add_permission: false, results: 3 });
    const last = await page(3);
    expect({ ...last, results: last.results.length }).toEqual({ page_size: 3, page_number: 3, page_count: 3, count: 7, next: null, previous: 2, add_permission: false, results: 1 });
    expect((last.results[0] as { name: string }).name).toBe('Statement 2020-01-01 - 2020-01-31');
    expect(await call(core, 'statements.list', { orgId: ORG, page_size: 3, page_number: 4 })).toMatchObject({ ok: false, error: { code: 'page_not_found' } });
  });

  it('the current cycle is recomputed as usage changes; past ones are fixed and regenerating changes nothing', async () => {
    const { core, workspace } = setup();
    const current = cycleContaining(todayIn('UTC'), 1);
    const previousStart = cycleContaining(new Date(Date.parse(current.start) - 86_400_000).toISOString().slice(0, 10), 1).start;
    await callOk(core, 'plans.batch', { orgId: ORG, records: [{ ...PLAN, effective_from: previousStart, effective_to: null }] });
    await callOk(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: previousStart, seats: 4 }, { cycle_start: current.start, seats: 2 }] });
    const before = await callOk<{ results: Array<{ is_current: boolean; seats: number; subscription_cost: string }> }>(core, 'statements.list', { orgId: ORG, serializer: 'detail' });
    expect(before.results.map((r) => [r.is_current, r.seats, r.subscription_cost])).toEqual([
      [true, 2, '$24.00'],
      [false, 4, '$48.00'],
    ]);
    const snapshot = () => JSON.stringify(workspace.db.prepare("SELECT * FROM statements WHERE is_current = 0 ORDER BY id").all());
    const fixed = snapshot();
    await callOk(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: current.start, seats: 3 }] });
    await callOk(core, 'credits.batch', { orgId: ORG, records: [{ granted_on: previousStart, amount: '5' }] });
    const after = await callOk<{ results: Array<{ seats: number; subscription_cost: string; amounts: { credits_applied: string } }> }>(core, 'statements.list', { orgId: ORG, serializer: 'detail' });
    expect(after.results[0]).toMatchObject({ seats: 3, subscription_cost: '$36.00', amounts: { credits_applied: '5.00' } });
    expect(snapshot()).toBe(fixed);
    // The fixed cycle's usage can no longer change.
    const refused = await call(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: previousStart, seats: 9 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: { issues: [{ field: 'records.0.cycle_start' }] } } });
    expect(snapshot()).toBe(fixed);
  });

  it('anchor 31: the February cycle starts on its last day; a credit larger than the total leaves nothing due and the rest available', async () => {
    const { core } = setup();
    await callOk(core, 'billing.update', { orgId: ORG, anchor_day: 31 });
    await callOk(core, 'plans.batch', { orgId: ORG, records: [{ ...PLAN, external_id: undefined, effective_from: '2021-01-31', effective_to: '2021-03-30' }] });
    await callOk(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: '2021-01-31', seats: 2 }, { cycle_start: '2021-02-28', seats: 3, backups: 1 }] });
    await callOk(core, 'credits.batch', { orgId: ORG, records: [{ granted_on: '2021-01-31', amount: '500' }] });
    const page = await callOk<{ results: Array<{ name: string; total: string; available_credits: string; amounts: { credits_applied: string; amount_due: string } }> }>(core, 'statements.list', {
      orgId: ORG,
      serializer: 'detail',
    });
    // 2 x 12 = 24.00, then 3 x 12 + 1 x 1.50 = 37.50; the credit covers both: 500 - 24 - 37.50 = 438.50 left.
    expect(page.results.map((r) => [r.name, r.total, r.amounts.credits_applied, r.amounts.amount_due, r.available_credits])).toEqual([
      ['Statement 2021-02-28 - 2021-03-30', '$37.50', '37.50', '0.00', '$438.50'],
      ['Statement 2021-01-31 - 2021-02-27', '$24.00', '24.00', '0.00', '$476.00'],
    ]);
    expect(await callOk(core, 'credits.list', { orgId: ORG })).toMatchObject({ granted: '500.00', applied: '61.50', remaining: '438.50' });
  });

  it('statements.create is refused: statements are generated, never posted', async () => {
    const { core } = setup();
    const result = await call(core, 'statements.create', { orgId: ORG, name: 'Statement 2020-01-01 - 2020-01-31' });
    expect(result).toMatchObject({ ok: false, error: { type: 'validation_error', code: 'statements_are_generated' } });
    expect(!result.ok && result.error.message).toMatch(/generated automatically.*never posted/);
  });
});

describe('bad input is refused naming the field, nothing changed', () => {
  async function refused(core: CoreHost, method: string, input: unknown, field: string, message: RegExp) {
    const result = await call(core, method, input);
    expect(result.ok, JSON.stringify(result)).toBe(false);
    if (result.ok) return;
    const issues = (result.error.detail as { issues: Array<{ field: string; message: string }> }).issues;
    expect(issues.map((i) => i.field)).toContain(field);
    expect(issues.find((i) => i.field === field)!.message).toMatch(message);
  }

  it('refuses each bad record and writes nothing', async () => {
    const { core, workspace } = setup();
    await seedHistory(core);
    const digest = () => JSON.stringify(['price_plans', 'cycle_usage', 'credit_grants', 'billing_settings'].map((t) => workspace.db.prepare(`SELECT * FROM ${t}`).all()));
    const before = digest();
    await refused(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: '2020-03-10', seats: -1 }] }, 'records.0.seats', /must not be negative/);
    await refused(core, 'plans.batch', { orgId: ORG, records: [{ ...PLAN, external_id: 'p3', effective_from: '2021-01-01', subscription_price: '-12' }] }, 'records.0.subscription_price', /must not be negative/);
    await refused(
      core,
      'plans.batch',
      { orgId: ORG, records: [{ ...PLAN, external_id: 'late', effective_from: '2021-01-01', effective_to: null }, { ...PLAN, external_id: 'overlap', effective_from: '2021-03-01', effective_to: '2021-04-01' }] },
      'records.1.effective_from',
      /overlap/,
    );
    await refused(core, 'plans.batch', { orgId: ORG, records: [{ ...PLAN, external_id: 'x', effective_from: '2020-04-01', effective_to: '2020-05-01' }] }, 'records.0.effective_from', /overlap plan "Basic 2020"/);
    await refused(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: '2020-06-10', seats: 1 }] }, 'records.0.cycle_start', /no price plan covers the cycle 2020-06-10 - 2020-07-09/);
    await refused(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: '2020-03-11', seats: 1 }] }, 'records.0.cycle_start', /does not start a billing cycle/);
    await refused(core, 'billing.update', { orgId: ORG, anchor_day: 0 }, 'anchor_day', /1 to 31/);
    await refused(core, 'billing.update', { orgId: ORG, anchor_day: 32 }, 'anchor_day', /1 to 31/);
    await refused(core, 'billing.update', { orgId: ORG, anchor_day: 5 }, 'anchor_day', /cannot change/);
    await refused(core, 'statements.list', { orgId: ORG, serializer: 'full' }, 'serializer', /name, list, detail/);
    await refused(core, 'statements.list', { orgId: ORG, page_size: 0 }, 'page_size', /at least 1/);
    await refused(core, 'statements.list', { orgId: ORG, page_size: 1000 }, 'page_size', /at most 100/);
    await refused(core, 'credits.batch', { orgId: ORG, records: [{ granted_on: '2020-01-01', amount: '0' }] }, 'records.0.amount', /more than zero/);
    await refused(core, 'credits.batch', { orgId: ORG, records: [{ external_id: 'welcome', granted_on: '2020-01-01', amount: '1' }] }, 'records.0.external_id', /already granted/);
    // A good record beside a bad one does not land either.
    await refused(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: '2020-03-10', seats: 5 }, { cycle_start: '2020-03-11', seats: 1 }] }, 'records.1.cycle_start', /does not start/);
    expect(digest()).toBe(before);
  });

  it('refuses an anchor of 0 or 32 on a fresh org and accepts 31', async () => {
    const { core } = setup();
    expect(await call(core, 'billing.update', { orgId: ORG, anchor_day: 32 })).toMatchObject({ ok: false });
    expect(await callOk(core, 'billing.update', { orgId: ORG, anchor_day: 31 })).toMatchObject({ anchor_day: 31 });
  });
});

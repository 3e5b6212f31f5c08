import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import type { Database } from '../../src/main/db/driver';
import { contract, METHOD_NAMES, type MethodName } from '../../src/shared/contract';
import { PERMISSIONS, type Permission } from '../../src/shared/permissions';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// What each method needs, pinned here: downgrading a method's permission in the contract
// (say imports.commit to read:imports) fails the first test, and so does a new method
// until it is added here with the permission it should need (a runtime check rather than
// a type, so work in progress on a new area does not break the typecheck).
const EXPECTED_PERMISSIONS: Readonly<Record<string, Permission | null>> = {
  ping: null,
  'workspace.info': 'read:workspace',
  'keys.create': 'admin:keys',
  'keys.list': 'admin:keys',
  'keys.revoke': 'admin:keys',
  'demo.load': 'write:workspace',
  'orgs.list': 'read:orgs',
  'orgs.create': 'write:orgs',
  'orgs.update': 'write:orgs',
  'periods.list': 'read:orgs',
  'payees.get': 'read:payees',
  'payees.list': 'read:payees',
  'payees.batch': 'write:payees',
  'payees.hold': 'write:payees',
  'payees.release': 'write:payees',
  'products.get': 'read:products',
  'products.list': 'read:products',
  'products.batch': 'write:products',
  'products.archive': 'write:products',
  'products.unarchive': 'write:products',
  'revenues.list': 'read:revenues',
  'revenues.summary': 'read:revenues',
  'revenues.get': 'read:revenues',
  'revenues.export': 'read:revenues',
  'revenues.create': 'write:revenues',
  'revenues.batch': 'write:revenues',
  'imports.list': 'read:imports',
  'imports.get': 'read:imports',
  'imports.outcomes': 'read:imports',
  'imports.exportOutcomes': 'read:imports',
  'imports.undo': 'write:imports',
  'imports.upload': 'write:imports',
  'imports.inspect': 'read:imports',
  'imports.check': 'read:imports',
  'imports.commit': 'write:imports',
  'profiles.list': 'read:imports',
  'profiles.get': 'read:imports',
  'profiles.save': 'write:imports',
  'profiles.delete': 'write:imports',
  'profiles.exportFile': 'read:imports',
  'profiles.importFile': 'write:imports',
  'views.get': 'read:workspace',
  'views.list': 'read:workspace',
  'views.save': 'write:workspace',
  'views.delete': 'write:workspace',
  'rules.get': 'read:rules',
  'rules.list': 'read:rules',
  'rules.batch': 'write:rules',
  'rules.save': 'write:rules',
  'rules.compareVersion': 'read:rules',
  'rules.versions': 'read:rules',
  'rules.conflicts': 'read:rules',
  'payouts.run': 'write:payouts',
  'payouts.get': 'read:payouts',
  'payouts.group': 'read:payouts',
  'consumption.list': 'read:consumption',
  'consumption.get': 'read:consumption',
  'consumption.grid': 'read:consumption',
  'consumption.summary': 'read:consumption',
  'consumption.export': 'read:consumption',
  'consumption.batch': 'write:consumption',
  'reconciliation.run': 'write:reconciliation',
  'reconciliation.approve': 'write:reconciliation',
  'reconciliation.hold': 'write:reconciliation',
  'reconciliation.reverse': 'write:reconciliation',
  'reconciliation.history': 'read:reconciliation',
  'reconciliation.compensationItems': 'read:reconciliation',
  'reconciliation.settings': 'read:reconciliation',
  'reconciliation.setTolerance': 'write:reconciliation',
  'payouts.explain': 'read:payouts',
  'payouts.compare': 'read:payouts',
  'payouts.export': 'read:payouts',
  'tasks.list': 'read:tasks',
  'tasks.get': 'read:tasks',
  'tasks.cancel': 'write:tasks',
  'close.start': 'write:close',
  'close.checks': 'read:close',
  'close.reopen': 'write:close',
  'close.history': 'read:close',
  'statements.list': 'read:statements',
  'statements.get': 'read:statements',
  'statements.create': 'write:statements',
  'billing.get': 'read:statements',
  'billing.update': 'write:statements',
  'plans.list': 'read:statements',
  'plans.batch': 'write:statements',
  'usage.list': 'read:statements',
  'usage.batch': 'write:statements',
  'credits.list': 'read:statements',
  'credits.batch': 'write:statements',
  'commitments.batch': 'write:reports',
  'commitments.list': 'read:reports',
  'showback.usageBatch': 'write:reports',
  'showback.usageList': 'read:reports',
  'reports.list': 'read:reports',
  'reports.get': 'read:reports',
  'reports.periods': 'read:reports',
  'reports.export': 'read:reports',
  'reports.setHidden': 'write:reports',
  'sync.connections': 'read:sync',
  'sync.saveConnection': 'write:sync',
  'sync.setKey': 'write:sync',
  'sync.test': 'read:sync',
  'sync.run': 'write:sync',
  'sync.history': 'read:sync',
  'sync.conflicts': 'read:sync',
  'sync.resolve': 'write:sync',
  'sync.serverReport': 'read:reports',
};

const ORG = 'org-parent';
const READ_ONLY = PERMISSIONS.filter((p) => p.startsWith('read:'));
/** Every method a read-only key must not call, from the contract itself. */
const WRITE_METHODS = METHOD_NAMES.filter((name) => /^(write|admin):/.test(contract[name].permission ?? ''));

/** A consumption record the setup makes (consumption.batch), so review calls act on it. */
const RECORD_UUID = '00000000-0000-4000-8000-00000000c0de';
const CSV = 'external_id,kind,occurred_at,amount,currency\nx1,sale,2026-10-05,1.00,USD\n';
const PROFILE = { name: 'Mine', entity: 'payees', header: ['Name'], mapping: { columns: { name: 'Name' } } };

/**
 * An input each write method would act on (with the permission), so a 403 stands for the
 * permission alone; a method not listed here is still called, with `{}`. `path` is a file
 * the launch token staged, since over HTTP only staged paths reach the registry.
 */
function sampleInput(name: MethodName, staged: string): { json?: unknown; upload?: { bytes: string; input: unknown } } {
  const inputs: Partial<Record<MethodName, ReturnType<typeof sampleInput>>> = {
    'keys.create': { json: { name: 'escalated', permissions: ['admin:keys'] } },
    'keys.list': { json: {} },
    'keys.revoke': { json: { id: 1 } },
    'demo.load': { json: { revenues: 10 } },
    'orgs.create': { json: { name: 'New org', currency: 'USD' } },
    'orgs.update': { json: { id: ORG, name: 'Renamed' } },
    'payees.batch': { json: { orgId: ORG, records: [{ external_id: 'pe_new', name: 'New payee' }] } },
    // Payee and product 1 are the ones the batches above create (methods are sent in contract order).
    'payees.hold': { json: { orgId: ORG, id: 1, reason: 'Tax form missing' } },
    'payees.release': { json: { orgId: ORG, id: 1 } },
    'products.batch': { json: { orgId: ORG, records: [{ external_id: 'pr_new', name: 'New product' }] } },
    'products.archive': { json: { orgId: ORG, id: 1 } },
    'products.unarchive': { json: { orgId: ORG, id: 1 } },
    'revenues.get': { json: { orgId: ORG, id: 1 } },
    'revenues.create': { json: { orgId: ORG, record: { external_id: 'r_new', occurred_at: '2026-10-05', amount: '1.00', currency: 'USD' } } },
    'revenues.batch': { json: { orgId: ORG, records: [{ external_id: 'r_new', occurred_at: '2026-10-05', amount: '1.00', currency: 'USD' }] } },
    'imports.undo': { json: { batchId: 1 } },
    'imports.upload': { upload: { bytes: CSV, input: { name: 'upload.csv' } } },
    'imports.commit': { json: { orgId: ORG, entity: 'revenues', path: staged } },
    'profiles.save': { json: { profile: PROFILE } },
    'profiles.delete': { json: { name: 'Saved' } },
    'profiles.importFile': { upload: { bytes: JSON.stringify(PROFILE), input: {} } },
    'views.save': { json: { screen: 'revenues', name: 'Mine', state: { period: '2026-10' } } },
    'views.delete': { json: { screen: 'revenues', name: 'Saved' } },
    'rules.batch': { json: { orgId: ORG, records: [{ external_id: 'ru_new', name: 'New rule', status: 'active', scope: 'org', effective_from: '2026-10-01', splits: [] }] } },
    'rules.save': { json: { orgId: ORG, record: { external_id: 'ru_saved', name: 'Saved rule', status: 'draft', scope: 'org', effective_from: '2026-10-01', splits: [] } } },
    'payouts.run': { json: { orgId: ORG, period: '2026-10' } },
    'consumption.batch': {
      json: { orgId: ORG, records: [{ license_reference: 'XSP1', resource_name: 'vm-1', billing_period: '2026-10', consumed_sell: '1.00', consumed_buy: '0.50' }] },
    },
    'reconciliation.run': { json: { orgId: ORG, period: '2026-10' } },
    'reconciliation.approve': { json: { uuids: [RECORD_UUID], note: 'checked against the invoice' } },
    'reconciliation.hold': { json: { uuids: [RECORD_UUID], note: 'waiting for the vendor' } },
    'reconciliation.reverse': { json: { uuid: RECORD_UUID, reason: 'billed twice' } },
    'reconciliation.setTolerance': { json: { tolerance_amount: '2.00', tolerance_percent: '1.5' } },
    'payouts.explain': { json: { orgId: ORG, period: '2026-10', payeeId: 1, startRow: 0, endRow: 100 } },
    'payouts.compare': { json: { orgId: ORG, period: '2026-10', ruleVersions: [{ ruleId: 1, version: 1 }] } },
    'tasks.cancel': { json: { uuid: '00000000-0000-4000-8000-000000000000' } },
    'close.start': { json: { orgId: ORG, period: '2026-10' } },
    'close.reopen': { json: { orgId: ORG, period: '2026-09', reason: 'a late refund' } },
    'billing.update': { json: { orgId: ORG, anchor_day: 1 } },
    'plans.batch': { json: { orgId: ORG, records: [{ name: 'Basic', effective_from: '2026-01-01', subscription_price: '12' }] } },
    'usage.batch': { json: { orgId: ORG, records: [{ cycle_start: '2026-10-01', seats: 3 }] } },
    'credits.batch': { json: { orgId: ORG, records: [{ granted_on: '2026-10-01', amount: '10' }] } },
    'commitments.batch': {
      json: { orgId: ORG, records: [{ external_id: 'cm1', name: 'Compute plan', purchase_date: '2026-09-20', term_start: '2026-10-01', term_end: '2027-09-30', monthly_premium: '100.00' }] },
    },
    'commitments.list': { json: { orgId: ORG } },
    'showback.usageBatch': { json: { orgId: ORG, records: [{ month: '2026-10', account: 'acct-1', service: 'compute', on_demand_cost: '5.00', covered_cost: '80.00' }] } },
    'showback.usageList': { json: { orgId: ORG } },
    'reports.list': { json: { orgId: ORG } },
    'reports.get': { json: { orgId: ORG, report_type: 'revenue_by_product_and_kind', year: 2026, month: 10 } },
    'reports.periods': { json: { orgId: ORG, report_type: 'revenue_by_product_and_kind' } },
    'reports.export': { json: { orgId: ORG, report_type: 'revenue_by_product_and_kind', year: 2026, month: 10 } },
    'reports.setHidden': { json: { orgId: ORG, report_type: 'statements_summary', hidden: true } },
    'sync.saveConnection': { json: { orgId: ORG, source: 'revenue', baseUrl: 'http://127.0.0.1:9' } },
    // Refused over HTTP for every caller (keys come from environment variables there); with the permission a 409.
    'sync.setKey': { json: { orgId: ORG, source: 'revenue', key: 'sk_test' } },
    'sync.run': { json: { orgId: ORG } },
    'sync.conflicts': { json: { orgId: ORG } },
    'sync.resolve': { json: { orgId: ORG, id: 1, choice: 'keep_local' } },
    'sync.serverReport': { json: { orgId: ORG, report_type: 'showback_by_account', year: 2026, month: 10 } },
    // Refused for every caller (statements are generated); with the permission it is a 400, not a 403.
    'statements.create': { json: { orgId: ORG } },
  };
  return inputs[name] ?? { json: {} };
}

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every row of every table, so a refused call is seen to have written nothing anywhere. */
function workspaceDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).raw(true).all().map((row) => JSON.stringify(row));
    hash.update(`#${table}\n${rows.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

async function send(name: MethodName, secret: string, staged: string): Promise<Response> {
  const { json, upload } = sampleInput(name, staged);
  const url = `http://127.0.0.1:${server!.port}/api/${name}`;
  if (upload) {
    return fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'X-Closebook-Input': encodeURIComponent(JSON.stringify(upload.input)) }, body: upload.bytes });
  }
  return fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' }, body: JSON.stringify(json) });
}

async function setup() {
  const ctx = tempWorkspace();
  seedOrgWithRevenues(ctx.workspace.db, [{ externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00' }]);
  await callOk(ctx.core, 'revenues.batch', { orgId: ORG, records: [{ external_id: 'ch_2', occurred_at: '2026-10-02', amount: '2.00', currency: 'USD' }] });
  await callOk(ctx.core, 'profiles.save', { profile: { ...PROFILE, name: 'Saved' } });
  await callOk(ctx.core, 'views.save', { screen: 'revenues', name: 'Saved', state: { period: null } });
  await callOk(ctx.core, 'consumption.batch', { orgId: ORG, records: [{ license_reference: 'XSP0', resource_name: 'vm-0', billing_period: '2026-09', consumed_sell: '5.00', consumed_buy: '4.00' }] });
  ctx.workspace.db.prepare("UPDATE consumption_records SET uuid = ? WHERE license_reference = 'XSP0'").run(RECORD_UUID);
  server = await startHttpServer({ core: ctx.core });
  const staged = await fetch(`http://127.0.0.1:${server.port}/api/imports.upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'X-Closebook-Input': encodeURIComponent(JSON.stringify({ name: 'staged.csv' })) },
    body: CSV,
  });
  const { value } = (await staged.json()) as { value: { path: string } };
  const key = await callOk<{ secret: string }>(ctx.core, 'keys.create', { name: 'read only', permissions: READ_ONLY });
  return { ...ctx, staged: value.path, readOnly: key.secret };
}

describe('permissions', () => {
  it('each method needs the permission pinned for it, and every method is pinned', () => {
    const unpinned = METHOD_NAMES.filter((name) => !(name in EXPECTED_PERMISSIONS));
    expect(unpinned, 'pin the permission of each new contract method in EXPECTED_PERMISSIONS').toEqual([]);
    expect(Object.keys(EXPECTED_PERMISSIONS).sort(), 'methods pinned here but gone from the contract').toEqual([...METHOD_NAMES]);
    for (const name of METHOD_NAMES) expect(contract[name].permission, name).toBe(EXPECTED_PERMISSIONS[name]);
    expect(WRITE_METHODS).toEqual(expect.arrayContaining(['imports.commit', 'imports.undo', 'demo.load', 'keys.create']));
  });

  it('a key with every read permission is refused 403 on every write and admin method over HTTP, and nothing is written', async () => {
    const ctx = await setup();
    // The key does read: the refusals below are about writing. (Its first use is noted on the key.)
    const list = await fetch(`http://127.0.0.1:${server!.port}/api/revenues.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ctx.readOnly}` },
      body: JSON.stringify({ orgId: ORG, startRow: 0, endRow: 10 }),
    });
    expect(list.status).toBe(200);
    const before = workspaceDigest(ctx.workspace.db);

    const answers: Array<{ method: string; status: number; type: string; code: string; required: unknown }> = [];
    for (const name of WRITE_METHODS) {
      const res = await send(name, ctx.readOnly, ctx.staged);
      const { error } = (await res.json()) as { error?: { type: string; code: string; detail: { required?: unknown } } };
      answers.push({ method: name, status: res.status, type: error?.type ?? '', code: error?.code ?? '', required: error?.detail?.required });
    }
    expect(answers).toEqual(
      WRITE_METHODS.map((name) => ({ method: name, status: 403, type: 'permission_error', code: 'missing_permission', required: contract[name].permission })),
    );
    expect(workspaceDigest(ctx.workspace.db)).toBe(before);
  });

  it('the registry itself refuses the same calls, so IPC and the CLI are held to them too', async () => {
    const ctx = await setup();
    const before = workspaceDigest(ctx.workspace.db);
    const principal = { name: 'read only', permissions: READ_ONLY };
    for (const name of WRITE_METHODS) {
      const { json, upload } = sampleInput(name, ctx.staged);
      const input = upload ? { ...(upload.input as object), path: ctx.staged } : json;
      const result = await ctx.core.call(name, input, principal).result;
      expect({ name, result }).toMatchObject({ name, result: { ok: false, error: { type: 'permission_error', code: 'missing_permission', detail: { required: contract[name].permission } } } });
    }
    expect(workspaceDigest(ctx.workspace.db)).toBe(before);
  });

  it('the same calls with the missing permission added are not refused (the inputs are ones the methods act on)', async () => {
    const ctx = await setup();
    for (const name of WRITE_METHODS) {
      const permission = contract[name].permission!;
      const key = await callOk<{ secret: string }>(ctx.core, 'keys.create', { name: `read + ${permission}`, permissions: [...READ_ONLY, permission] });
      const res = await send(name, key.secret, ctx.staged);
      const body = (await res.json()) as { ok: boolean; error?: { type: string; code: string } };
      expect({ method: name, type: body.error?.type }).not.toEqual({ method: name, type: 'permission_error' });
      expect(res.status, `${name}: ${JSON.stringify(body.error)}`).not.toBe(403);
    }
  });
});

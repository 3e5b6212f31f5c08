import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../src/main/core/host';
import type { Database } from '../../src/main/db/driver';
import { localRow, rowHash } from '../../src/main/sync/record-state';
import { REVENUE_RECORD_FIELDS } from '../../src/main/imports/records/revenue-record';
import type { ApiError } from '../../src/shared/errors';
import type { SyncConflict } from '../../src/shared/contract/sync';
import { startFakeAllocora, type FakeAllocora } from '../support/fake-allocora';
import { startFakeArrow, type FakeArrow } from '../support/fake-arrow-consumption';
import { callOk, LOCAL } from '../support/temp-workspace';
import { dataDigest, keys, OPEN, ORG, runOne, syncWorkspace, useSyncTestSetup } from './sync-support';

// Records changed both here and on the server since the last sync (issue 13, item 3),
// against the fake servers of seeds 001 and 003.

useSyncTestSetup();
let allocora: FakeAllocora | undefined;
let arrow: FakeArrow | undefined;
afterEach(async () => {
  await allocora?.close();
  await arrow?.close();
  allocora = arrow = undefined;
});

/** Every link the sync wrote holds the hash of its local row as JS computes it (the SQL stamp agrees). */
function expectLinksStamped(db: Database.Database, source: string) {
  const links = db.prepare('SELECT entity, local_id, server_hash, local_hash FROM sync_links WHERE org_id = ? AND source = ?').all(ORG, source) as Array<{ entity: string; local_id: number; server_hash: string; local_hash: string }>;
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect(link.server_hash).toMatch(/^[0-9a-f]{16}$/);
    expect(link.local_hash).toBe(rowHash(localRow(db, link.entity, link.local_id)));
  }
}

async function revenueSynced() {
  allocora = await startFakeAllocora({ payees: 2, products: 1, revenues: 10 });
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl: allocora.baseUrl });
  keys.set(ORG, 'revenue', allocora.key);
  expect(await runOne(ctx.core, 'revenue')).toMatchObject({ status: 'committed', counts: { created: 13 } });
  expectLinksStamped(ctx.workspace.db, 'revenue');
  return ctx;
}

/** A local edit through the API (revenues.batch, create_or_update): the served record with other values. */
async function editLocally(core: CoreHost, externalId: string, fields: Record<string, unknown>) {
  const served = allocora!.data.revenues.find((r) => r.external_id === externalId)!;
  const record = Object.fromEntries(Object.entries(served).filter(([k]) => REVENUE_RECORD_FIELDS.has(k)));
  const result = await callOk<{ meta: { updated: number } }>(core, 'revenues.batch', { orgId: ORG, operation: 'create_or_update', records: [{ ...record, ...fields }] });
  expect(result.meta.updated).toBe(1);
}

async function callError(core: CoreHost, method: string, input: unknown): Promise<ApiError> {
  const result = await core.call(method, input, LOCAL).result;
  if (result.ok) throw new Error(`${method} succeeded; expected an error`);
  return result.error;
}

const amountOf = (ctx: ReturnType<typeof syncWorkspace>, externalId: string) =>
  ctx.workspace.db.prepare('SELECT amount_micros FROM revenues WHERE org_id = ? AND external_id = ?').pluck().get(ORG, externalId);

const conflicts = async (core: CoreHost, filter: Record<string, unknown> = {}) =>
  (await callOk<{ conflicts: SyncConflict[] }>(core, 'sync.conflicts', { orgId: ORG, ...filter })).conflicts;

describe('sync conflicts', () => {
  it('a record changed here and on the server is a conflict with both values; the rest of the source lands', async () => {
    const ctx = await revenueSynced();
    await editLocally(ctx.core, 'rv_5', { amount: '55.50' });
    allocora!.put('revenues', { external_id: 'rv_5', amount: '77.70' });
    allocora!.put('revenues', { external_id: 'rv_6', amount: '66.60' });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, conflict: 1 } });
    expect(amountOf(ctx, 'rv_5')).toBe(55_500_000);
    expect(amountOf(ctx, 'rv_6')).toBe(66_600_000);
    const [conflict, ...others] = await conflicts(ctx.core);
    expect(others).toEqual([]);
    const served = allocora!.data.revenues.find((r) => r.external_id === 'rv_5')!;
    expect(conflict).toMatchObject({ source: 'revenue', entity: 'revenues', sourceId: served.id, runId: run.id, status: 'open', choice: null, differing: ['amount'] });
    expect(conflict.localValues).toMatchObject({ external_id: 'rv_5', amount: '55.5', currency: 'USD', payee_external_id: served.payee_external_id });
    expect(conflict.serverValues).toMatchObject({ external_id: 'rv_5', amount: '77.70' });
    expect((await callOk<{ runs: Array<{ counts: { conflict: number } }> }>(ctx.core, 'sync.history', { orgId: ORG })).runs[0].counts.conflict).toBe(1);
  });

  it('a change made only here is kept when the server sends the record unchanged; a change made only on the server is written', async () => {
    const ctx = await revenueSynced();
    await editLocally(ctx.core, 'rv_3', { amount: '33.30' });
    // The server sends rv_3 again (a new updated_at, the same values) and changes rv_4.
    allocora!.put('revenues', { external_id: 'rv_3' });
    allocora!.put('revenues', { external_id: 'rv_4', amount: '44.40' });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, unchanged: 1, conflict: 0 } });
    expect(amountOf(ctx, 'rv_3')).toBe(33_300_000);
    expect(amountOf(ctx, 'rv_4')).toBe(44_400_000);
    expect(await conflicts(ctx.core)).toEqual([]);
  });

  it('keep_local: the next sync does not raise it again until the server changes it again', async () => {
    const ctx = await revenueSynced();
    await editLocally(ctx.core, 'rv_5', { amount: '55.50' });
    allocora!.put('revenues', { external_id: 'rv_5', amount: '77.70' });
    await runOne(ctx.core, 'revenue');
    const [open] = await conflicts(ctx.core);
    const resolved = await callOk<SyncConflict>(ctx.core, 'sync.resolve', { orgId: ORG, id: open.id, choice: 'keep_local' });
    expect(resolved).toMatchObject({ id: open.id, status: 'resolved', choice: 'keep_local', batchId: null });
    expect(amountOf(ctx, 'rv_5')).toBe(55_500_000);
    // The server sends the same version again: nothing to resolve.
    allocora!.put('revenues', { external_id: 'rv_5' });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ status: 'nothing_changed', counts: { fetched: 1, unchanged: 1, conflict: 0 } });
    expect(await conflicts(ctx.core, { status: 'open' })).toEqual([]);
    expect(amountOf(ctx, 'rv_5')).toBe(55_500_000);
    // The server changes it again: the local change is still there, so it is a conflict again.
    allocora!.put('revenues', { external_id: 'rv_5', amount: '88.80' });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ counts: { conflict: 1 } });
    const [again] = await conflicts(ctx.core, { status: 'open' });
    expect(again.serverValues.amount).toBe('88.80');
    expect(again.id).not.toBe(open.id);
    // Open ones first, then the resolved one.
    expect((await conflicts(ctx.core)).map((c) => [c.id, c.status])).toEqual([
      [again.id, 'open'],
      [open.id, 'resolved'],
    ]);
    expect(await conflicts(ctx.core, { source: 'consumption' })).toEqual([]);
  });

  it('take_server writes the server values as a one-record import batch that can be undone; resolving twice is 409', async () => {
    const ctx = await revenueSynced();
    await editLocally(ctx.core, 'rv_5', { amount: '55.50' });
    allocora!.put('revenues', { external_id: 'rv_5', amount: '77.70' });
    await runOne(ctx.core, 'revenue');
    const [open] = await conflicts(ctx.core);
    const resolved = await callOk<SyncConflict>(ctx.core, 'sync.resolve', { orgId: ORG, id: open.id, choice: 'take_server' });
    expect(resolved).toMatchObject({ status: 'resolved', choice: 'take_server' });
    expect(amountOf(ctx, 'rv_5')).toBe(77_700_000);
    const batch = ctx.workspace.db.prepare('SELECT source, profile, entity FROM import_batches WHERE id = ?').get(resolved.batchId);
    expect(batch).toEqual({ source: 'api', profile: 'sync:revenue', entity: 'revenues' });
    const twice = await callError(ctx.core, 'sync.resolve', { orgId: ORG, id: open.id, choice: 'keep_local' });
    expect(twice).toMatchObject({ type: 'conflict', code: 'already_resolved' });
    expect(twice.message).toBe(`Sync conflict ${open.id} (revenues record external_id "rv_5") was already resolved (take_server at ${resolved.resolvedAt})`);
    expect(twice.detail).toEqual({ id: open.id });
    // Server and local now agree: a re-send of the same version is not a conflict.
    allocora!.put('revenues', { external_id: 'rv_5' });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ counts: { conflict: 0 } });
    await callOk(ctx.core, 'imports.undo', { batchId: resolved.batchId });
    expect(amountOf(ctx, 'rv_5')).toBe(55_500_000);
  });

  it('a link with no server version yet (a record blocked or linked before conflicts existed) is written over, not raised', async () => {
    const ctx = await revenueSynced();
    await editLocally(ctx.core, 'rv_5', { amount: '55.50' });
    ctx.workspace.db.prepare("UPDATE sync_links SET server_hash = NULL WHERE org_id = ? AND entity = 'revenues' AND source_id = (SELECT source_id FROM sync_links l JOIN revenues r ON r.id = l.local_id WHERE l.entity = 'revenues' AND r.external_id = 'rv_5')").run(ORG);
    allocora!.put('revenues', { external_id: 'rv_5', amount: '77.70' });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ status: 'committed', counts: { conflict: 0, updated: 1 } });
    expect(amountOf(ctx, 'rv_5')).toBe(77_700_000);
    expect(await conflicts(ctx.core)).toEqual([]);
  });

  it('a record whose local row is gone (its batch undone) is written again when the server changes it, not raised', async () => {
    const ctx = await revenueSynced();
    const first = (await callOk<{ runs: Array<{ batches: Record<string, number> }> }>(ctx.core, 'sync.history', { orgId: ORG })).runs.at(-1)!;
    await callOk(ctx.core, 'imports.undo', { batchId: first.batches.revenues });
    expect(amountOf(ctx, 'rv_5')).toBeUndefined();
    allocora!.put('revenues', { external_id: 'rv_5', amount: '77.70' });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { conflict: 0 } });
    expect(amountOf(ctx, 'rv_5')).toBe(77_700_000);
    expect(await conflicts(ctx.core)).toEqual([]);
  });

  it('take_server in a month finalized since is refused (blocked_locked_period) and the conflict stays open', async () => {
    const ctx = await revenueSynced();
    await editLocally(ctx.core, 'rv_5', { amount: '55.50' });
    allocora!.put('revenues', { external_id: 'rv_5', amount: '77.70' });
    await runOne(ctx.core, 'revenue');
    const [open] = await conflicts(ctx.core);
    ctx.workspace.db.prepare("UPDATE periods SET status = 'finalized', finalized_at = '2026-11-01T00:00:00Z' WHERE org_id = ? AND period = ?").run(ORG, OPEN);
    const before = dataDigest(ctx.workspace.db);
    const refused = await callError(ctx.core, 'sync.resolve', { orgId: ORG, id: open.id, choice: 'take_server' });
    expect(refused).toMatchObject({ type: 'conflict', code: 'blocked_locked_period' });
    expect(refused.message).toMatch(/^Cannot take the server's version of revenues record external_id "rv_5": .*locked/);
    expect(refused.detail).toEqual({ id: open.id });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    expect((await conflicts(ctx.core))[0]).toMatchObject({ id: open.id, status: 'open' });
  });

  it("take_server of a revenue the workspace refuses (a payee it does not have) says which field, and changes nothing", async () => {
    const ctx = await revenueSynced();
    await editLocally(ctx.core, 'rv_5', { amount: '55.50' });
    allocora!.put('revenues', { external_id: 'rv_5', payee_external_id: 'pe_404' });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ counts: { conflict: 1 } });
    const [open] = await conflicts(ctx.core);
    const before = dataDigest(ctx.workspace.db);
    const refused = await callError(ctx.core, 'sync.resolve', { orgId: ORG, id: open.id, choice: 'take_server' });
    expect(refused).toMatchObject({ type: 'validation_error', code: 'server_values_refused', detail: { id: open.id, field: 'payee_external_id' } });
    expect(refused.message).toMatch(/^Cannot take the server's version of revenues record external_id "rv_5": .*pe_404/);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    expect((await conflicts(ctx.core))[0]).toMatchObject({ id: open.id, status: 'open' });
  });

  it('bad input: an unknown conflict is 404, an unknown choice is refused naming the field', async () => {
    const ctx = await revenueSynced();
    expect(await callError(ctx.core, 'sync.resolve', { orgId: ORG, id: 999, choice: 'keep_local' })).toMatchObject({
      type: 'not_found',
      code: 'conflict_not_found',
      message: `Org ${ORG} has no sync conflict 999`,
      detail: { id: 999 },
    });
    const bad = await callError(ctx.core, 'sync.resolve', { orgId: ORG, id: 1, choice: 'merge' });
    expect(bad.type).toBe('validation_error');
    expect(bad.message).toContain('choice');
  });

  it("the sync's own write of a record's final amounts is not a local change: a later server change of its estimate is written", async () => {
    arrow = await startFakeArrow(5);
    const ctx = syncWorkspace();
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'consumption', baseUrl: arrow.baseUrl });
    keys.set(ORG, 'consumption', arrow.key);
    await runOne(ctx.core, 'consumption');
    const record = arrow.records[1];
    arrow.change(record.uuid, { is_finalized: true, final_sell: '12.34', final_buy: '10.00', finalized_at: '2026-11-03T00:00:00Z' });
    expect(await runOne(ctx.core, 'consumption')).toMatchObject({ counts: { updated: 1, unchanged: 1, conflict: 0 } });
    expectLinksStamped(ctx.workspace.db, 'consumption');
    arrow.change(record.uuid, { consumed_buy: '1.23' });
    expect(await runOne(ctx.core, 'consumption')).toMatchObject({ counts: { conflict: 0 } });
    expect(ctx.workspace.db.prepare('SELECT consumed_buy_micros FROM consumption_records WHERE uuid IS NOT NULL AND license_reference = ?').pluck().get(record.license_reference)).toBe(1_230_000);
    expect(await conflicts(ctx.core)).toEqual([]);
  });

  it('a reconciled consumption record changed on the server is a conflict; take_server is refused and it keeps its reconciliation', async () => {
    arrow = await startFakeArrow(5);
    const ctx = syncWorkspace();
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'consumption', baseUrl: arrow.baseUrl });
    keys.set(ORG, 'consumption', arrow.key);
    await runOne(ctx.core, 'consumption');
    expectLinksStamped(ctx.workspace.db, 'consumption');
    const kept = arrow.records[2];
    const db = ctx.workspace.db;
    db.prepare(
      "UPDATE consumption_records SET final_sell_micros = consumed_sell_micros, final_buy_micros = consumed_buy_micros, finalized_at = '2026-11-01T00:00:00Z', is_finalized = 1, is_reconciled = 1, reconciled_at = '2026-11-02T00:00:00Z' WHERE license_reference = ?",
    ).run(kept.license_reference);
    const before = db.prepare('SELECT * FROM consumption_records WHERE license_reference = ?').get(kept.license_reference);
    arrow.change(kept.uuid, { consumed_sell: '999.00' });
    expect(await runOne(ctx.core, 'consumption')).toMatchObject({ status: 'committed', counts: { fetched: 1, conflict: 1, updated: 0 } });
    const [conflict] = await conflicts(ctx.core, { source: 'consumption' });
    expect(conflict).toMatchObject({ entity: 'consumption', sourceId: kept.uuid, status: 'open' });
    expect(conflict.differing).toContain('consumed_sell');
    expect(conflict.serverValues.consumed_sell).toBe('999.00');
    expect(conflict.localValues.consumed_sell).not.toBe('999');
    const refused = await callError(ctx.core, 'sync.resolve', { orgId: ORG, id: conflict.id, choice: 'take_server' });
    expect(refused).toMatchObject({ type: 'conflict', code: 'record_reconciled' });
    expect(refused.message).toBe(
      `Cannot take the server's version of consumption record ${kept.uuid}: it is reconciled here and keeps its reconciliation; keep local, or undo its reconciliation first`,
    );
    expect(refused.detail).toEqual({ id: conflict.id });
    expect(db.prepare('SELECT * FROM consumption_records WHERE license_reference = ?').get(kept.license_reference)).toEqual(before);
    expect(await callOk<SyncConflict>(ctx.core, 'sync.resolve', { orgId: ORG, id: conflict.id, choice: 'keep_local' })).toMatchObject({ status: 'resolved' });
    expect(await conflicts(ctx.core, { source: 'revenue' })).toEqual([]);
  });
});

describe('sync conflicts on rules (seed 001)', () => {
  async function rulesSynced() {
    allocora = await startFakeAllocora({ payees: 3, products: 2, revenues: 0, rules: 2 });
    const ctx = syncWorkspace();
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl: allocora.baseUrl });
    keys.set(ORG, 'revenue', allocora.key);
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ status: 'committed', counts: { created: 3 + 2 + 2 } });
    expectLinksStamped(ctx.workspace.db, 'revenue');
    return ctx;
  }
  const ruleId = (ctx: ReturnType<typeof syncWorkspace>, externalId: string) =>
    ctx.workspace.db.prepare('SELECT id FROM rules WHERE org_id = ? AND external_id = ?').pluck().get(ORG, externalId) as number;
  const rule = (ctx: ReturnType<typeof syncWorkspace>, externalId: string) => callOk<{ name: string; version: number; splits: Array<{ payeeExternalId: string; percentage: string }> }>(ctx.core, 'rules.get', { orgId: ORG, externalId });
  /** rules.save (the Rules screen): a new version made here. */
  const saveHere = (ctx: ReturnType<typeof syncWorkspace>, externalId: string, record: Record<string, unknown>) => callOk(ctx.core, 'rules.save', { orgId: ORG, id: ruleId(ctx, externalId), record });

  it('a rule saved here and changed on the server is a conflict with both values (splits in the record\'s words); the other rule lands', async () => {
    const ctx = await rulesSynced();
    await saveHere(ctx, 'ru_1', { name: 'Split agreed here', splits: [{ payee_external_id: 'pe_1', percentage: '50' }, { payee_external_id: 'pe_2', percentage: '50' }] });
    allocora!.put('rules', { external_id: 'ru_1', splits: [{ payee_external_id: 'pe_1', percentage: '70' }, { payee_external_id: 'pe_3', percentage: '30' }] });
    allocora!.put('rules', { external_id: 'ru_2', name: 'Renamed on the server' });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, conflict: 1 } });
    expect(await rule(ctx, 'ru_1')).toMatchObject({ name: 'Split agreed here', version: 2, splits: [{ payeeExternalId: 'pe_1', percentage: '50' }, { payeeExternalId: 'pe_2', percentage: '50' }] });
    expect(await rule(ctx, 'ru_2')).toMatchObject({ name: 'Renamed on the server', version: 2 });
    const [conflict, ...others] = await conflicts(ctx.core);
    expect(others).toEqual([]);
    const served = allocora!.data.rules.find((r) => r.external_id === 'ru_1')!;
    expect(conflict).toMatchObject({ source: 'revenue', entity: 'rules', sourceId: served.id, localId: ruleId(ctx, 'ru_1'), status: 'open' });
    // The server did not change the name: only what differs is listed, the splits compared member by member.
    expect(conflict.differing.sort()).toEqual(['name', 'splits']);
    expect(conflict.localValues).toMatchObject({ external_id: 'ru_1', name: 'Split agreed here', product_external_id: 'pr_1', splits: [{ payee_external_id: 'pe_1', percentage: '50' }, { payee_external_id: 'pe_2', percentage: '50' }] });
    expect(conflict.serverValues).toMatchObject({ external_id: 'ru_1', name: 'Product 1 split', splits: served.splits });
    // Sent again unchanged: still one open conflict, nothing written.
    allocora!.put('rules', { external_id: 'ru_1' });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ counts: { conflict: 1 } });
    expect(await conflicts(ctx.core)).toHaveLength(1);
  });

  it('a rule saved here only is kept when the server sends it unchanged; a rule whose splits only the server changed is saved as a new version', async () => {
    const ctx = await rulesSynced();
    await saveHere(ctx, 'ru_1', { name: 'Kept here' });
    allocora!.put('rules', { external_id: 'ru_1' });
    allocora!.put('rules', { external_id: 'ru_2', splits: [{ payee_external_id: 'pe_3', percentage: '100' }] });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, unchanged: 1, conflict: 0 } });
    expect(await rule(ctx, 'ru_1')).toMatchObject({ name: 'Kept here', version: 2 });
    expect(await rule(ctx, 'ru_2')).toMatchObject({ version: 2, splits: [{ payeeExternalId: 'pe_3', percentage: '100' }] });
    expect(await conflicts(ctx.core)).toEqual([]);
  });

  it('take_server saves the server\'s rule as a new version by the sync; keep_local keeps the local one until the server changes it again', async () => {
    const ctx = await rulesSynced();
    for (const externalId of ['ru_1', 'ru_2']) {
      await saveHere(ctx, externalId, { name: `${externalId} here` });
      allocora!.put('rules', { external_id: externalId, name: `${externalId} there` });
    }
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ counts: { conflict: 2 } });
    const open = await conflicts(ctx.core);
    const of = (externalId: string) => open.find((c) => c.serverValues.external_id === externalId)!;
    const taken = await callOk<SyncConflict>(ctx.core, 'sync.resolve', { orgId: ORG, id: of('ru_1').id, choice: 'take_server' });
    expect(taken).toMatchObject({ status: 'resolved', choice: 'take_server', batchId: null });
    expect(await rule(ctx, 'ru_1')).toMatchObject({ name: 'ru_1 there', version: 3 });
    const versions = await callOk<{ versions: Array<{ version: number; savedBy: string }> }>(ctx.core, 'rules.versions', { ruleId: ruleId(ctx, 'ru_1') });
    expect(versions.versions[0]).toMatchObject({ version: 3, savedBy: `sync (the server's version, conflict ${of('ru_1').id})` });
    await callOk(ctx.core, 'sync.resolve', { orgId: ORG, id: of('ru_2').id, choice: 'keep_local' });
    expect(await rule(ctx, 'ru_2')).toMatchObject({ name: 'ru_2 here', version: 2 });
    expect((await callError(ctx.core, 'sync.resolve', { orgId: ORG, id: of('ru_2').id, choice: 'take_server' })).code).toBe('already_resolved');
    // Both settled: the server sends them again unchanged, nothing is raised or written.
    allocora!.put('rules', { external_id: 'ru_1' });
    allocora!.put('rules', { external_id: 'ru_2' });
    const before = dataDigest(ctx.workspace.db);
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ status: 'nothing_changed', counts: { unchanged: 2, conflict: 0 } });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    // The server changes the kept one again: a new conflict.
    allocora!.put('rules', { external_id: 'ru_2', name: 'ru_2 there again' });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ counts: { conflict: 1 } });
    expect((await conflicts(ctx.core, { status: 'open' })).map((c) => c.serverValues.name)).toEqual(['ru_2 there again']);
  });

  it("take_server of a rule the workspace refuses (its payee gone from the workspace's payees) says why and changes nothing", async () => {
    const ctx = await rulesSynced();
    await saveHere(ctx, 'ru_1', { name: 'here' });
    allocora!.put('rules', { external_id: 'ru_1', splits: [{ payee_external_id: 'pe_404', percentage: '100' }] });
    // The server's rule names a payee the workspace does not have; as a conflict it is not written, so the sync does not refuse it.
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ counts: { conflict: 1 } });
    const [conflict] = await conflicts(ctx.core);
    const before = dataDigest(ctx.workspace.db);
    const error = await callError(ctx.core, 'sync.resolve', { orgId: ORG, id: conflict.id, choice: 'take_server' });
    expect(error.code).toBe('server_values_refused');
    expect(error.message).toMatch(/^Cannot take the server's version of rules record external_id "ru_1": splits\.0\.payee_external_id: .*pe_404/);
    expect(error).toMatchObject({ type: 'validation_error', detail: { id: conflict.id, field: 'splits.0.payee_external_id' } });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    expect((await conflicts(ctx.core))[0]).toMatchObject({ status: 'open' });
  });
});

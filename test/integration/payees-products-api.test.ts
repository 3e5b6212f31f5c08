import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../src/shared/contract/imports';
import type { PayeeRow } from '../../src/shared/contract/payees';
import type { ProductRow } from '../../src/shared/contract/products';
import { tempWorkspace } from '../support/temp-workspace';
import { call, digest, ok, ORG, seedOrg } from './imports-records-support';

function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

type Core = ReturnType<typeof setup>['core'];
const batch = (core: Core, method: string, records: object[], extra: object = {}) => ok<BatchResponse>(core, method, { orgId: ORG, records, ...extra });

describe('payees: contact details, payout currency, holds', () => {
  it('stores phone, address, payout_currency and a hold reason, and payees.get returns them by id or external_id', async () => {
    const { core } = setup();
    const res = await batch(core, 'payees.batch', [
      { external_id: 'pe_9', name: 'Cleo Prints', email: 'cleo@example.com', phone: '+44 20 7946 0958', address: '1 Fleet St\nLondon', payout_currency: 'gbp', on_hold: true, hold_reason: 'Tax form missing', threshold: '25.50' },
    ]);
    expect(res.data[0]).toMatchObject({ status: 'created', external_id: 'pe_9' });
    const byExternalId = await ok<PayeeRow>(core, 'payees.get', { orgId: ORG, externalId: 'pe_9' });
    expect(byExternalId).toMatchObject({ name: 'Cleo Prints', phone: '+44 20 7946 0958', address: '1 Fleet St\nLondon', payoutCurrency: 'GBP', onHold: true, holdReason: 'Tax form missing', threshold: '25.50' });
    expect(await ok<PayeeRow>(core, 'payees.get', { orgId: ORG, id: byExternalId.id })).toEqual(byExternalId);
  });

  it('payees.get answers 404 payee_not_found for an id of another org or an unknown external_id', async () => {
    const { core, workspace } = setup();
    const other = Number(workspace.db.prepare("INSERT INTO payees (org_id, name, created_at, updated_at) VALUES ('org-b', 'Elsewhere', 'x', 'x')").run().lastInsertRowid);
    for (const key of [{ id: other }, { externalId: 'pe_nope' }]) {
      const result = await call(core, 'payees.get', { orgId: ORG, ...key });
      expect(result).toMatchObject({ ok: false, error: { type: 'not_found', code: 'payee_not_found' } });
    }
  });

  it('hold asks for a reason; release clears it; both are one-record batches an undo can reverse', async () => {
    const { core } = setup();
    const ada = await ok<PayeeRow>(core, 'payees.get', { orgId: ORG, externalId: 'pe_1' });
    const blank = await call(core, 'payees.hold', { orgId: ORG, id: ada.id, reason: '  ' });
    expect(blank).toMatchObject({ ok: false, error: { type: 'validation_error' } });
    const held = await ok<PayeeRow>(core, 'payees.hold', { orgId: ORG, id: ada.id, reason: 'Disputed royalties, see ticket 4411' });
    expect(held).toMatchObject({ onHold: true, holdReason: 'Disputed royalties, see ticket 4411' });
    const heldOnly = await ok<{ rows: PayeeRow[] }>(core, 'payees.list', { orgId: ORG, filterModel: { onHold: { filterType: 'set', values: ['held'] } }, startRow: 0, endRow: 10 });
    expect(heldOnly.rows.map((p) => p.externalId)).toEqual(['pe_1']);
    const released = await ok<PayeeRow>(core, 'payees.release', { orgId: ORG, id: ada.id });
    expect(released).toMatchObject({ onHold: false, holdReason: null });
    const batches = await ok<{ rows: Array<{ id: number; entity: string }> }>(core, 'imports.list', { orgId: ORG, startRow: 0, endRow: 10 });
    expect(batches.rows.filter((b) => b.entity === 'payees')).toHaveLength(2);
    await ok(core, 'imports.undo', { batchId: batches.rows[0].id }); // the release
    expect(await ok<PayeeRow>(core, 'payees.get', { orgId: ORG, id: ada.id })).toMatchObject({ onHold: true, holdReason: 'Disputed royalties, see ticket 4411' });
    const missing = await call(core, 'payees.hold', { orgId: ORG, id: 999, reason: 'x' });
    expect(missing).toMatchObject({ ok: false, error: { type: 'not_found', code: 'payee_not_found' } });
  });

  it('a record may name a payee by id (one with no external_id) to update it, never to create', async () => {
    const { core, workspace } = setup();
    const id = Number(workspace.db.prepare("INSERT INTO payees (org_id, name, created_at, updated_at) VALUES (?, 'No Key', 'x', 'x')").run(ORG).lastInsertRowid);
    const res = await batch(core, 'payees.batch', [{ id, email: 'nokey@example.com' }, { id: 999, name: 'Ghost' }, { id, external_id: 'pe_other' }], { operation: 'update_only' });
    expect(res.data.map((d) => [d.status, d.error?.field])).toEqual([
      ['updated', undefined],
      ['error', 'id'],
      ['error', 'external_id'],
    ]);
    expect(res.data[0].changes).toEqual(['email']);
  });

  it('refuses bad payees naming the record and field, and onError reject stores nothing', async () => {
    const { core, workspace } = setup();
    const before = digest(workspace.db);
    const bad = [
      { external_id: 'p1', name: 'A', payout_currency: 'XYZ' },
      { external_id: 'p2', name: 'B', payout_currency: 'dollars' },
      { external_id: 'p3', name: 'C', threshold: '-0.01' },
      { external_id: 'p4', name: 'D', fallback_percentage: '100.5' },
      { external_id: 'p5', name: 'E', fallback_percentage: '-1' },
      { external_id: 'p6', name: 'F', hold_reason: 'not on hold' },
      { external_id: 'p7', name: 'G', phone: 'call me' },
      { external_id: 'p8', name: 'H', payout_currency: 'EUR' }, // valid: rejected with the rest
    ];
    const result = await call(core, 'payees.batch', { orgId: ORG, onError: 'reject', records: bad });
    expect(result.ok).toBe(false);
    const issues = (result as { error: { detail: { issues: Array<{ field: string; message: string }> } } }).error.detail.issues;
    expect(issues.map((i) => i.field)).toEqual([
      'records.0.payout_currency',
      'records.1.payout_currency',
      'records.2.threshold',
      'records.3.fallback_percentage',
      'records.4.fallback_percentage',
      'records.5.hold_reason',
      'records.6.phone',
    ]);
    expect(issues[0].message).toContain('"XYZ" is not an ISO 4217 currency code');
    expect(digest(workspace.db)).toBe(before);
  });

  it('releasing through a batch (on_hold false) clears the stored reason', async () => {
    const { core } = setup();
    await batch(core, 'payees.batch', [{ external_id: 'pe_2', on_hold: 'yes', hold_reason: 'Bank details bounced' }]);
    const res = await batch(core, 'payees.batch', [{ external_id: 'pe_2', on_hold: 'no' }]);
    expect(res.data[0]).toMatchObject({ status: 'updated', changes: ['on_hold', 'hold_reason'] });
    expect(await ok<PayeeRow>(core, 'payees.get', { orgId: ORG, externalId: 'pe_2' })).toMatchObject({ onHold: false, holdReason: null });
  });
});

describe('products: get, archive, unarchive', () => {
  it('products.get by id or external_id; 404 product_not_found otherwise', async () => {
    const { core } = setup();
    await batch(core, 'products.batch', [{ external_id: 'pr_2', name: 'Dune', category: 'Books', tags: ['scifi'], metadata: { isbn: '978-0441013593' } }]);
    const dune = await ok<ProductRow>(core, 'products.get', { orgId: ORG, externalId: 'pr_2' });
    expect(dune).toMatchObject({ name: 'Dune', category: 'Books', tags: ['scifi'], metadata: { isbn: '978-0441013593' }, archived: false });
    expect(await ok<ProductRow>(core, 'products.get', { orgId: ORG, id: dune.id })).toEqual(dune);
    expect(await call(core, 'products.get', { orgId: 'org-b', id: dune.id })).toMatchObject({ ok: false, error: { type: 'not_found', code: 'product_not_found' } });
    expect(await call(core, 'products.get', { orgId: ORG })).toMatchObject({ ok: false, error: { type: 'validation_error' } });
  });

  it('an archived product gets no new active rule (refused naming the record and field); unarchived, it does', async () => {
    const { core } = setup();
    const atlas = await ok<ProductRow>(core, 'products.get', { orgId: ORG, externalId: 'pr_1' });
    expect(await ok<ProductRow>(core, 'products.archive', { orgId: ORG, id: atlas.id })).toMatchObject({ archived: true });
    const rule = { external_id: 'ru_atlas', name: 'Atlas split', status: 'active', scope: 'product', product_external_id: 'pr_1', effective_from: '2026-10-01', splits: [{ payee_external_id: 'pe_1', percentage: '100' }] };
    const refused = await call(core, 'rules.batch', { orgId: ORG, onError: 'reject', records: [rule] });
    expect(refused).toMatchObject({ ok: false, error: { detail: { issues: [{ field: 'records.0.product_external_id', message: expect.stringContaining('archived') }] } } });
    expect(await ok<ProductRow>(core, 'products.unarchive', { orgId: ORG, id: atlas.id })).toMatchObject({ archived: false });
    const saved = await batch(core, 'rules.batch', [rule]);
    expect(saved.data[0].status).toBe('created');
    expect(await call(core, 'products.archive', { orgId: ORG, id: 999 })).toMatchObject({ ok: false, error: { code: 'product_not_found' } });
  });
});

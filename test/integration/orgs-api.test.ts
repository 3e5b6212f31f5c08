import { describe, expect, it } from 'vitest';
import type { Org } from '../../src/shared/contract/orgs';
import type { ApiError } from '../../src/shared/errors';
import type { CoreHost } from '../../src/main/core/host';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Organizations as the accountant makes them: create, rename, move, change currency;
// every refusal names its field and leaves the workspace as it was.

async function callError(core: CoreHost, method: string, input: unknown): Promise<ApiError> {
  const result = await core.call(method, input, LOCAL).result;
  if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

const orgsOf = async (core: CoreHost) => (await callOk<{ orgs: Org[] }>(core, 'orgs.list', {})).orgs;
const fieldsOf = (error: ApiError) => ((error.detail as { issues?: Array<{ field: string }> }).issues ?? []).map((i) => i.field);

describe('orgs.create', () => {
  it('creates a top-level org and a child, listed parents first with their currency', async () => {
    const { core } = tempWorkspace();
    const parent = await callOk<Org>(core, 'orgs.create', { name: '  Northwind Group ', currency: 'USD' });
    expect(parent).toMatchObject({ name: 'Northwind Group', currency: 'USD', parentId: null });
    expect(parent.id).toMatch(/^[0-9a-f-]{36}$/);
    const child = await callOk<Org>(core, 'orgs.create', { name: 'Northwind EU', currency: 'EUR', parentId: parent.id });
    expect(child).toMatchObject({ parentId: parent.id, currency: 'EUR' });
    const other = await callOk<Org>(core, 'orgs.create', { name: 'Alpha Ltd', currency: 'GBP' });
    expect((await orgsOf(core)).map((o) => o.name)).toEqual(['Alpha Ltd', 'Northwind Group', 'Northwind EU']);
    expect(other.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('allows the same name under different parents, and three-digit and zero-digit currencies', async () => {
    const { core } = tempWorkspace();
    const a = await callOk<Org>(core, 'orgs.create', { name: 'A', currency: 'BHD' });
    const b = await callOk<Org>(core, 'orgs.create', { name: 'B', currency: 'JPY' });
    await callOk(core, 'orgs.create', { name: 'Sales', currency: 'BHD', parentId: a.id });
    await callOk(core, 'orgs.create', { name: 'Sales', currency: 'JPY', parentId: b.id });
    expect(await orgsOf(core)).toHaveLength(4);
  });

  it.each([
    [{ name: '', currency: 'USD' }, 'name', 'must not be empty'],
    [{ name: '   ', currency: 'USD' }, 'name', 'must not be empty'],
    [{ name: 'x'.repeat(500), currency: 'USD' }, 'name', 'at most 200 characters'],
    [{ name: 'Tab\there', currency: 'USD' }, 'name', 'control characters'],
    [{ name: 'Acme', currency: 'USX' }, 'currency', 'USX is not an ISO 4217 currency code'],
    [{ name: 'Acme', currency: 'usd' }, 'currency', 'capitals'],
    [{ name: 'Acme', currency: 'XXX' }, 'currency', 'no currency'],
    [{ name: 'Acme', currency: 'US' }, 'currency', 'three-letter ISO 4217 code'],
    [{ name: 'Acme' }, 'currency', ''],
    [{ name: 'Acme', currency: 'USD', parentId: 'no-such-org' }, 'parentId', 'no organization "no-such-org"'],
    [{ name: 'Acme', currency: 'USD', color: 'red' }, 'color', 'is not a field'],
  ])('refuses %j, naming %s, and writes nothing', async (input, field, message) => {
    const { core } = tempWorkspace();
    const error = await callError(core, 'orgs.create', input);
    expect(error).toMatchObject({ type: 'validation_error', code: 'invalid_input' });
    expect(fieldsOf(error)).toEqual([field]);
    expect(error.message).toContain(field);
    expect(error.message).toContain(message);
    expect(await orgsOf(core)).toEqual([]);
  });

  it('refuses a duplicate sibling name, whatever its case and spacing, with 409 naming the field', async () => {
    const { core } = tempWorkspace();
    const parent = await callOk<Org>(core, 'orgs.create', { name: 'Group', currency: 'USD' });
    await callOk(core, 'orgs.create', { name: 'Müller Retail', currency: 'EUR', parentId: parent.id });
    const before = await orgsOf(core);
    for (const name of ['Müller Retail', 'MÜLLER RETAIL', ' müller retail ']) {
      const error = await callError(core, 'orgs.create', { name, currency: 'EUR', parentId: parent.id });
      expect(error).toMatchObject({ type: 'conflict', code: 'org_name_taken', detail: { field: 'name' } });
      expect(error.message).toContain('"Müller Retail"');
    }
    expect(await orgsOf(core)).toEqual(before);
    const topLevel = await callError(core, 'orgs.create', { name: 'group', currency: 'USD' });
    expect(topLevel.code).toBe('org_name_taken');
  });

  it('needs write:orgs; read:orgs lists', async () => {
    const { core } = tempWorkspace();
    const reader = { name: 'reader', permissions: ['read:orgs' as const] };
    const refused = await core.call('orgs.create', { name: 'Acme', currency: 'USD' }, reader).result;
    expect(refused.ok === false && refused.error).toMatchObject({ type: 'permission_error', detail: { required: 'write:orgs' } });
    expect((await core.call('orgs.list', {}, reader).result).ok).toBe(true);
    expect(await orgsOf(core)).toEqual([]);
  });
});

describe('orgs.update', () => {
  it('renames, moves under another parent and back to the top level', async () => {
    const { core } = tempWorkspace();
    const a = await callOk<Org>(core, 'orgs.create', { name: 'A', currency: 'USD' });
    const b = await callOk<Org>(core, 'orgs.create', { name: 'B', currency: 'USD' });
    expect(await callOk<Org>(core, 'orgs.update', { id: b.id, name: 'B Europe' })).toMatchObject({ name: 'B Europe', parentId: null });
    expect(await callOk<Org>(core, 'orgs.update', { id: b.id, parentId: a.id })).toMatchObject({ parentId: a.id, name: 'B Europe' });
    expect(await callOk<Org>(core, 'orgs.update', { id: b.id, parentId: null })).toMatchObject({ parentId: null });
    expect(await callOk<Org>(core, 'orgs.update', { id: a.id, currency: 'EUR' })).toMatchObject({ currency: 'EUR' });
  });

  it('refuses a parent that would make a cycle: itself or one of its descendants', async () => {
    const { core } = tempWorkspace();
    const top = await callOk<Org>(core, 'orgs.create', { name: 'Top', currency: 'USD' });
    const mid = await callOk<Org>(core, 'orgs.create', { name: 'Mid', currency: 'USD', parentId: top.id });
    const leaf = await callOk<Org>(core, 'orgs.create', { name: 'Leaf', currency: 'USD', parentId: mid.id });
    const before = await orgsOf(core);
    for (const parentId of [top.id, mid.id, leaf.id]) {
      const error = await callError(core, 'orgs.update', { id: top.id, parentId });
      expect(error.code).toBe('invalid_input');
      expect(fieldsOf(error)).toEqual(['parentId']);
    }
    expect(await orgsOf(core)).toEqual(before);
  });

  it('refuses a rename onto a sibling name, an unknown org, and an empty change', async () => {
    const { core } = tempWorkspace();
    await callOk<Org>(core, 'orgs.create', { name: 'A', currency: 'USD' });
    const b = await callOk<Org>(core, 'orgs.create', { name: 'B', currency: 'USD' });
    expect(await callError(core, 'orgs.update', { id: b.id, name: 'a' })).toMatchObject({ code: 'org_name_taken', detail: { field: 'name' } });
    expect(await callError(core, 'orgs.update', { id: 'nope', name: 'C' })).toMatchObject({ type: 'not_found', code: 'org_not_found' });
    expect((await callError(core, 'orgs.update', { id: b.id })).message).toContain('nothing to change');
    // Renaming to its own name in another case is not a clash with itself.
    expect(await callOk<Org>(core, 'orgs.update', { id: b.id, name: 'b' })).toMatchObject({ name: 'b' });
  });

  it('refuses to change the currency of an org that holds revenues, and changes nothing else of the call', async () => {
    const { workspace, core } = tempWorkspace();
    const orgId = 'org-parent';
    seedOrgWithRevenues(workspace.db, [{ externalId: 'r1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00' }], orgId);
    const before = await orgsOf(core);
    const error = await callError(core, 'orgs.update', { id: orgId, currency: 'EUR', name: 'Renamed' });
    expect(error).toMatchObject({ type: 'conflict', code: 'org_has_money_rows', detail: { field: 'currency' } });
    expect(error.message).toContain('currency');
    expect(await orgsOf(core)).toEqual(before);
  });
});

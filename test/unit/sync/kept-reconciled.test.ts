import { describe, expect, it } from 'vitest';
import { reconciledMatcher } from '../../../src/main/sync/kept-reconciled';
import { callOk, tempWorkspace } from '../../support/temp-workspace';
import { seedOrgWithRevenues } from '../../support/seed-revenues';

// Which pulled consumption or billing record is a local record reconciled here (and so is
// not written): matched as the consumption writer matches, by license, month and resource
// (its uuid, else its name when that names one record only).

const ORG = 'org-parent';
const U1 = '11111111-1111-4111-8111-111111111111';
const U2 = '22222222-2222-4222-8222-222222222222';
const U3 = '33333333-3333-4333-8333-333333333333';

async function setup() {
  const { workspace, core } = tempWorkspace();
  const db = workspace.db;
  seedOrgWithRevenues(db, []);
  await callOk(core, 'consumption.batch', {
    orgId: ORG,
    records: [
      { license_reference: 'L1', resource_uuid: U1, resource_name: 'vm-1', billing_period: '2026-10', consumed_sell: '1.00', consumed_buy: '0.50' },
      { license_reference: 'L1', resource_name: 'vm-named', billing_period: '2026-10', consumed_sell: '1.00', consumed_buy: '0.50' },
      { license_reference: 'L2', resource_uuid: U2, resource_name: 'twin', billing_period: '2026-10', consumed_sell: '1.00', consumed_buy: '0.50' },
      { license_reference: 'L2', resource_uuid: U3, resource_name: 'twin-b', billing_period: '2026-10', consumed_sell: '1.00', consumed_buy: '0.50' },
      { license_reference: 'L3', resource_uuid: U1, resource_name: 'open', billing_period: '2026-10', consumed_sell: '1.00', consumed_buy: '0.50' },
    ],
  });
  // Two resources of one license that share a name (a batch refuses that; files written at different times can have it).
  db.prepare("UPDATE consumption_records SET resource_name = 'twin' WHERE resource_name = 'twin-b'").run();
  const idOf = (license: string, name: string) => db.prepare('SELECT id FROM consumption_records WHERE license_reference = ? AND resource_name = ? ORDER BY id').pluck().get(license, name) as number;
  db.prepare(
    `UPDATE consumption_records SET final_sell_micros = 1000000, final_buy_micros = 500000, finalized_at = '2026-11-02T00:00:00Z', is_finalized = 1,
       is_reconciled = 1, reconciled_at = '2026-11-03T00:00:00Z' WHERE license_reference IN ('L1', 'L2')`,
  ).run();
  return { db, idOf, close: () => workspace.close() };
}

describe('reconciledMatcher', () => {
  it('finds a reconciled record by its resource uuid, whatever name the server gives it now', async () => {
    const { db, idOf, close } = await setup();
    const match = reconciledMatcher(db, ORG, 'UTC', 'consumption');
    expect(match({ license_reference: 'L1', resource_uuid: U1, billing_period: '2026-10', consumed_sell: '2.00', consumed_buy: '1.00' })).toBe(idOf('L1', 'vm-1'));
    expect(match({ license_reference: 'L1', resource_uuid: U1, resource_name: 'renamed', billing_period: '2026-10', consumed_sell: '2.00', consumed_buy: '1.00' })).toBe(idOf('L1', 'vm-1'));
    // Even a name another record of the license has: the uuid decides.
    expect(match({ license_reference: 'L1', resource_uuid: U1, resource_name: 'vm-named', billing_period: '2026-10', consumed_sell: '2.00', consumed_buy: '1.00' })).toBe(idOf('L1', 'vm-1'));
    close();
  });

  it('finds one by its name when the server names it only, or gives a uuid the record never had', async () => {
    const { db, idOf, close } = await setup();
    const match = reconciledMatcher(db, ORG, 'UTC', 'consumption');
    expect(match({ license_reference: 'L1', resource_name: 'vm-named', billing_period: '2026-10', consumed_sell: '2.00', consumed_buy: '1.00' })).toBe(idOf('L1', 'vm-named'));
    expect(match({ license_reference: 'L1', resource_name: 'vm-1', billing_period: '2026-10', consumed_sell: '2.00', consumed_buy: '1.00' })).toBe(idOf('L1', 'vm-1'));
    close();
  });

  it('no match when a name names two records, the record is not reconciled, another month or license, or the fields are unreadable', async () => {
    const { db, close } = await setup();
    const match = reconciledMatcher(db, ORG, 'UTC', 'consumption');
    expect(match({ license_reference: 'L2', resource_name: 'twin', billing_period: '2026-10', consumed_sell: '2.00', consumed_buy: '1.00' })).toBeNull();
    expect(match({ license_reference: 'L3', resource_uuid: U1, billing_period: '2026-10', consumed_sell: '2.00', consumed_buy: '1.00' })).toBeNull();
    expect(match({ license_reference: 'L1', resource_uuid: U1, billing_period: '2026-11', consumed_sell: '2.00', consumed_buy: '1.00' })).toBeNull();
    expect(match({ license_reference: 'L9', resource_uuid: U1, billing_period: '2026-10', consumed_sell: '2.00', consumed_buy: '1.00' })).toBeNull();
    expect(match({ resource_uuid: U1, billing_period: '2026-10', consumed_sell: '2.00' })).toBeNull();
    close();
  });

  it('reads a billing record as billing (final amounts), not as a consumption one', async () => {
    const { db, idOf, close } = await setup();
    const billing = { license_reference: 'L1', resource_uuid: U1, billing_period: '2026-10-01', final_sell: '3.00', final_buy: '1.00' };
    expect(reconciledMatcher(db, ORG, 'UTC', 'billing')(billing)).toBe(idOf('L1', 'vm-1'));
    close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Org, PeriodInfo } from '../../src/shared/contract/orgs';
import { fails, ok, writeCsv } from './import-files-support';
import { tempWorkspace } from '../support/temp-workspace';

// A new org has no periods until data arrives: the months an import writes into become
// its periods (in progress), so the period picker offers them.

const periodsOf = async (core: Parameters<typeof ok>[0], orgId: string) => (await ok<{ periods: PeriodInfo[] }>(core, 'periods.list', { orgId })).periods;

describe('the months an import writes become periods', () => {
  it('a file across two months opens both, in progress; a later import keeps a finalized month finalized', async () => {
    const { workspace, core, dir } = tempWorkspace();
    const org = await ok<Org>(core, 'orgs.create', { name: 'New Co', currency: 'USD' });
    expect(await periodsOf(core, org.id)).toEqual([]);
    const path = writeCsv(dir, 'two-months.csv', ['external_id,kind,occurred_at,amount,currency', 'a,sale,2026-10-30,10.00,USD', 'b,sale,2026-11-02,5.00,USD']);
    await ok(core, 'imports.commit', { orgId: org.id, entity: 'revenues', path });
    expect(await periodsOf(core, org.id)).toEqual([
      { period: '2026-11', status: 'in_progress', finalizedAt: null },
      { period: '2026-10', status: 'in_progress', finalizedAt: null },
    ]);
    workspace.db.prepare("UPDATE periods SET status = 'finalized', finalized_at = '2026-11-05T00:00:00Z' WHERE org_id = ? AND period = '2026-10'").run(org.id);
    await ok(core, 'revenues.batch', { orgId: org.id, records: [{ external_id: 'c', occurred_at: '2026-12-01T10:00:00Z', amount: '1.00', currency: 'USD' }] });
    expect((await periodsOf(core, org.id)).map((p) => [p.period, p.status])).toEqual([
      ['2026-12', 'in_progress'],
      ['2026-11', 'in_progress'],
      ['2026-10', 'finalized'],
    ]);
  });

  it('a rejected import opens no month', async () => {
    const { core, dir } = tempWorkspace();
    const org = await ok<Org>(core, 'orgs.create', { name: 'New Co', currency: 'USD' });
    const path = writeCsv(dir, 'bad.csv', ['external_id,kind,occurred_at,amount,currency', 'a,sale,2026-10-30,10.00,USD', 'b,sale,2026-11-02,ten,USD']);
    const result = await ok<{ status: string }>(core, 'imports.commit', { orgId: org.id, entity: 'revenues', path, onError: 'reject' });
    expect(result.status).toBe('rejected');
    expect(await periodsOf(core, org.id)).toEqual([]);
    expect((await fails(core, 'periods.list', { orgId: 'nope' })).code).toBe('org_not_found');
  });
});

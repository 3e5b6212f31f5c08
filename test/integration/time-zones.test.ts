import { describe, expect, it } from 'vitest';
import type { Org } from '../../src/shared/contract/orgs';
import type { ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import type { CoreHost } from '../../src/main/core/host';
import type { Database } from '../../src/main/db/driver';
import { fails, ok, writeCsv } from './import-files-support';
import { tempWorkspace } from '../support/temp-workspace';

// Times keep their zone: an instant is stored in UTC whatever zone the file wrote it in,
// and a revenue's period is the month of that instant on the org's clock.

async function orgIn(core: CoreHost, timeZone: string): Promise<Org> {
  return ok<Org>(core, 'orgs.create', { name: `Org ${timeZone}`, currency: 'USD', timeZone });
}

function stored(db: Database.Database, orgId: string) {
  return db.prepare('SELECT external_id AS id, occurred_at AS at, period FROM revenues WHERE org_id = ? ORDER BY id').all(orgId) as Array<{ id: string; at: string; period: string }>;
}

async function createRevenues(core: CoreHost, orgId: string, records: Array<{ id: string; at: string }>) {
  const records_ = records.map((r) => ({ external_id: r.id, occurred_at: r.at, amount: '10.00', currency: 'USD' }));
  const result = await ok<{ meta: { created: number } }>(core, 'revenues.batch', { orgId, records: records_ });
  expect(result.meta.created).toBe(records.length);
}

describe('periods follow the org’s time zone', () => {
  // 23:30 on 31 October in Los Angeles is 06:30 on 1 November in UTC and 19:30 in Auckland.
  const LATE_OCTOBER_LA = '2026-10-31T23:30:00-07:00';

  it.each([
    ['UTC', '2026-11'],
    ['America/Los_Angeles', '2026-10'],
    ['Pacific/Auckland', '2026-11'],
  ])('an instant near a month end belongs to the month of the org’s clock (%s -> %s)', async (zone, period) => {
    const { workspace, core } = tempWorkspace();
    const org = await orgIn(core, zone);
    await createRevenues(core, org.id, [{ id: 'r1', at: LATE_OCTOBER_LA }]);
    expect(stored(workspace.db, org.id)).toEqual([{ id: 'r1', at: '2026-11-01T06:30:00Z', period }]);
  });

  it('a time or a date without a zone is read on the org’s clock', async () => {
    const { workspace, core } = tempWorkspace();
    const org = await orgIn(core, 'America/Los_Angeles');
    await createRevenues(core, org.id, [
      { id: 'a', at: '2026-10-31T23:30:00' },
      { id: 'b', at: '2026-11-01' },
      { id: 'c', at: '2026-10-31T23:30:00Z' },
    ]);
    expect(stored(workspace.db, org.id)).toEqual([
      { id: 'a', at: '2026-11-01T06:30:00Z', period: '2026-10' },
      { id: 'b', at: '2026-11-01T07:00:00Z', period: '2026-11' },
      { id: 'c', at: '2026-10-31T23:30:00Z', period: '2026-10' },
    ]);
  });

  it('cut-off around a daylight-saving change on the last day of a month (Auckland, 30 September 2029)', async () => {
    const { workspace, core } = tempWorkspace();
    const org = await orgIn(core, 'Pacific/Auckland');
    await createRevenues(core, org.id, [
      // Clocks go from 02:00 to 03:00: 02:30 does not exist and is read as 03:30 NZDT.
      { id: 'gap', at: '2029-09-30T02:30:00' },
      { id: 'last-second', at: '2029-09-30T23:59:59' },
      { id: 'first-second', at: '2029-10-01T00:00:00' },
      { id: 'utc-late', at: '2029-09-30T11:30:00Z' },
    ]);
    expect(stored(workspace.db, org.id)).toEqual([
      { id: 'first-second', at: '2029-09-30T11:00:00Z', period: '2029-10' },
      { id: 'gap', at: '2029-09-29T14:30:00Z', period: '2029-09' },
      { id: 'last-second', at: '2029-09-30T10:59:59Z', period: '2029-09' },
      { id: 'utc-late', at: '2029-09-30T11:30:00Z', period: '2029-10' },
    ]);
  });

  it('cut-off in Los Angeles when the clocks fall back (1 November 2026, 01:30 happens twice: the first is taken)', async () => {
    const { workspace, core } = tempWorkspace();
    const org = await orgIn(core, 'America/Los_Angeles');
    await createRevenues(core, org.id, [
      { id: 'x', at: '2026-11-01T01:30:00' },
      { id: 'y', at: '2026-10-31T23:59:59' },
    ]);
    expect(stored(workspace.db, org.id)).toEqual([
      { id: 'x', at: '2026-11-01T08:30:00Z', period: '2026-11' },
      { id: 'y', at: '2026-11-01T06:59:59Z', period: '2026-10' },
    ]);
  });
});

describe('files with a date, a time and a zone', () => {
  const PAYPAL_HEADER = '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address","Transaction ID","Reference Txn ID","Item Title"';
  const row = (date: string, time: string, zone: string, id: string) => `"${date}","${time}","${zone}","Ada","Website Payment","Completed","USD","10.00","-0.50","9.50","a@example.com","${id}","","Item"`;

  it('stores each row at its own instant, zone by zone, and periods on the org’s clock', async () => {
    const { workspace, core, dir } = tempWorkspace();
    const la = await orgIn(core, 'America/Los_Angeles');
    const utc = await orgIn(core, 'UTC');
    const path = writeCsv(dir, 'activity.csv', [
      PAYPAL_HEADER,
      row('10/01/2026', '13:57:10', 'PST', 'T1'),
      row('10/31/2026', '23:30:00', 'PDT', 'T2'),
      row('10/31/2026', '23:30:00', '+0200', 'T3'),
      row('10/31/2026', '23:30:00', 'Europe/Berlin', 'T4'),
    ]);
    for (const org of [la, utc]) {
      const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: org.id, entity: 'revenues', path, profile: 'PayPal activity download', onError: 'reject' });
      expect(result.status).toBe('committed');
    }
    const at = ['2026-10-01T21:57:10Z', '2026-11-01T06:30:00Z', '2026-10-31T21:30:00Z', '2026-10-31T22:30:00Z'];
    expect(stored(workspace.db, la.id).map((r) => [r.id, r.at, r.period])).toEqual([
      ['T1', at[0], '2026-10'],
      ['T2', at[1], '2026-10'],
      ['T3', at[2], '2026-10'],
      ['T4', at[3], '2026-10'],
    ]);
    expect(stored(workspace.db, utc.id).map((r) => [r.id, r.at, r.period])).toEqual([
      ['T1', at[0], '2026-10'],
      ['T2', at[1], '2026-11'],
      ['T3', at[2], '2026-10'],
      ['T4', at[3], '2026-10'],
    ]);
  });

  it('a zone that does not exist is the row’s error, naming the zone column; the rest lands with "skip"', async () => {
    const { workspace, core, dir } = tempWorkspace();
    const org = await orgIn(core, 'UTC');
    const path = writeCsv(dir, 'bad-zone.csv', [PAYPAL_HEADER, row('10/02/2026', '10:00:00', 'PST8PDX', 'B1'), row('10/02/2026', '10:00:00', 'PDT', 'B2')]);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: org.id, entity: 'revenues', path, profile: 'PayPal activity download', onError: 'skip' });
    expect(result.problems).toEqual([{ rowNumber: 2, column: 'TimeZone', message: expect.stringContaining('"PST8PDX" is not a time zone') }]);
    expect(stored(workspace.db, org.id).map((r) => r.id)).toEqual(['B2']);
  });

  it('a time without a zone is read on the org’s clock, and the preview says so', async () => {
    const { workspace, core, dir } = tempWorkspace();
    const org = await orgIn(core, 'America/Los_Angeles');
    const path = writeCsv(dir, 'local.csv', ['external_id,occurred_at,at_time,amount,currency', 'L1,2026-10-31,23:30,5.00,USD']);
    const mapping = { columns: { external_id: 'external_id', occurred_at: 'occurred_at', amount: 'amount', currency: 'currency' }, constants: { kind: 'sale' }, timeColumn: 'at_time' };
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', { orgId: org.id, entity: 'revenues', path, mapping });
    expect(inspection.notes).toEqual([expect.stringContaining("read on the organization's clock (America/Los_Angeles)")]);
    expect(inspection.preview[0].record?.occurred_at).toBe('2026-11-01T06:30:00Z');
    await ok(core, 'imports.commit', { orgId: org.id, entity: 'revenues', path, mapping });
    expect(stored(workspace.db, org.id)).toEqual([{ id: 'L1', at: '2026-11-01T06:30:00Z', period: '2026-10' }]);

    // The mapping can name the file's zone instead.
    const berlin = await ok<ImportInspection>(core, 'imports.inspect', { orgId: org.id, entity: 'revenues', path, mapping: { ...mapping, timeZone: 'Europe/Berlin' } });
    expect(berlin.notes).toEqual([]);
    expect(berlin.preview[0].record?.occurred_at).toBe('2026-10-31T22:30:00Z');
  });

  it('refuses a mapping zone that does not exist, naming the field', async () => {
    const { core, dir } = tempWorkspace();
    const org = await orgIn(core, 'UTC');
    const path = writeCsv(dir, 'x.csv', ['external_id,occurred_at,amount,currency', 'X1,2026-10-31,5.00,USD']);
    const error = await fails(core, 'imports.inspect', { orgId: org.id, entity: 'revenues', path, mapping: { timeZone: 'PST8PDX' } });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('mapping.timeZone');
    expect(error.message).toContain('"PST8PDX" is not a time zone');
  });
});

describe('the org’s time-zone setting', () => {
  it('re-derives every revenue’s period in one go when no month is finalized', async () => {
    const { workspace, core } = tempWorkspace();
    const org = await orgIn(core, 'UTC');
    await createRevenues(core, org.id, [
      { id: 'edge', at: '2026-11-01T06:30:00Z' },
      { id: 'mid', at: '2026-11-15T12:00:00Z' },
    ]);
    expect(stored(workspace.db, org.id).map((r) => r.period)).toEqual(['2026-11', '2026-11']);
    const updated = await ok<Org>(core, 'orgs.update', { id: org.id, timeZone: 'america/los_angeles' });
    expect(updated.timeZone).toBe('America/Los_Angeles');
    expect(stored(workspace.db, org.id).map((r) => [r.id, r.period])).toEqual([
      ['edge', '2026-10'],
      ['mid', '2026-11'],
    ]);
  });

  it('is refused while a month is finalized, and refused for a zone that does not exist; nothing changes', async () => {
    const { workspace, core } = tempWorkspace();
    const org = await orgIn(core, 'UTC');
    await createRevenues(core, org.id, [{ id: 'edge', at: '2026-11-01T06:30:00Z' }]);
    workspace.db.prepare("INSERT INTO periods VALUES (?, '2026-09', 'finalized', '2026-10-05T00:00:00Z')").run(org.id);
    const locked = await fails(core, 'orgs.update', { id: org.id, timeZone: 'America/Los_Angeles' });
    expect(locked).toMatchObject({ type: 'conflict', code: 'periods_finalized', detail: { field: 'timeZone', finalized: ['2026-09'] } });
    const unknown = await fails(core, 'orgs.update', { id: org.id, timeZone: 'PST8PDX' });
    expect(unknown).toMatchObject({ code: 'invalid_input', detail: { issues: [{ field: 'timeZone' }] } });
    expect(stored(workspace.db, org.id)).toEqual([{ id: 'edge', at: '2026-11-01T06:30:00Z', period: '2026-11' }]);
    expect((await ok<{ orgs: Org[] }>(core, 'orgs.list', {})).orgs[0].timeZone).toBe('UTC');
  });

  it('an org without revenues changes zone even with finalized months', async () => {
    const { workspace, core } = tempWorkspace();
    const org = await orgIn(core, 'UTC');
    workspace.db.prepare("INSERT INTO periods VALUES (?, '2026-09', 'finalized', '2026-10-05T00:00:00Z')").run(org.id);
    expect((await ok<Org>(core, 'orgs.update', { id: org.id, timeZone: 'Pacific/Auckland' })).timeZone).toBe('Pacific/Auckland');
  });
});

describe('the revenues grid reads days on the org’s clock', () => {
  it.each([
    ['America/Los_Angeles', ['in-late']],
    ['Pacific/Auckland', ['utc-morning', 'in-early']],
    ['UTC', ['utc-morning', 'in-early']],
  ])('a date filter on %s takes the rows of that local day', async (zone, expected) => {
    const { core } = tempWorkspace();
    const org = await orgIn(core, zone);
    await createRevenues(core, org.id, [
      { id: 'utc-morning', at: '2026-10-30T12:00:00Z' }, // 31 Oct 01:00 in Auckland; 30 Oct in LA
      { id: 'in-early', at: '2026-10-30T23:30:00Z' }, // 30 Oct 16:30 in LA; 31 Oct 12:30 in Auckland
      { id: 'in-late', at: '2026-11-01T06:30:00.500Z' }, // 31 Oct 23:30 in LA
    ]);
    const page = await ok<{ rows: Array<{ externalId: string }> }>(core, 'revenues.list', {
      orgId: org.id,
      period: null,
      startRow: 0,
      endRow: 10,
      sortModel: [{ colId: 'occurredAt', sort: 'asc' }],
      filterModel: { occurredAt: { filterType: 'date', type: 'equals', dateFrom: zone === 'UTC' ? '2026-10-30 00:00:00' : '2026-10-31 00:00:00' } },
    });
    expect(page.rows.map((r) => r.externalId)).toEqual(expected);
  });
});

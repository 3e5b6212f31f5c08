import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Issue 16, item 13: CSV that Excel reads right. UTF-8 with a BOM unless turned off, dates
// as YYYY-MM-DD HH:MM:SS on the org's clock with the zone in the heading, kinds as the
// screen labels them, amounts exact and plain.

function setup() {
  const { workspace, core, dir } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-11-10T15:00:00Z', amount: '1234.5', payee: 'Müller' },
    { externalId: 're_1', kind: 'refund', occurredAt: '2026-12-01T03:17:06Z', amount: '-0.125', payee: 'Müller', refundOf: 'ch_1' },
  ]);
  // 03:17 UTC on 1 December is 22:17 on 30 November in New York (the period stays as seeded: the CHECK allows it).
  workspace.db.prepare("UPDATE orgs SET time_zone = 'America/New_York' WHERE id = 'org-parent'").run();
  return { core, dir };
}

const columns = ['externalId', 'occurredAt', 'kind', 'payeeName', 'amount'];

describe('revenues.export writes CSV that Excel reads right', () => {
  it('starts with a BOM, writes dates on the org clock with the zone in the heading, kinds by label, exact amounts', async () => {
    const { core, dir } = setup();
    const path = join(dir, 'out.csv');
    await callOk(core, 'revenues.export', { orgId: 'org-parent', columns, sortModel: [{ colId: 'occurredAt', sort: 'asc' }], path });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'External ID,Date (America/New_York),Kind,Payee,Amount\r\n' +
        'ch_1,2026-11-10 10:00:00,Sale,Müller,1234.50\r\n' +
        're_1,2026-11-30 22:17:06,Refund,Müller,-0.125\r\n',
    );
  });

  it('leaves the BOM out when asked', async () => {
    const { core, dir } = setup();
    const path = join(dir, 'plain.csv');
    await callOk(core, 'revenues.export', { orgId: 'org-parent', columns: ['payeeName'], path, bom: false });
    expect(readFileSync(path).toString('utf8')).toBe('Payee\r\nMüller\r\nMüller\r\n');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '../../src/shared/contract/orgs';
import type { PayoutGroup, PayoutRun } from '../../src/shared/contract/payouts';
import { decimalToMicros } from '../../src/shared/money';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../src/main/core/in-process';
import type { CoreHost } from '../../src/main/core/host';
import { openWorkspace, type Workspace } from '../../src/main/db/workspace';
import { createDemoWorkspace } from '../../src/main/demo/create';

// payouts.group: a parent's month with every org below it, read from the stored runs. The
// totals per currency must be the orgs' own totals added exactly, every line must be one of
// its org's lines, and an org whose month was not run must be named, not left out silently.

const PERIOD = '2026-10';
let dir: string;
let core: CoreHost;
let workspace: Workspace;
let parent: Org;
let children: Org[];

async function call<T>(method: string, input: object): Promise<T> {
  const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'closebook-payouts-group-'));
  const { path } = createDemoWorkspace(join(dir, 'demo.closebook'), { revenues: 6_000, endPeriod: '2026-11' });
  workspace = openWorkspace(path, { create: false });
  core = inProcessCore(workspace);
  const orgs = (await call<{ orgs: Org[] }>('orgs.list', {})).orgs;
  parent = orgs.find((o) => o.parentId === null)!;
  children = orgs.filter((o) => o.parentId === parent.id);
  expect(children.length).toBeGreaterThanOrEqual(2);
});
afterAll(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('payouts.group', () => {
  it('before any run: every org is listed as not run, with no figures', async () => {
    const group = await call<PayoutGroup>('payouts.group', { orgId: parent.id, period: PERIOD });
    expect(group.orgs.map((o) => o.orgId).sort()).toEqual([parent.id, ...children.map((c) => c.id)].sort());
    expect(group.orgs.every((o) => o.status === 'not_run' && o.ranAt === null)).toBe(true);
    expect(group.currencies).toEqual([]);
    expect(group.payees).toEqual([]);
  });

  it("adds the runs' totals exactly per currency, keeps each org's lines, and names the org not run", async () => {
    const runs = new Map<string, PayoutRun>();
    for (const org of [parent, children[0]]) runs.set(org.id, await call<PayoutRun>('payouts.run', { orgId: org.id, period: PERIOD }));
    const group = await call<PayoutGroup>('payouts.group', { orgId: parent.id, period: PERIOD });

    const status = Object.fromEntries(group.orgs.map((o) => [o.orgId, o.status]));
    expect(status[parent.id]).toBe('run');
    expect(status[children[0].id]).toBe('run');
    expect(status[children[1].id]).toBe('not_run');
    expect(group.orgs.find((o) => o.orgId === children[0].id)?.revenueCount).toBe(runs.get(children[0].id)!.revenueCount);

    const expected = new Map<string, { revenue: bigint; allocated: bigint; unallocated: bigint }>();
    for (const run of runs.values()) {
      for (const c of run.currencies) {
        const sum = expected.get(c.currency) ?? { revenue: 0n, allocated: 0n, unallocated: 0n };
        sum.revenue += decimalToMicros(c.revenue);
        sum.allocated += decimalToMicros(c.allocated);
        sum.unallocated += decimalToMicros(c.unallocated);
        expected.set(c.currency, sum);
      }
    }
    expect(group.currencies.map((c) => c.currency)).toEqual([...expected.keys()].sort());
    for (const c of group.currencies) {
      const sum = expected.get(c.currency)!;
      expect([decimalToMicros(c.revenue), decimalToMicros(c.allocated), decimalToMicros(c.unallocated)], c.currency).toEqual([sum.revenue, sum.allocated, sum.unallocated]);
    }

    for (const [orgId, run] of runs) {
      const lines = group.payees.filter((l) => l.orgId === orgId).map(({ orgId: _org, orgName: _name, ...line }) => line);
      expect(lines).toEqual(run.payees);
    }
    expect(group.payees.length).toBe([...runs.values()].reduce((n, run) => n + run.payees.length, 0));
    expect(new Set(group.payees.map((l) => l.orgName))).toEqual(new Set([parent.name, children[0].name]));
  });

  it("a child's view holds only the child (and what is below it)", async () => {
    const group = await call<PayoutGroup>('payouts.group', { orgId: children[0].id, period: PERIOD });
    expect(group.orgs.map((o) => o.orgId)).toEqual([children[0].id]);
    expect(group.payees.every((l) => l.orgId === children[0].id)).toBe(true);
  });

  it('refuses an unknown org (404) and a malformed period (400 naming it)', async () => {
    const unknown = await core.call('payouts.group', { orgId: 'no-such-org', period: PERIOD }, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.type).toBe('not_found');
    const badPeriod = await core.call('payouts.group', { orgId: parent.id, period: '2026-13' }, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(badPeriod.ok).toBe(false);
    if (!badPeriod.ok) expect(JSON.stringify(badPeriod.error)).toContain('period');
  });
});

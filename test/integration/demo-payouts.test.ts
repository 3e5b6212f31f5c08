import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '../../src/shared/contract/orgs';
import type { PayeeRow } from '../../src/shared/contract/payees';
import type { PayoutRun } from '../../src/shared/contract/payouts';
import type { ProductRow } from '../../src/shared/contract/products';
import type { RuleConflicts, RuleRow, RuleVersion } from '../../src/shared/contract/rules';
import { isKnownCurrency } from '../../src/shared/currency';
import { decimalToMicros } from '../../src/shared/money';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../src/main/core/in-process';
import type { CoreHost } from '../../src/main/core/host';
import { openWorkspace, type Workspace } from '../../src/main/db/workspace';
import { createDemoWorkspace } from '../../src/main/demo/create';

// The demo as the Payees, Products, Rules and Payouts screens show it: the edge cases a
// month-end review meets (holds with reasons, minimum payouts missed, unallocated revenue,
// products archived mid-year, rules whose split changed) are there, and a run succeeds.

const END = '2026-11';
let dir: string;
let core: CoreHost;
let workspace: Workspace;
let orgs: Org[];

async function call<T>(method: string, input: object): Promise<T> {
  const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const page = { startRow: 0, endRow: 1000 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'closebook-demo-payouts-'));
  const { path } = createDemoWorkspace(join(dir, 'demo.closebook'), { revenues: 10_000, endPeriod: END });
  workspace = openWorkspace(path, { create: false });
  core = inProcessCore(workspace);
  orgs = (await call<{ orgs: Org[] }>('orgs.list', {})).orgs;
});
afterAll(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo payees, products and rules', () => {
  it('payees have contact details and known payout currencies; every payee on hold says why, and only they do', async () => {
    let abroad = 0;
    let held = 0;
    for (const org of orgs) {
      const { rows } = await call<{ rows: PayeeRow[] }>('payees.list', { orgId: org.id, ...page });
      for (const p of rows) {
        expect(p.phone).toMatch(/^\+\d/);
        expect(p.address).toContain('\n');
        expect(isKnownCurrency(p.payoutCurrency!), `${p.name}: ${p.payoutCurrency}`).toBe(true);
        if (p.payoutCurrency !== org.currency) abroad++;
        expect(p.holdReason !== null, `${p.name}: on hold ${p.onHold}, reason ${p.holdReason}`).toBe(p.onHold);
        if (p.onHold) held++;
      }
    }
    expect(abroad).toBeGreaterThan(0);
    expect(held).toBeGreaterThanOrEqual(orgs.length);
  });

  it('archived products were archived mid-year and sell nothing from that month on', async () => {
    const sales = workspace.db.prepare("SELECT min(period) AS first, max(period) AS last FROM revenues WHERE product_id = ? AND kind = 'sale'");
    let archived = 0;
    for (const org of orgs) {
      const { rows } = await call<{ rows: ProductRow[] }>('products.list', { orgId: org.id, filterModel: { archived: { filterType: 'set', values: ['archived'] } }, ...page });
      for (const product of rows) {
        archived++;
        const month = product.updatedAt.slice(0, 7);
        expect(month > '2025-12' && month < END, `${product.name} archived in ${month}`).toBe(true);
        const { last } = sales.get(product.id) as { first: string | null; last: string | null };
        if (last !== null) expect(last < month, `${product.name} sold in ${last}, archived in ${month}`).toBe(true);
      }
    }
    expect(archived).toBeGreaterThanOrEqual(orgs.length);
  });

  it('rules cover product, category, tag and org scopes; some changed their split mid-year as a new version; no month has a conflict', async () => {
    for (const org of orgs) {
      const { rows } = await call<{ rows: RuleRow[] }>('rules.list', { orgId: org.id, ...page });
      expect(new Set(rows.filter((r) => r.status === 'active').map((r) => r.scope))).toEqual(new Set(['product', 'category', 'tag', 'org']));
      expect(rows.some((r) => r.status === 'draft') && rows.some((r) => r.status === 'inactive')).toBe(true);
      const versioned = rows.filter((r) => r.version > 1);
      expect(versioned.length).toBeGreaterThanOrEqual(2);
      const { versions } = await call<{ versions: RuleVersion[] }>('rules.versions', { ruleId: versioned[0].id });
      expect(versions[0].changes).toEqual(expect.arrayContaining(['splits', 'effective_from']));
      expect(versions[0].state.splits).not.toEqual(versions[versions.length - 1].state.splits);
      expect(versions[0].state.effectiveFrom > versions[versions.length - 1].state.effectiveFrom).toBe(true);
      for (const period of ['2026-01', '2026-06', '2026-10', END]) {
        const { conflicts } = await call<RuleConflicts>('rules.conflicts', { orgId: org.id, period });
        expect(conflicts, `${org.name} ${period}`).toEqual([]);
      }
    }
  });
});

describe('a payout run over a demo month', () => {
  it('succeeds for every org, ties out per currency, and shows holds, missed minimums and unallocated revenue', async () => {
    const lines: PayoutRun['payees'] = [];
    let unallocated = 0n;
    for (const org of orgs) {
      const run = await call<PayoutRun>('payouts.run', { orgId: org.id, period: '2026-10' });
      for (const c of run.currencies) {
        expect(decimalToMicros(c.allocated) + decimalToMicros(c.unallocated), `${org.name} ${c.currency}`).toBe(decimalToMicros(c.revenue));
        unallocated += decimalToMicros(c.unallocated);
      }
      lines.push(...run.payees);
    }
    const held = lines.filter((l) => decimalToMicros(l.held) > 0n);
    const below = lines.filter((l) => decimalToMicros(l.belowThreshold) > 0n);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((l) => l.reason !== null)).toBe(true);
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((l) => l.reason !== null)).toBe(true);
    expect(lines.some((l) => decimalToMicros(l.payable) > 0n)).toBe(true);
    expect(unallocated > 0n).toBe(true);
  });
});

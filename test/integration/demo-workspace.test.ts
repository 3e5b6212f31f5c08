import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org, PeriodInfo } from '../../src/shared/contract/orgs';
import type { RevenueRow } from '../../src/shared/contract/revenues';
import { decimalToMicros } from '../../src/shared/money';
import { periodOfDate } from '../../src/shared/period';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../src/main/core/in-process';
import type { CoreHost } from '../../src/main/core/host';
import { openWorkspace } from '../../src/main/db/workspace';
import { createDemoWorkspace, type DemoOptions } from '../../src/main/demo/create';
import { DemoError } from '../../src/main/demo/demo-error';
import { digestWorkspaceData } from '../../src/main/demo/digest';

const REVENUES = 5_000;
const END = '2026-11';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'closebook-demo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function demo(options: DemoOptions = {}) {
  const path = join(dir, `demo-${++fileCount}.closebook`);
  return createDemoWorkspace(path, { revenues: REVENUES, endPeriod: END, ...options });
}

function digestOf(path: string): string {
  const workspace = openWorkspace(path, { create: false });
  try {
    return digestWorkspaceData(workspace.db);
  } finally {
    workspace.close();
  }
}

async function call<T>(core: CoreHost, method: string, input: object): Promise<T> {
  const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Every revenue row of an org through the grid API, a page of 1,000 at a time. */
async function allRows(core: CoreHost, orgId: string): Promise<RevenueRow[]> {
  const rows: RevenueRow[] = [];
  for (let startRow = 0; ; startRow += 1000) {
    const page = await call<{ rows: RevenueRow[]; rowCount: number }>(core, 'revenues.list', {
      orgId,
      startRow,
      endRow: startRow + 1000,
      sortModel: [{ colId: 'occurredAt', sort: 'asc' }],
    });
    rows.push(...page.rows);
    if (rows.length >= page.rowCount) return rows;
  }
}

describe('createDemoWorkspace, checked through the API', () => {
  let path: string;
  let core: CoreHost;
  let orgs: Org[];

  beforeAll(async () => {
    const summary = demo();
    path = summary.path;
    expect(summary).toMatchObject({ orgs: 3, payees: 60, products: 300, revenues: REVENUES });
    core = inProcessCore(openWorkspace(path, { create: false }));
    orgs = (await call<{ orgs: Org[] }>(core, 'orgs.list', {})).orgs;
  });
  afterAll(() => core?.close());

  it('holds one parent org and two child orgs', () => {
    expect(orgs).toHaveLength(3);
    const parents = orgs.filter((o) => o.parentId === null);
    expect(parents).toHaveLength(1);
    expect(orgs.filter((o) => o.parentId === parents[0].id)).toHaveLength(2);
  });

  it('has 12 periods per org: the end month and the one before it in progress, older ones finalized', async () => {
    for (const org of orgs) {
      const { periods } = await call<{ periods: PeriodInfo[] }>(core, 'periods.list', { orgId: org.id });
      expect(periods.map((p) => p.period)).toEqual(['2026-11', '2026-10', '2026-09', '2026-08', '2026-07', '2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01', '2025-12']);
      expect(periods.slice(0, 2).every((p) => p.status === 'in_progress' && p.finalizedAt === null)).toBe(true);
      expect(periods.slice(2).every((p) => p.status === 'finalized' && p.finalizedAt !== null)).toBe(true);
    }
  });

  it('has all three kinds, and every refund reverses an earlier sale of its own org by no more than the sale', async () => {
    const kinds = new Set<string>();
    let refunds = 0;
    let total = 0;
    for (const org of orgs) {
      const rows = await allRows(core, org.id);
      total += rows.length;
      const sales = new Map(rows.filter((r) => r.kind === 'sale').map((r) => [r.externalId, r]));
      for (const row of rows) {
        kinds.add(row.kind);
        if (row.kind !== 'refund') continue;
        refunds++;
        const sale = sales.get(row.refundOf);
        expect(sale, `${row.externalId} refunds ${row.refundOf}, which is no sale of org ${org.id}`).toBeDefined();
        expect(sale!.occurredAt < row.occurredAt).toBe(true);
        expect(row.currency).toBe(sale!.currency);
        const refund = decimalToMicros(row.amount);
        expect(refund < 0n && -refund <= decimalToMicros(sale!.amount)).toBe(true);
      }
    }
    expect(total).toBe(REVENUES);
    expect([...kinds].sort()).toEqual(['adjustment', 'refund', 'sale']);
    expect(refunds).toBeGreaterThan(0);
  });

  it('ties out: revenues.summary totals equal the BigInt sum of amount_micros, to the last micro-unit', async () => {
    const fromApi = new Map<string, bigint>();
    let rowCount = 0;
    for (const org of orgs) {
      const summary = await call<{ rowCount: number; totals: Array<{ currency: string; amount: string }> }>(core, 'revenues.summary', { orgId: org.id });
      rowCount += summary.rowCount;
      for (const t of summary.totals) fromApi.set(t.currency, (fromApi.get(t.currency) ?? 0n) + decimalToMicros(t.amount));
    }
    expect(rowCount).toBe(REVENUES);
    expect([...fromApi.keys()].sort()).toEqual(['EUR', 'GBP', 'USD']);

    // Independently: every row's integer read exactly (safeIntegers) and added as BigInt.
    const workspace = openWorkspace(path, { create: false });
    try {
      const fromRows = new Map<string, bigint>();
      const statement = workspace.db.prepare('SELECT currency, amount_micros FROM revenues').raw(true).safeIntegers(true);
      for (const [currency, micros] of statement.iterate() as Iterable<[string, bigint]>) fromRows.set(currency, (fromRows.get(currency) ?? 0n) + micros);
      expect(fromApi).toEqual(fromRows);
      const grand = workspace.db.prepare('SELECT sum(amount_micros) FROM revenues').pluck().safeIntegers(true).get() as bigint;
      expect([...fromApi.values()].reduce((a, b) => a + b, 0n)).toBe(grand);
      // Sub-cent amounts are in there, so a float sum or a cents column would not tie out.
      expect(workspace.db.prepare('SELECT count(*) FROM revenues WHERE amount_micros % 10000 <> 0').pluck().get()).toBeGreaterThan(0);
    } finally {
      workspace.close();
    }
  });

  it('leaves the schema exactly as the migrations made it (indexes rebuilt from their own SQL)', () => {
    const fresh = join(dir, 'fresh.closebook');
    openWorkspace(fresh).close();
    const schemaOf = (file: string) => {
      const workspace = openWorkspace(file, { create: false });
      try {
        return workspace.db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
      } finally {
        workspace.close();
      }
    };
    expect(schemaOf(path)).toEqual(schemaOf(fresh));
  });
});

describe('createDemoWorkspace: determinism', () => {
  it('gives byte-identical data for the same seed and end period, and different data otherwise', () => {
    const a = digestOf(demo({ seed: 7 }).path);
    expect(digestOf(demo({ seed: 7 }).path)).toBe(a);
    expect(digestOf(demo({ seed: 8 }).path)).not.toBe(a);
    expect(digestOf(demo({ seed: 7, endPeriod: '2026-10' }).path)).not.toBe(a);
  });
});

describe('createDemoWorkspace: refusals and defaults', () => {
  it('refuses an existing non-empty file, names it, and leaves it untouched', () => {
    const path = join(dir, 'notes.closebook');
    writeFileSync(path, 'my notes');
    expect(() => createDemoWorkspace(path, { revenues: 10 })).toThrow(expect.objectContaining({ code: 'demo_workspace_not_empty', message: expect.stringContaining(path) }));
    expect(readFileSync(path, 'utf8')).toBe('my notes');
    const full = demo({ revenues: 10 }).path;
    expect(() => createDemoWorkspace(full, { revenues: 10 })).toThrow(DemoError);
  });

  it('fills an existing empty file', () => {
    const path = join(dir, 'empty.closebook');
    writeFileSync(path, '');
    expect(createDemoWorkspace(path, { revenues: 10, endPeriod: END }).revenues).toBe(10);
    expect(statSync(path).size).toBeGreaterThan(0);
  });

  it('refuses bad options before touching the disk', () => {
    const path = join(dir, 'never.closebook');
    for (const options of [{ revenues: -1 }, { revenues: 1.5 }, { seed: -3 }, { endPeriod: '2026-13' }, { endPeriod: 'November' }]) {
      expect(() => createDemoWorkspace(path, options)).toThrow(expect.objectContaining({ code: 'demo_invalid_option' }));
    }
    expect(existsSync(path)).toBe(false);
  });

  it('removes the file it was creating when generation fails half way', () => {
    const path = join(dir, 'failed.closebook');
    const stop = () => {
      throw new Error('stopped by the test');
    };
    expect(() => createDemoWorkspace(path, { revenues: 50_000, endPeriod: END, onProgress: (done) => done >= 20_000 && stop() })).toThrow('stopped by the test');
    expect(['', '-wal', '-shm'].some((suffix) => existsSync(path + suffix))).toBe(false);
  });

  it('ends with the current UTC month by default and reports progress up to the total', () => {
    const seen: number[] = [];
    const { path } = createDemoWorkspace(join(dir, 'default.closebook'), { revenues: 25_000, onProgress: (done, total) => seen.push(done / total) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    const workspace = openWorkspace(path, { create: false });
    try {
      expect(workspace.db.prepare('SELECT max(period) FROM periods').pluck().get()).toBe(periodOfDate(new Date()));
      expect(workspace.name).toMatch(/\(demo\)$/);
    } finally {
      workspace.close();
    }
  });
});

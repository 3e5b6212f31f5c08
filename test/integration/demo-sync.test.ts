import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '../../src/shared/contract/orgs';
import type { ReportJson } from '../../src/shared/contract/reports';
import type { ServerReportResult } from '../../src/shared/contract/server-reports';
import type { StatementDetail, StatementPage } from '../../src/shared/contract/statements';
import type { SyncConflict, SyncConnection, SyncCounts, SyncRun, SyncSource, SyncTestResult } from '../../src/shared/contract/sync';
import { SYNC_SOURCES } from '../../src/shared/contract/sync';
import type { TaskList } from '../../src/shared/contract/tasks';
import { compareReportRows } from '../../src/shared/report-compare';
import { decimalToMicros } from '../../src/shared/money';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../src/main/core/in-process';
import type { CoreHost } from '../../src/main/core/host';
import type { Database } from '../../src/main/db/driver';
import { openWorkspace, type Workspace } from '../../src/main/db/workspace';
import { createDemoWorkspace } from '../../src/main/demo/create';
import { DEMO_SERVER_REPORTS, DEMO_SUB_CENT } from '../../src/main/demo/demo-sync-reports';

// The demo workspace's Sync data (demo-sync.ts): connections, a history of runs with every
// kind of count, records linked to the server's ids, synced statements, tasks and report
// results, open conflicts that resolve, and server figures that differ from the local ones
// by exactly what the demo put in. Read through the API, as the screens read it.

const END = '2026-11';
let dir: string;
let workspace: Workspace;
let core: CoreHost;
let orgs: Org[];

async function call<T>(method: string, input: object): Promise<T> {
  const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function refusal(method: string, input: object): Promise<{ code: string; message: string }> {
  const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
  if (result.ok) throw new Error(`${method} was expected to be refused`);
  return result.error as { code: string; message: string };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'closebook-demo-sync-'));
  createDemoWorkspace(join(dir, 'demo.closebook'), { revenues: 5_000, seed: 3, endPeriod: END });
  workspace = openWorkspace(join(dir, 'demo.closebook'), { create: false });
  core = inProcessCore(workspace);
}, 120_000);
afterAll(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  orgs = (await call<{ orgs: Org[] }>('orgs.list', {})).orgs;
});

const sum = (runs: SyncRun[], kind: keyof SyncCounts) => runs.reduce((n, r) => n + r.counts[kind], 0);

describe('the demo workspace, Sync', () => {
  it('connects every org to one server per source, no key stored: Test says where the key comes from', async () => {
    expect(orgs).toHaveLength(3);
    for (const org of orgs) {
      const { connections } = await call<{ connections: SyncConnection[] }>('sync.connections', { orgId: org.id });
      expect(connections.map((c) => c.source).sort()).toEqual([...SYNC_SOURCES].sort());
      for (const c of connections) {
        expect(c.baseUrl).toMatch(/^https:\/\/[a-z]+\.example\.org/);
        expect(c.hasKey).toBe(false);
        expect(Object.keys(c.cursors).length, `${c.source} cursors`).toBeGreaterThan(0);
      }
      const test = await call<SyncTestResult>('sync.test', { orgId: org.id, source: 'revenue' });
      expect(test).toMatchObject({ ok: false, status: null });
      expect(test.message).toMatch(/^revenue source \(seed 001\): no API key; set .*CLOSEBOOK_SYNC_KEY_REVENUE/);
    }
    // The keys file is never the workspace: nothing key-like in sync_connections.
    expect(workspace.db.prepare('SELECT count(*) FROM pragma_table_info(?) WHERE name LIKE ?').pluck().get('sync_connections', '%key%')).toBe(0);
  });

  it('has a committed history per source with every kind of count, each run in time order', async () => {
    for (const org of orgs) {
      const { runs } = await call<{ runs: SyncRun[] }>('sync.history', { orgId: org.id });
      const by = (source: SyncSource) => runs.filter((r) => r.source === source);
      for (const source of SYNC_SOURCES) expect(by(source).length, `${org.name} ${source}`).toBeGreaterThan(0);
      expect(runs.every((r) => r.status === 'committed')).toBe(true);
      // Newest first, by id and by time alike.
      const times = runs.map((r) => r.startedAt);
      expect([...times].sort().reverse()).toEqual(times);
      for (const kind of ['created', 'updated', 'unchanged', 'blocked_locked_period', 'conflict'] as const) expect(sum(runs, kind), `${org.name} ${kind}`).toBeGreaterThan(0);
      // The revenue source's second run: a closed month's revenue blocked, a revenue and a rule in conflict.
      const [second, first] = by('revenue');
      expect(second.counts).toMatchObject({ created: 0, blocked_locked_period: 1, conflict: 2 });
      expect(second.counts.updated).toBeGreaterThan(0);
      expect(first.counts.created).toBe(2); // a payee and a product only the server had
      // The tasks source's second run: the open task completed, one new, one marked deleted on the server (counted updated).
      expect(by('tasks')[0]!.counts).toMatchObject({ fetched: 3, created: 1, updated: 2, unchanged: 1 });
      // Each other run's counts add up to what it fetched.
      for (const run of runs.filter((r) => r.source !== 'tasks')) {
        const { fetched, ...rest } = run.counts;
        expect(Object.values(rest).reduce((a, b) => a + b, 0), `${run.source} run ${run.id}`).toBe(fetched);
      }
    }
  });

  it('links records to the server ids: revenues, payees, products, rules, consumption, statements, tasks and report months', () => {
    const db: Database.Database = workspace.db;
    for (const org of orgs) {
      const linked = new Map(
        (db.prepare('SELECT entity, count(*) AS n FROM sync_links WHERE org_id = ? GROUP BY entity').all(org.id) as Array<{ entity: string; n: number }>).map((r) => [r.entity, r.n]),
      );
      for (const entity of ['revenues', 'payees', 'products', 'rules', 'consumption', 'billing', 'statements', 'tasks', 'reports']) expect(linked.get(entity) ?? 0, `${org.name} ${entity}`).toBeGreaterThan(0);
      // Every consumption record of the org is linked to the server's uuid (its own).
      const unlinked = db
        .prepare("SELECT count(*) FROM consumption_records c WHERE c.org_id = ? AND NOT EXISTS (SELECT 1 FROM sync_links l WHERE l.org_id = c.org_id AND l.entity = 'consumption' AND l.local_id = c.id AND l.source_id = c.uuid)")
        .pluck()
        .get(org.id);
      expect(unlinked).toBe(0);
      // A linked revenue is one of the demo's (its link names it by the row), with the run's time.
      const revenue = db
        .prepare("SELECT r.external_id, l.source_id, l.synced_at FROM sync_links l JOIN revenues r ON r.id = l.local_id WHERE l.org_id = ? AND l.entity = 'revenues' ORDER BY l.source_id LIMIT 1")
        .get(org.id) as { external_id: string; source_id: string; synced_at: string };
      expect(revenue.external_id).toMatch(/^ch_/);
      expect(revenue.source_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(revenue.synced_at).toMatch(/^2026-1[01]-\d\dT/);
    }
  });

  it('leaves the closed month’s revenue as it was where the server changed it (blocked_locked_period)', () => {
    const db = workspace.db;
    for (const org of orgs) {
      const run = db.prepare("SELECT batches FROM sync_runs WHERE org_id = ? AND source = 'revenue' ORDER BY id DESC LIMIT 1").pluck().get(org.id) as string;
      const batch = (JSON.parse(run) as { revenues: number }).revenues;
      const blocked = db.prepare("SELECT external_id, message FROM import_outcomes WHERE batch_id = ? AND outcome = 'blocked_locked_period'").all(batch) as Array<{ external_id: string; message: string }>;
      expect(blocked).toHaveLength(1);
      const row = db.prepare('SELECT r.description, r.period, p.status FROM revenues r JOIN periods p ON p.org_id = r.org_id AND p.period = r.period WHERE r.org_id = ? AND r.external_id = ?').get(org.id, blocked[0].external_id) as {
        description: string;
        period: string;
        status: string;
      };
      expect(row.status).toBe('finalized');
      expect(row.period).toBe('2026-09');
      expect(row.description).not.toContain('late correction on the server');
    }
  });

  it('has synced statements beside the generated ones, and tasks of every ending with one deleted on the server', async () => {
    for (const org of orgs) {
      const page = await call<StatementPage<StatementDetail>>('statements.list', { orgId: org.id, serializer: 'detail', page_size: 100 });
      const synced = page.results.filter((s) => s.origin === 'synced');
      expect(synced).toHaveLength(3);
      const firstLocal = page.results.filter((s) => s.origin === 'local').map((s) => s.date_start).sort()[0]!;
      expect(synced.every((s) => s.date_start < firstLocal)).toBe(true);
      const tasks = await call<TaskList>('tasks.list', { client_id: org.id, limit: 100 });
      const fromServer = tasks.results.filter((t) => t.origin === 'synced');
      expect(new Set(fromServer.map((t) => t.status))).toEqual(new Set(['Completed', 'Failed', 'Cancelled']));
      const deleted = fromServer.filter((t) => t.deleted_on_server_at !== null);
      expect(deleted).toHaveLength(1);
      expect(deleted[0]!.template).toBe('invoice-export-draft');
    }
  });

  it('lists open conflicts with both values (a revenue, a rule, the current statement); they resolve, once', async () => {
    const org = orgs.find((o) => o.parentId === null)!;
    const { conflicts } = await call<{ conflicts: SyncConflict[] }>('sync.conflicts', { orgId: org.id, status: 'open' });
    expect(conflicts.map((c) => c.entity).sort()).toEqual(['revenues', 'rules', 'statements']);
    const revenue = conflicts.find((c) => c.entity === 'revenues')!;
    expect(revenue.differing.sort()).toEqual(['amount', 'description']);
    expect(revenue.localValues.description).toBe('Discount agreed with the customer');
    const rule = conflicts.find((c) => c.entity === 'rules')!;
    expect(rule.differing.sort()).toEqual(['effective_from', 'splits']);

    // Take the server's revenue: the row now holds its amount, to the micro-unit.
    const taken = await call<SyncConflict>('sync.resolve', { orgId: org.id, id: revenue.id, choice: 'take_server' });
    expect(taken).toMatchObject({ status: 'resolved', choice: 'take_server' });
    expect(taken.batchId).not.toBeNull();
    const stored = workspace.db.prepare('SELECT amount_micros, description FROM revenues WHERE id = ?').safeIntegers(true).get(revenue.localId) as { amount_micros: bigint; description: string };
    expect(stored.amount_micros).toBe(decimalToMicros(revenue.serverValues.amount as string));
    expect(stored.description).toBe('Upgraded to the annual plan');

    // Keep the local rule: it is unchanged, the conflict resolved.
    const before = workspace.db.prepare('SELECT version, splits FROM rules WHERE id = ?').get(rule.localId);
    expect(await call<SyncConflict>('sync.resolve', { orgId: org.id, id: rule.id, choice: 'keep_local' })).toMatchObject({ status: 'resolved', choice: 'keep_local' });
    expect(workspace.db.prepare('SELECT version, splits FROM rules WHERE id = ?').get(rule.localId)).toEqual(before);

    // Resolved once: again is refused naming it; the open list no longer has them.
    const again = await refusal('sync.resolve', { orgId: org.id, id: revenue.id, choice: 'keep_local' });
    expect(again.code).toBe('already_resolved');
    expect(again.message).toContain(`Sync conflict ${revenue.id}`);
    const open = await call<{ conflicts: SyncConflict[] }>('sync.conflicts', { orgId: org.id, status: 'open' });
    expect(open.conflicts.map((c) => c.entity)).toEqual(['statements']);
  });

  it("a child org's rule taken from the server is saved as a new version with the server's splits; its statement kept", async () => {
    const child = orgs.find((o) => o.parentId !== null)!;
    const { conflicts } = await call<{ conflicts: SyncConflict[] }>('sync.conflicts', { orgId: child.id, status: 'open' });
    const rule = conflicts.find((c) => c.entity === 'rules')!;
    const version = workspace.db.prepare('SELECT version FROM rules WHERE id = ?').pluck();
    const before = version.get(rule.localId) as number;
    expect(await call<SyncConflict>('sync.resolve', { orgId: child.id, id: rule.id, choice: 'take_server' })).toMatchObject({ status: 'resolved', choice: 'take_server' });
    expect(version.get(rule.localId)).toBe(before + 1);
    const stored = await call<{ splits: Array<{ payeeExternalId: string; percentage: string }>; effectiveFrom: string }>('rules.get', { orgId: child.id, id: rule.localId });
    const server = rule.serverValues.splits as Array<{ payee_external_id: string; percentage: string }>;
    expect(stored.splits.map((s) => [s.payeeExternalId, s.percentage]).sort()).toEqual(server.map((s) => [s.payee_external_id, s.percentage]).sort());
    expect(stored.effectiveFrom).toBe(rule.serverValues.effective_from);

    const statement = conflicts.find((c) => c.entity === 'statements')!;
    const row = workspace.db.prepare('SELECT origin, sid, total_micros FROM statements WHERE id = ?');
    const kept = row.get(statement.localId);
    expect(await call<SyncConflict>('sync.resolve', { orgId: child.id, id: statement.id, choice: 'keep_local' })).toMatchObject({ status: 'resolved', choice: 'keep_local' });
    expect(row.get(statement.localId)).toEqual(kept);
    expect((kept as { origin: string }).origin).toBe('local');
  });

  it('the server’s report figures match the local ones but in two months: a sub-cent difference and a missing row, exact to the last unit', async () => {
    const [perturbed] = DEMO_SERVER_REPORTS;
    for (const org of orgs) {
      let checked = 0;
      for (const type of DEMO_SERVER_REPORTS) {
        const { periods } = await call<{ periods: Array<{ year: number; month: number }> }>('reports.periods', { orgId: org.id, report_type: type });
        expect(periods.length, `${org.name} ${type}`).toBeGreaterThanOrEqual(10);
        for (const { year, month } of periods) {
          const local = await call<ReportJson>('reports.get', { orgId: org.id, report_type: type, year, month, format: 'json' });
          const { result } = await call<{ result: ServerReportResult | null }>('sync.serverReport', { orgId: org.id, report_type: type, year, month });
          expect(result, `${type} ${year}-${month}`).not.toBeNull();
          const comparison = compareReportRows(local.columns, local.rows, result!.columns, result!.rows);
          const key = `${year}-${String(month).padStart(2, '0')}`;
          const differing = comparison.rows.filter((r) => r.differs);
          if (type === perturbed && key === '2026-09') {
            expect(differing).toHaveLength(1);
            const cells = Object.values(differing[0]!.cells).filter((c) => c.difference !== null && c.difference !== '0');
            expect(cells.map((c) => c.difference)).toEqual([DEMO_SUB_CENT]);
            expect(decimalToMicros(cells[0]!.server!) - decimalToMicros(cells[0]!.local!)).toBe(4_000n);
          } else if (type === perturbed && key === '2026-08') {
            expect(differing.map((r) => r.side)).toEqual(['local_only']);
          } else expect(differing, `${org.name} ${type} ${key}`).toEqual([]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('the demo Sync data, made again', () => {
  it('is the same for the same seed, times included', () => {
    const read = (path: string) => {
      const other = openWorkspace(path, { create: false });
      try {
        return [
          'SELECT org_id, source, status, started_at, finished_at, fetched, created_count, updated_count, unchanged_count, blocked_locked_period_count, conflict_count, batches FROM sync_runs ORDER BY id',
          'SELECT org_id, source, base_url, cursors, created_at, updated_at FROM sync_connections ORDER BY org_id, source',
          'SELECT org_id, source, entity, source_id, local_id, synced_at, server_hash, local_hash FROM sync_links ORDER BY org_id, source, entity, source_id',
          'SELECT org_id, entity, source_id, local_values, server_values, detected_at, status FROM sync_conflicts ORDER BY id',
          'SELECT org_id, report_type, year, month, content_hash, synced_at FROM synced_report_results ORDER BY id',
          'SELECT id, org_id, profile, created_at FROM import_batches ORDER BY id',
          "SELECT id, created_at, updated_at FROM revenues WHERE updated_at >= '2026-10-01' ORDER BY id",
          "SELECT uuid, status, updated_at, deleted_on_server_at FROM tasks WHERE origin = 'synced' ORDER BY id",
        ].map((sql) => other.db.prepare(sql).all());
      } finally {
        other.close();
      }
    };
    const made = ['a', 'b'].map((name) => createDemoWorkspace(join(dir, `${name}.closebook`), { revenues: 2_000, seed: 4, endPeriod: END }).path);
    const [a, b] = made.map(read);
    expect(a[0]!.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  }, 120_000);
});

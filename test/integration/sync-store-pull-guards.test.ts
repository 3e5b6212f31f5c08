import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { startImportBatch } from '../../src/main/imports/records/import-batch';
import type { ImportEntity } from '../../src/shared/contract/imports';
import type { SyncSource } from '../../src/shared/contract/sync';
import { CHUNK } from '../../src/main/sync/entity-write';
import { insertRun, NO_COUNTS } from '../../src/main/sync/history';
import type { PulledEntity, PulledRecord } from '../../src/main/sync/sources/source-adapter';
import { storePull, type StoredPull } from '../../src/main/sync/store-pull';
import { SyncFault } from '../../src/main/sync/sync-fault';
import { tempWorkspace } from '../support/temp-workspace';
import { CLOSED, dataDigest, OPEN, ORG, seedSyncOrg } from './sync-support';

// storePull's guards with pulls built by hand (no server): which outcome is counted where,
// which record is linked to which row (and with or without the server's version), kept
// reconciliations, the tasks marked deleted, the chunks of a large entity and the faults.

const NOW = '2026-11-05T09:00:00.000Z';
const LABEL = 'test source';

function workspace(): Database.Database {
  const { workspace } = tempWorkspace();
  seedSyncOrg(workspace.db);
  return workspace.db;
}

/** One storePull in its own transaction, as run-sync.ts runs it; rolled back when it throws. */
function store(db: Database.Database, source: SyncSource, entities: PulledEntity[]): StoredPull & { runId: number } {
  db.exec('BEGIN IMMEDIATE');
  try {
    const runId = insertRun(db, { orgId: ORG, source, status: 'committed', startedAt: NOW, counts: NO_COUNTS, batches: {}, message: null });
    const stored = storePull(db, ORG, source, LABEL, { entities, cursors: {} }, runId, NOW);
    db.exec('COMMIT');
    return { ...stored, runId };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Records written here, not by a sync (an import): no link names them. */
function importLocally(db: Database.Database, entity: ImportEntity, records: Array<Record<string, unknown>>): void {
  const batch = startImportBatch(db, { orgId: ORG, entity, source: 'api', operation: 'create_or_update' });
  const { rows } = batch.write(records.map((record, i) => ({ rowNumber: i + 1, record })));
  expect(rows.filter((r) => r.outcome === 'error')).toEqual([]);
  batch.finish({ onError: 'reject' });
}

const pulled = (sourceId: string, fields: Record<string, unknown>): PulledRecord => ({ sourceId, label: `external_id "${String(fields.external_id ?? fields.license_reference)}"`, fields });
const payee = (n: number) => ({ external_id: `pe_${n}`, name: `Payee ${n}`, payout_currency: 'USD' });
const product = (n: number) => ({ external_id: `pr_${n}`, name: `Product ${n}`, category: 'books' });
const revenue = (n: number, over: Record<string, unknown> = {}) => ({
  external_id: `rv_${n}`,
  kind: 'sale',
  occurred_at: `${OPEN}-${String((n % 27) + 1).padStart(2, '0')}T10:00:00Z`,
  amount: `${(n % 90) + 10}.${String(n % 100).padStart(2, '0')}`,
  currency: 'USD',
  quantity: 1,
  payee_external_id: 'pe_1',
  ...over,
});

interface Link {
  source_id: string;
  local_id: number;
  run_id: number;
  server_hash: string | null;
  local_hash: string | null;
}
const linksOf = (db: Database.Database, source: string, entity: string) =>
  db.prepare('SELECT source_id, local_id, run_id, server_hash, local_hash FROM sync_links WHERE org_id = ? AND source = ? AND entity = ? ORDER BY source_id').all(ORG, source, entity) as Link[];
const idOf = (db: Database.Database, table: string, externalId: string) => db.prepare(`SELECT id FROM ${table} WHERE org_id = ? AND external_id = ?`).pluck().get(ORG, externalId) as number;
const setPeriod = (db: Database.Database, period: string, status: 'finalized' | 'in_progress') => db.prepare('UPDATE periods SET status = ? WHERE org_id = ? AND period = ?').run(status, ORG, period);

describe('storePull: every outcome counted once, every record that names a row linked to it', () => {
  it('created, updated, unchanged, a skipped duplicate and a blocked record: exact counts and links; a blocked new record is not linked', () => {
    const db = workspace();
    // Imported here before the first sync: rv_3 in September, finalized after.
    setPeriod(db, CLOSED, 'in_progress');
    importLocally(db, 'payees', [payee(1)]);
    importLocally(db, 'revenues', [revenue(1), revenue(2), revenue(3, { occurred_at: `${CLOSED}-15T10:00:00Z` })]);
    setPeriod(db, CLOSED, 'finalized');
    const rv3Before = db.prepare("SELECT * FROM revenues WHERE external_id = 'rv_3'").get();

    const rv3Changed = pulled('rv-3', revenue(3, { occurred_at: `${CLOSED}-15T10:00:00Z`, amount: '999.00' }));
    const stored = store(db, 'revenue', [
      { entity: 'payees', records: [pulled('pe-1', payee(1))] },
      {
        entity: 'revenues',
        records: [
          pulled('rv-1', revenue(1)),
          pulled('rv-2', revenue(2, { amount: '12.00' })),
          rv3Changed,
          pulled('rv-4', revenue(4)),
          // The server holds rv_4 twice (a record made again): the second is the same record with the same values.
          pulled('rv-4-twin', revenue(4)),
          // New, in the finalized month: blocked, no row to name.
          pulled('rv-5', revenue(5, { occurred_at: `${CLOSED}-20T10:00:00Z` })),
        ],
      },
    ]);
    // unchanged: pe_1 and rv_1 as stored, the twin skipped as a duplicate.
    expect(stored.counts).toEqual({ fetched: 7, created: 1, updated: 1, unchanged: 3, blocked_locked_period: 2, conflict: 0 });
    expect(Object.keys(stored.batches).sort()).toEqual(['payees', 'revenues']);
    expect(db.prepare("SELECT * FROM revenues WHERE external_id = 'rv_3'").get()).toEqual(rv3Before);
    expect(db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'rv_2'").pluck().get()).toBe(12_000_000);
    expect(db.prepare("SELECT count(*) FROM revenues WHERE external_id = 'rv_5'").pluck().get()).toBe(0);

    expect(linksOf(db, 'revenue', 'payees').map((l) => [l.source_id, l.local_id, l.run_id])).toEqual([['pe-1', idOf(db, 'payees', 'pe_1'), stored.runId]]);
    const revenueLinks = linksOf(db, 'revenue', 'revenues');
    expect(revenueLinks.map((l) => [l.source_id, l.local_id, l.run_id])).toEqual([
      ['rv-1', idOf(db, 'revenues', 'rv_1'), stored.runId],
      ['rv-2', idOf(db, 'revenues', 'rv_2'), stored.runId],
      ['rv-3', idOf(db, 'revenues', 'rv_3'), stored.runId],
      ['rv-4', idOf(db, 'revenues', 'rv_4'), stored.runId],
      ['rv-4-twin', idOf(db, 'revenues', 'rv_4'), stored.runId],
    ]);
    // Written or matched: both versions kept. Blocked: no baseline (the sync did not write it).
    for (const link of revenueLinks) {
      const blocked = link.source_id === 'rv-3';
      expect([link.source_id, link.server_hash === null, link.local_hash === null]).toEqual([link.source_id, blocked, blocked]);
    }

    // The month reopened, the server sends rv_3 as before: with no baseline it is written now.
    setPeriod(db, CLOSED, 'in_progress');
    const again = store(db, 'revenue', [{ entity: 'revenues', records: [rv3Changed] }]);
    expect(again.counts).toEqual({ fetched: 1, created: 0, updated: 1, unchanged: 0, blocked_locked_period: 0, conflict: 0 });
    expect(db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'rv_3'").pluck().get()).toBe(999_000_000);
  });

  it('skipped duplicates and unchanged records add up across batches (two of each)', () => {
    const db = workspace();
    importLocally(db, 'payees', [payee(1), payee(2)]);
    importLocally(db, 'revenues', [revenue(1), revenue(2)]);
    const stored = store(db, 'revenue', [
      { entity: 'payees', records: [pulled('pe-1', payee(1)), pulled('pe-1-twin', payee(1)), pulled('pe-2', payee(2))] },
      { entity: 'revenues', records: [pulled('rv-1', revenue(1)), pulled('rv-1-twin', revenue(1)), pulled('rv-2', revenue(2)), pulled('rv-2-twin', revenue(2))] },
    ]);
    // payees: 2 unchanged + 1 skipped; revenues: 2 unchanged + 2 skipped.
    expect(stored.counts).toEqual({ fetched: 7, created: 0, updated: 0, unchanged: 7, blocked_locked_period: 0, conflict: 0 });
    expect(linksOf(db, 'revenue', 'revenues').map((l) => l.local_id)).toEqual([1, 1, 2, 2].map((n) => idOf(db, 'revenues', `rv_${n}`)));
  });
});

describe('storePull: reconciled consumption is never overwritten', () => {
  const LICENSE_A = 'XSP1001';
  const LICENSE_B = 'XSP1002';
  const estimate = (license: string, sell: string) => ({ license_reference: license, resource_name: `vm-${license}`, billing_period: `${OPEN}-01`, consumed_sell: sell, consumed_buy: '1.00', currency: 'USD' });
  const final = (license: string, sell: string) => ({ license_reference: license, resource_name: `vm-${license}`, billing_period: `${OPEN}-01`, final_sell: sell, final_buy: '1.00', currency: 'USD' });

  it('a reconciled record (not linked yet) is left as it is, counted unchanged and linked without a baseline; the others are written', () => {
    const db = workspace();
    importLocally(db, 'consumption', [estimate(LICENSE_A, '5.00'), estimate(LICENSE_B, '6.00')]);
    db.prepare(
      "UPDATE consumption_records SET final_sell_micros = consumed_sell_micros, final_buy_micros = consumed_buy_micros, finalized_at = '2026-11-01T00:00:00Z', is_finalized = 1, is_reconciled = 1, reconciled_at = '2026-11-02T00:00:00Z' WHERE license_reference = ?",
    ).run(LICENSE_A);
    const rowOf = (license: string) => db.prepare('SELECT * FROM consumption_records WHERE license_reference = ?').get(license) as Record<string, unknown>;
    const aBefore = rowOf(LICENSE_A);

    const stored = store(db, 'consumption', [
      { entity: 'consumption', records: [pulled('a', estimate(LICENSE_A, '50.00')), pulled('b', estimate(LICENSE_B, '60.00'))] },
      { entity: 'billing', records: [pulled('a', final(LICENSE_A, '55.00')), pulled('b', final(LICENSE_B, '66.00'))] },
    ]);
    expect(stored.counts).toEqual({ fetched: 4, created: 0, updated: 2, unchanged: 2, blocked_locked_period: 0, conflict: 0 });
    expect(rowOf(LICENSE_A)).toEqual(aBefore);
    expect(rowOf(LICENSE_B)).toMatchObject({ consumed_sell_micros: 60_000_000, final_sell_micros: 66_000_000 });
    const a = aBefore.id as number;
    const b = rowOf(LICENSE_B).id as number;
    for (const entity of ['consumption', 'billing']) {
      expect(linksOf(db, 'consumption', entity).map((l) => [l.source_id, l.local_id, l.server_hash === null])).toEqual([
        ['a', a, true],
        ['b', b, false],
      ]);
    }
  });

  it('only reconciled records are kept: estimates alone, then final amounts alone', () => {
    const db = workspace();
    importLocally(db, 'consumption', [estimate(LICENSE_A, '5.00')]);
    db.prepare("UPDATE consumption_records SET is_finalized = 1, final_sell_micros = 5000000, final_buy_micros = 1000000, finalized_at = '2026-11-01T00:00:00Z', is_reconciled = 1, reconciled_at = '2026-11-02T00:00:00Z'").run();
    const before = dataDigest(db);
    const estimates = store(db, 'consumption', [{ entity: 'consumption', records: [pulled('a', estimate(LICENSE_A, '7.00'))] }]);
    expect(estimates.counts).toEqual({ fetched: 1, created: 0, updated: 0, unchanged: 1, blocked_locked_period: 0, conflict: 0 });
    expect(estimates.batches).toEqual({});
    const finals = store(db, 'consumption', [{ entity: 'billing', records: [pulled('a', final(LICENSE_A, '8.00'))] }]);
    expect(finals.counts).toEqual({ fetched: 1, created: 0, updated: 0, unchanged: 1, blocked_locked_period: 0, conflict: 0 });
    expect(finals.batches).toEqual({});
    // Nothing but the two links changed.
    const withoutLinks = (digest: string) => digest.split('\n').filter((_, i) => i !== 5).join('\n');
    expect(withoutLinks(dataDigest(db))).toBe(withoutLinks(before));
  });
});

describe('storePull: rules', () => {
  const rule = (n: number, name = `Product ${n} split`) => ({
    external_id: `ru_${n}`,
    name,
    status: 'active',
    scope: 'product',
    product_external_id: `pr_${n}`,
    effective_from: '2026-01-01',
    splits: [
      { payee_external_id: 'pe_1', percentage: '60' },
      { payee_external_id: 'pe_2', percentage: '40' },
    ],
  });

  it('each outcome counted as what it is: created, updated, and unchanged (written before links had hashes)', () => {
    const db = workspace();
    const first = store(db, 'revenue', [
      { entity: 'payees', records: [pulled('pe-1', payee(1)), pulled('pe-2', payee(2))] },
      { entity: 'products', records: [1, 2, 3].map((n) => pulled(`pr-${n}`, product(n))) },
      { entity: 'rules', records: [1, 2, 3].map((n) => pulled(`ru-${n}`, rule(n))) },
    ]);
    expect(first.counts).toEqual({ fetched: 8, created: 8, updated: 0, unchanged: 0, blocked_locked_period: 0, conflict: 0 });
    // ru_2's link from before conflicts were tracked: no baseline, so the writer compares it.
    db.prepare("UPDATE sync_links SET server_hash = NULL, local_hash = NULL WHERE entity = 'rules' AND source_id = 'ru-2'").run();
    const second = store(db, 'revenue', [{ entity: 'rules', records: [pulled('ru-1', rule(1, 'Renamed')), pulled('ru-2', rule(2)), pulled('ru-3', rule(3))] }]);
    expect(second.counts).toEqual({ fetched: 3, created: 0, updated: 1, unchanged: 2, blocked_locked_period: 0, conflict: 0 });
    expect(db.prepare("SELECT name FROM rules WHERE external_id = 'ru_1'").pluck().get()).toBe('Renamed');
    // ru_2 matched by the writer: stamped again with this run's versions.
    const ru2 = linksOf(db, 'revenue', 'rules').find((l) => l.source_id === 'ru-2')!;
    expect([ru2.run_id, ru2.server_hash === null]).toEqual([second.runId, false]);
  });
});

describe('storePull: synced tasks deleted on the server', () => {
  const task = (n: number) => ({
    uuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    status: 'Completed',
    task_type: 'billing_report',
    template: null,
    parameters: {},
    processing_notes: {},
    user_id: 7,
    created_at: `2026-10-0${n}T10:00:00.000Z`,
    updated_at: `2026-10-0${n}T11:00:00.000Z`,
  });
  const taskRecord = (n: number): PulledRecord => ({ sourceId: task(n).uuid, label: task(n).uuid, fields: task(n) });
  const marked = (db: Database.Database) => db.prepare("SELECT uuid FROM tasks WHERE deleted_on_server_at IS NOT NULL ORDER BY uuid").pluck().all();

  it('are marked only from a complete listing of a window, never from a partial read', () => {
    const db = workspace();
    const listed = (records: PulledRecord[], listedFrom: string | null) => ({ entity: 'tasks' as const, records, listedFrom });
    expect(store(db, 'tasks', [listed([1, 2, 3].map(taskRecord), null)]).counts).toMatchObject({ created: 3, updated: 0 });
    // A read whose list moved (not a listing): task 1 missing from it says nothing.
    const partial = store(db, 'tasks', [{ entity: 'tasks', records: [taskRecord(2), taskRecord(3)] }]);
    expect(partial.counts).toEqual({ fetched: 2, created: 0, updated: 0, unchanged: 2, blocked_locked_period: 0, conflict: 0 });
    expect(marked(db)).toEqual([]);
    // A listing of the window after task 1's creation does not speak for task 1.
    const window = store(db, 'tasks', [listed([taskRecord(3)], task(2).created_at)]);
    expect(window.counts).toEqual({ fetched: 1, created: 0, updated: 0, unchanged: 1, blocked_locked_period: 0, conflict: 0 });
    expect(marked(db)).toEqual([]);
    // Every task listed: 1 and 2 are gone from the server (counted updated).
    const whole = store(db, 'tasks', [listed([taskRecord(3)], null)]);
    expect(whole.counts).toEqual({ fetched: 1, created: 0, updated: 2, unchanged: 1, blocked_locked_period: 0, conflict: 0 });
    expect(marked(db)).toEqual([task(1).uuid, task(2).uuid]);
    // A listing of task 3's window that comes back empty: task 3 is gone too.
    const empty = store(db, 'tasks', [listed([], task(2).created_at)]);
    expect(empty.counts).toEqual({ fetched: 0, created: 0, updated: 1, unchanged: 0, blocked_locked_period: 0, conflict: 0 });
    expect(marked(db)).toEqual([task(1).uuid, task(2).uuid, task(3).uuid]);
  });
});

describe('storePull: a large entity is written in chunks', () => {
  it(`a pull past one chunk (${CHUNK} records) gives the rows, links and counts one import of the same records gives`, () => {
    const total = CHUNK + 3;
    const records = Array.from({ length: total }, (_, i) => revenue(i + 1));
    const synced = workspace();
    const stored = store(synced, 'revenue', [
      { entity: 'payees', records: [pulled('pe-1', payee(1))] },
      { entity: 'revenues', records: records.map((r, i) => pulled(`rv-${i + 1}`, r)) },
    ]);
    expect(stored.counts).toEqual({ fetched: total + 1, created: total + 1, updated: 0, unchanged: 0, blocked_locked_period: 0, conflict: 0 });
    const imported = workspace();
    importLocally(imported, 'payees', [payee(1)]);
    importLocally(imported, 'revenues', records);
    const rows = (db: Database.Database) => db.prepare('SELECT external_id, occurred_at, amount_micros, currency, source_row FROM revenues ORDER BY id').raw(true).all();
    expect(rows(synced)).toEqual(rows(imported));
    // Each source id names the row made from its record, on both sides of the chunk's edge.
    const wrong = synced
      .prepare("SELECT count(*) FROM sync_links l JOIN revenues r ON r.id = l.local_id WHERE l.entity = 'revenues' AND 'rv-' || substr(r.external_id, 4) <> l.source_id")
      .pluck()
      .get();
    expect([linksOf(synced, 'revenue', 'revenues').length, wrong]).toEqual([total, 0]);
  });

  it('a refused record in the second chunk is named by its own label; nothing is written', () => {
    const db = workspace();
    const records = Array.from({ length: CHUNK + 3 }, (_, i) => pulled(`rv-${i + 1}`, revenue(i + 1, i === CHUNK + 1 ? { currency: 'U$D' } : {})));
    const before = dataDigest(db);
    expect(() => store(db, 'revenue', [{ entity: 'payees', records: [pulled('pe-1', payee(1))] }, { entity: 'revenues', records }])).toThrow(
      new RegExp(`^test source: revenues record external_id "rv_${CHUNK + 2}" was refused: currency: `),
    );
    expect(dataDigest(db)).toBe(before);
  });
});

describe('storePull: faults', () => {
  it('statements and reports are refused: they have stores of their own', () => {
    const db = workspace();
    for (const entity of ['statements', 'reports'] as const) {
      expect(() => store(db, 'revenue', [{ entity, records: [pulled('x', { external_id: 'x' })] }])).toThrow(
        new Error(`${entity} are stored by store-statements.ts / store-reports.ts, not storePull`),
      );
    }
  });

  it("a writer's own fault (not a refused field) comes out as itself, not as a SyncFault, and nothing is kept", () => {
    const db = workspace();
    const before = dataDigest(db);
    const fields = revenue(2);
    Object.defineProperty(fields, 'amount', { enumerable: true, get: () => { throw new Error('disk went away'); } });
    let thrown: unknown;
    try {
      store(db, 'revenue', [{ entity: 'payees', records: [pulled('pe-1', payee(1))] }, { entity: 'revenues', records: [pulled('rv-1', revenue(1)), pulled('rv-2', fields)] }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(SyncFault);
    expect((thrown as Error).message).toBe('disk went away');
    expect(dataDigest(db)).toBe(before);
  });
});

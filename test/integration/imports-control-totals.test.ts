import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportCheck, ImportCommitResult } from '../../src/shared/contract/import-files';
import type { BatchResponse, ImportEntity, RejectedBatchDetail } from '../../src/shared/contract/imports';
import { expectTotalsTieOut } from './control-totals-support';
import { call, CLOSED, digest, ORG, RECORD_TABLES, setup, writeCsv } from './import-files-support';

// Control totals, as a property: for random files and batch calls of every entity (order
// ids from small pools so rows collide with each other and with stored records, several
// currencies, rows in a finalized month, bad cells), every committed batch's rowsWritten
// and amountWritten (per currency, never added across currencies) equal what the records
// it created or updated hold right after it, currency by currency,
// a check's figures equal the commit's, and a rejected batch changes nothing and reports
// no write.

const FIELDS: Record<ImportEntity, readonly string[]> = {
  revenues: ['external_id', 'kind', 'occurred_at', 'amount', 'currency', 'description'],
  payees: ['external_id', 'name', 'email', 'threshold'],
  products: ['external_id', 'name', 'category', 'tags', 'archived'],
  billing: ['license_reference', 'resource_name', 'billing_period', 'final_sell', 'final_buy'],
  consumption: ['license_reference', 'resource_name', 'billing_period', 'consumed_sell', 'consumed_buy'],
  usage: ['cycle_start', 'seats', 'record_count', 'backups'],
  commitments: ['external_id', 'name', 'purchase_date', 'term_start', 'term_end', 'monthly_premium'],
  showback_usage: ['month', 'account', 'service', 'on_demand_cost', 'covered_cost'],
};

// '' is an empty cell in a file and "not given" in a batch call.
const RECORDS: Record<ImportEntity, fc.Arbitrary<Record<string, string>>> = {
  revenues: fc.record({
    external_id: fc.constantFrom('o_1', 'o_2', 'o_3', 'seed_r', ''),
    kind: fc.constantFrom('sale', 'sale', 'refund', 'adjustment'),
    occurred_at: fc.constantFrom('2026-10-05', '2026-10-20T10:00:00Z', '2026-11-02', `${CLOSED}-03`),
    amount: fc.constantFrom('10.00', '12.50', '0.01', '-3.00', '250000.75', 'x'),
    currency: fc.constantFrom('USD', 'EUR', 'JPY'),
    description: fc.constantFrom('a', 'b', ''),
  }),
  payees: fc.record({
    external_id: fc.constantFrom('pe_1', 'pa', 'pb', ''),
    name: fc.constantFrom('Ada', 'Ben', ''),
    email: fc.constantFrom('a@b.co', 'c@d.co', '', 'bad'),
    threshold: fc.constantFrom('0', '25.50', '-1.00'),
  }),
  products: fc.record({
    external_id: fc.constantFrom('pr_1', 'qa', 'qb', ''),
    name: fc.constantFrom('Atlas', 'Dune', ''),
    category: fc.constantFrom('Maps', 'Globes', ''),
    tags: fc.constantFrom('x;y', 'y; x', ''),
    archived: fc.constantFrom('yes', 'no', '', 'maybe'),
  }),
  billing: fc.record({
    license_reference: fc.constantFrom('XSP12345', 'LIC-2', 'XSP12345'),
    resource_name: fc.constantFrom('Office 365 E3', 'vm-1'),
    billing_period: fc.constantFrom('2026-10', '2026-11', CLOSED),
    final_sell: fc.constantFrom('120.50', '121.00', '-5.00', '0.00', 'x'),
    final_buy: fc.constantFrom('90.00', '100.00'),
  }),
  consumption: fc.record({
    license_reference: fc.constantFrom('XSP12345', 'LIC-2'),
    resource_name: fc.constantFrom('Office 365 E3', 'vm-1'),
    billing_period: fc.constantFrom('2026-10', '2026-11', CLOSED),
    consumed_sell: fc.constantFrom('118.00', '121.00', '-5.00', '0.00', 'x'),
    consumed_buy: fc.constantFrom('90.00', '99.50'),
  }),
  // Cycles of a calendar-month plan: open, locked, not a cycle's first day, not begun.
  usage: fc.record({
    cycle_start: fc.constantFrom('2026-10-01', '2026-11-01', `${CLOSED}-01`, '2026-10-15', '2099-01-01'),
    seats: fc.constantFrom('3', '12', '-1', ''),
    record_count: fc.constantFrom('0', '250', '2.5'),
    backups: fc.constantFrom('1', ''),
  }),
  // Terms open or reaching the locked month, a negative premium, a term ending before it starts.
  commitments: fc.record({
    external_id: fc.constantFrom('cm-1', 'cm-2'),
    name: fc.constantFrom('Compute plan', 'Storage plan'),
    purchase_date: fc.constant('2026-01-15'),
    term_start: fc.constantFrom('2026-10-01', `${CLOSED}-01`, '2026-11-01'),
    term_end: fc.constantFrom('2026-12-31', '2026-10-31'),
    monthly_premium: fc.constantFrom('100.00', '120.50', '-1', ''),
  }),
  showback_usage: fc.record({
    month: fc.constantFrom('2026-10', '2026-11', CLOSED, '2026-13'),
    account: fc.constantFrom('acct-a', 'acct-b'),
    service: fc.constant('compute'),
    on_demand_cost: fc.constantFrom('5.00', '7.25', '-1'),
    covered_cost: fc.constantFrom('60.00', '0'),
  }),
};

const settings = { operation: fc.constantFrom('create_only', 'update_only', 'create_or_update'), onError: fc.constantFrom('skip', 'skip', 'reject') };
const rows = (entity: ImportEntity) => fc.array(RECORDS[entity], { minLength: 1, maxLength: 7 });
const batchOf = (path: 'file' | 'api', entities: ImportEntity[]) =>
  fc.constantFrom(...entities).chain((entity) => fc.record({ path: fc.constant(path), entity: fc.constant(entity), records: rows(entity), ...settings }));
const step = fc.oneof(
  batchOf('file', ['revenues', 'payees', 'products', 'billing', 'consumption', 'usage', 'commitments', 'showback_usage']),
  batchOf('api', ['revenues', 'payees', 'products', 'consumption']),
  fc.record({ path: fc.constant('create' as const), entity: fc.constant<ImportEntity>('revenues'), records: fc.array(RECORDS.revenues, { minLength: 1, maxLength: 1 }) }),
);
type Step = { path: 'file' | 'api' | 'create'; entity: ImportEntity; records: Array<Record<string, string>>; operation?: string; onError?: string };

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function seed(ctx: ReturnType<typeof setup>): void {
  const db = ctx.workspace.db;
  db.prepare(
    "INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at) VALUES (?, 'seed_r', 'sale', '2026-10-01T08:00:00Z', '2026-10', 5000000, 'USD', 'x', 'x')",
  ).run(ORG);
  db.prepare("INSERT INTO products (org_id, external_id, name, created_at, updated_at) VALUES (?, 'pr_1', 'Atlas', 'x', 'x')").run(ORG);
  db.prepare(
    `INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
     VALUES (?, 'XSP12345', 'vm-1', '2026-10-01', 118000000, 90000000, 'x', 'x')`,
  ).run(ORG);
  db.prepare(
    `INSERT INTO price_plans (org_id, name, effective_from, subscription_price_micros, ppu_price_micros, section_widget_price_micros, column_widget_price_micros,
       record_storage_price_micros, file_storage_price_micros, backup_price_micros, created_at, updated_at) VALUES (?, 'Basic', '2026-01-01', 12000000, 0, 0, 0, 0, 0, 0, 'x', 'x')`,
  ).run(ORG);
}

let files = 0;

async function runStep(ctx: ReturnType<typeof setup>, s: Step): Promise<void> {
  const { core, workspace } = ctx;
  const before = digest(workspace.db, RECORD_TABLES);
  if (s.path === 'file') {
    const fields = FIELDS[s.entity];
    const path = writeCsv(ctx.dir, `f${files++}.csv`, [fields.join(','), ...s.records.map((r) => fields.map((f) => csvCell(r[f])).join(','))]);
    const input = { orgId: ORG, entity: s.entity, path, operation: s.operation, onError: s.onError, mapping: { numberConvention: 'dot', columns: Object.fromEntries(fields.map((f) => [f, f])) } };
    const check = await call(core, 'imports.check', input);
    if (!check.ok) throw new Error(`imports.check failed: ${JSON.stringify(check.error)}`);
    const committed = await call(core, 'imports.commit', input);
    if (!committed.ok) throw new Error(`imports.commit failed: ${JSON.stringify(committed.error)}`);
    const c = check.value as ImportCheck;
    const result = committed.value as ImportCommitResult;
    expect(result.counts).toEqual(c.counts);
    expect(result.sameRecordRows).toEqual(c.sameRecordRows);
    if (result.status === 'rejected') {
      expect({ rows: result.rowsWritten, amount: result.amountWritten }).toEqual({ rows: 0, amount: [] });
      expect(digest(workspace.db, RECORD_TABLES)).toBe(before);
      return;
    }
    expect({ rows: result.rowsWritten, amount: result.amountWritten }).toEqual({ rows: c.rowsToWrite, amount: c.amountToWrite });
    const batch = await expectTotalsTieOut(core, workspace.db, result.batchId!);
    expect({ rows: batch.rowsWritten, amount: batch.amountWritten }).toEqual({ rows: result.rowsWritten, amount: result.amountWritten });
    return;
  }
  if (s.path === 'create') {
    const created = await call(core, 'revenues.create', { orgId: ORG, record: s.records[0] });
    if (created.ok) await expectTotalsTieOut(core, workspace.db, (created.value as { batchId: number }).batchId);
    else expect(digest(workspace.db, RECORD_TABLES)).toBe(before);
    return;
  }
  const result = await call(core, `${s.entity}.batch`, { orgId: ORG, operation: s.operation, onError: s.onError, records: s.records });
  if (result.ok) {
    const { meta } = result.value as BatchResponse;
    const batch = await expectTotalsTieOut(core, workspace.db, meta.batch_id!);
    expect({ rows: meta.rows_written, amount: meta.amount_written }).toEqual({ rows: batch.rowsWritten, amount: batch.amountWritten });
    return;
  }
  expect(result.error.code).toBe('batch_rejected');
  expect(digest(workspace.db, RECORD_TABLES)).toBe(before);
  // Nothing reads as written: no created or updated, no id but that of a stored record.
  const table = s.entity === 'consumption' ? 'consumption_records' : s.entity;
  for (const r of (result.error.detail as RejectedBatchDetail).results) {
    expect(['created', 'updated']).not.toContain(r.status);
    expect(r).not.toHaveProperty('id');
    if (r.existing_id !== undefined) expect(workspace.db.prepare(`SELECT count(*) FROM ${table} WHERE id = ?`).pluck().get(r.existing_id)).toBe(1);
  }
}

describe('control totals, property', () => {
  it('every committed batch writes what it says, on every path, for every entity', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
        const ctx = setup();
        seed(ctx);
        for (const s of steps as Step[]) await runStep(ctx, s);
        ctx.workspace.close();
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

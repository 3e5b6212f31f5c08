import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportInspection, MappingProfile, ProfileSummary } from '../../src/shared/contract/import-files';
import { FIXTURES, fails, ok, ORG, revenuesOf, setup, writeCsv } from './import-files-support';

/** The Stripe sample's control totals: one per currency, never added together. */
const STRIPE_TOTALS = [
  { currency: 'EUR', amount: '9.99' },
  { currency: 'JPY', amount: '1500.00' },
  { currency: 'USD', amount: '1210.50' },
];

const commit = (path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity: 'revenues', path, ...extra });

describe('the built-in profiles import their sample files', () => {
  it('Stripe itemized balance report: kinds from reporting_category, gross in micro-units, UTC timestamps, lowercase currency', async () => {
    const { core, workspace } = setup();
    const path = join(FIXTURES, 'stripe-balance-report.csv');
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', commit(path));
    expect(inspection).toMatchObject({ profile: 'Stripe itemized balance report', mappingSource: 'header', questions: [] });
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(path));
    expect(result).toMatchObject({ status: 'committed', totalRows: 7, counts: { created: 7, error: 0 }, rowsWritten: 7, amountWritten: STRIPE_TOTALS, problems: [] });
    const rows = revenuesOf(workspace.db);
    expect(rows.map((r) => [r.external_id, r.kind, r.occurred_at, r.amount_micros, r.currency])).toEqual([
      ['txn_1Pa001', 'sale', '2026-10-01T09:15:02Z', 25_000_000, 'USD'],
      ['txn_1Pa002', 'sale', '2026-10-02T14:40:51Z', 1_250_000_000, 'USD'],
      ['txn_1Pa003', 'refund', '2026-10-05T08:00:00Z', -25_000_000, 'USD'],
      ['txn_1Pa004', 'adjustment', '2026-10-07T17:05:11Z', -40_000_000, 'USD'],
      ['txn_1Pa005', 'sale', '2026-10-09T11:22:33Z', 9_990_000, 'EUR'],
      ['txn_1Pa006', 'sale', '2026-10-12T06:30:00Z', 1_500_000_000, 'JPY'],
      ['txn_1Pa007', 'sale', '2026-10-31T23:59:59Z', 500_000, 'USD'],
    ]);
    expect(rows[1].description).toBe('Team plan, 50 seats');
    const batch = workspace.db.prepare('SELECT file_name, file_size, file_sha256, profile, rows_written FROM import_batches WHERE id = ?').get(result.batchId);
    expect(batch).toEqual({
      file_name: 'stripe-balance-report.csv',
      file_size: readFileSync(path).length,
      file_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      profile: 'Stripe itemized balance report',
      rows_written: 7,
    });
    const totals = workspace.db.prepare('SELECT currency, amount_micros FROM import_batch_totals WHERE batch_id = ? ORDER BY currency').all(result.batchId);
    expect(totals).toEqual([
      { currency: 'EUR', amount_micros: 9_990_000 },
      { currency: 'JPY', amount_micros: 1_500_000_000 },
      { currency: 'USD', amount_micros: 1_210_500_000 },
    ]);
  });

  it('PayPal activity download: quoted fields, MM/DD/YYYY, 1,250.00, gross + fee = net, a refund linked to its payment', async () => {
    const { core, workspace } = setup();
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(join(FIXTURES, 'paypal-activity.csv')));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 5 }, amountWritten: [
        { currency: 'EUR', amount: '2400.50' },
        { currency: 'USD', amount: '1238.00' },
      ] });
    expect(revenuesOf(workspace.db).map((r) => [r.external_id, r.kind, r.occurred_at, r.amount_micros, r.currency, r.refund_of])).toEqual([
      ['8AB12345CD678901E', 'sale', '2026-10-03T16:12:44Z', 1_250_000_000, 'USD', null],
      ['1XY23456ZW789012K', 'sale', '2026-10-04T23:03:10Z', 19_990_000, 'USD', null],
      ['5RF98765QP432109M', 'refund', '2026-10-15T18:45:00Z', -19_990_000, 'USD', '1XY23456ZW789012K'],
      ['9CB11111AA222222B', 'adjustment', '2026-10-20T15:00:00Z', -12_000_000, 'USD', null],
      ['3SB55555CC666666D', 'sale', '2026-10-29T06:10:05Z', 2_400_500_000, 'EUR', null],
    ]);
  });

  it('Shopify orders export: order fields carried down within an order, price x quantity, external_id per line item', async () => {
    const { core, workspace } = setup();
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(join(FIXTURES, 'shopify-orders.csv')));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 6 }, amountWritten: [
        { currency: 'EUR', amount: '12.50' },
        { currency: 'USD', amount: '114.93' },
      ] });
    expect(revenuesOf(workspace.db).map((r) => [r.external_id, r.kind, r.occurred_at, r.amount_micros, r.currency, r.quantity, r.description])).toEqual([
      ['#1001:NB-A5:1', 'sale', '2026-10-02T14:15:00Z', 49_980_000, 'USD', 2, 'Atlas notebook'],
      ['#1001:PEN-01:2', 'sale', '2026-10-02T14:15:00Z', 24_990_000, 'USD', 1, 'Atlas pen'],
      ['#1002::1', 'sale', '2026-10-05T16:30:00Z', 12_500_000, 'EUR', 1, 'Gift card'],
      ['#1003:STK-3:1', 'sale', '2026-11-01T03:00:00Z', 9_990_000, 'USD', 3, 'Sticker pack'],
      ['#1003:NB-A5:2', 'sale', '2026-11-01T03:00:00Z', 29_970_000, 'USD', 1, 'Atlas notebook'],
      ['#1003:STK-3:3', 'sale', '2026-11-01T03:00:00Z', 0, 'USD', 2, 'Sticker pack (gift)'],
    ]);
  });

  it('an order whose first row lacks a field never inherits it from the previous order', async () => {
    const { core, dir } = setup();
    const lines = readFileSync(join(FIXTURES, 'shopify-orders.csv'), 'utf8').trim().split('\n');
    // #1002 with an empty "Paid at": the date of #1001 must not be carried into it.
    lines[3] = '#1002,ben@example.com,pending,,EUR,12.50,12.50,1,Gift card,12.50,';
    const path = writeCsv(dir, 'orders.csv', lines);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(path, { onError: 'skip' }));
    expect(result.counts).toMatchObject({ created: 5, error: 1 });
    expect(result.problems).toEqual([{ rowNumber: 4, column: 'Paid at', message: expect.stringMatching(/^Paid at: is required/) }]);
  });

  it('a row that does not add up is refused, naming the columns and amounts', async () => {
    const { core, dir } = setup();
    const lines = readFileSync(join(FIXTURES, 'paypal-activity.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    lines[2] = lines[2].replace('"19.11"', '"19.12"');
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(writeCsv(dir, 'activity.csv', lines)));
    // The refund of that payment (row 4) then names a sale that was refused: it says so, naming row 3.
    expect(result).toMatchObject({ status: 'rejected', rowsWritten: 0, counts: { created: 3, error: 2 } });
    expect(result.problems).toEqual([
      { rowNumber: 3, column: 'Net', message: 'Net: Gross 19.99 + Fee -0.88 = 19.11, but Net is 19.12; the row does not add up.' },
      { rowNumber: 4, column: 'Reference Txn ID', message: 'Reference Txn ID: the sale "1XY23456ZW789012K" (row 3) was refused, so this refund cannot be linked to it: fix that row first' },
    ]);
  });
});

describe('mapping profiles', () => {
  const profile: MappingProfile = {
    name: 'Bank export',
    entity: 'revenues',
    description: 'Semicolon bank export',
    header: ['Buchung', 'Betrag', 'Waehrung', 'Referenz'],
    mapping: {
      encoding: 'utf-8',
      delimiter: ';',
      numberConvention: 'comma',
      dateFormat: 'DD.MM.YYYY',
      amountUnit: 'major',
      columns: { occurred_at: 'Buchung', amount: 'Betrag', currency: 'Waehrung', external_id: 'Referenz' },
      constants: { kind: 'sale' },
      valueMaps: {},
      fillDown: [],
      fillDownWithin: null,
      amountIsUnitPrice: false,
      sumCheck: null,
      externalIdFrom: null,
      signs: { parentheses: true, trailingMinus: true, refundsPositive: false },
      timeColumn: null,
      timeZoneColumn: null,
      timeZone: null,
    },
  };

  it('save, get, list, export to a file, delete, import from the file: the same profile comes back', async () => {
    const { core, dir } = setup();
    expect(await ok(core, 'profiles.save', { profile })).toEqual({ name: 'Bank export' });
    expect(await ok(core, 'profiles.get', { name: 'bank EXPORT' })).toEqual({ ...profile, builtIn: false });
    const { profiles } = await ok<{ profiles: ProfileSummary[] }>(core, 'profiles.list', { entity: 'revenues' });
    expect(profiles.map((p) => [p.name, p.builtIn])).toEqual([
      ['Stripe itemized balance report', true],
      ['PayPal activity download', true],
      ['Shopify orders export', true],
      ['Bank export', false],
    ]);
    expect((await ok<{ profiles: ProfileSummary[] }>(core, 'profiles.list', { entity: 'payees' })).profiles).toEqual([]);
    const file = join(dir, 'bank.json');
    const exported = await ok<{ path: string; bytes: number }>(core, 'profiles.exportFile', { name: 'Bank export', path: file });
    expect(exported.bytes).toBe(readFileSync(file).length);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'closebook-mapping-profile', version: 1, profile });
    expect(await ok(core, 'profiles.delete', { name: 'Bank export' })).toEqual({ name: 'Bank export' });
    expect((await fails(core, 'profiles.get', { name: 'Bank export' })).code).toBe('profile_not_found');
    expect(await ok(core, 'profiles.importFile', { path: file })).toEqual({ name: 'Bank export' });
    expect(await ok(core, 'profiles.get', { name: 'Bank export' })).toEqual({ ...profile, builtIn: false });
  });

  it('is applied automatically to a file with the same header, and decides what the file leaves open', async () => {
    const { core, dir, workspace } = setup();
    await ok(core, 'profiles.save', { profile });
    // "1.000,00" and 03.10.2026 would be questions without the profile; the header (in another order) finds it.
    const path = writeCsv(dir, 'bank.csv', ['Referenz;Betrag;Buchung;Waehrung', 'B-1;1.000,00;03.10.2026;EUR', 'B-2;12,5;04.10.2026;EUR']);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', commit(path));
    expect(inspection).toMatchObject({ profile: 'Bank export', mappingSource: 'header', questions: [] });
    expect(inspection.preview.map((p) => p.record)).toEqual([
      { external_id: 'B-1', kind: 'sale', occurred_at: '2026-10-03', amount: '1000.00', currency: 'EUR' },
      { external_id: 'B-2', kind: 'sale', occurred_at: '2026-10-04', amount: '12.50', currency: 'EUR' },
    ]);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(path));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 2 }, amountWritten: [{ currency: 'EUR', amount: '1012.50' }] });
    expect(workspace.db.prepare('SELECT profile FROM import_batches WHERE id = ?').pluck().get(result.batchId)).toBe('Bank export');
  });

  it('refuses to replace or delete a built-in profile, an unknown name, and a file that is not a profile', async () => {
    const { core, dir } = setup();
    expect((await fails(core, 'profiles.save', { profile: { ...profile, name: 'shopify orders export' } })).code).toBe('profile_built_in');
    expect((await fails(core, 'profiles.delete', { name: 'Shopify orders export' })).code).toBe('profile_built_in');
    expect((await fails(core, 'profiles.delete', { name: 'Nope' })).code).toBe('profile_not_found');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'closebook-mapping-profile', version: 1, profile: { ...profile, entity: 'invoices' } }));
    const error = await fails(core, 'profiles.importFile', { path: bad });
    expect(error).toMatchObject({ type: 'validation_error', code: 'invalid_profile_file' });
    expect(error.message).toMatch(/entity/);
    writeFileSync(bad, '{not json');
    expect((await fails(core, 'profiles.importFile', { path: bad })).message).toMatch(/not valid JSON/);
  });

  it('migration 7 keeps profile names unique regardless of case, and stores only valid JSON of a known entity', async () => {
    const { core, workspace } = setup();
    await ok(core, 'profiles.save', { profile });
    await ok(core, 'profiles.save', { profile: { ...profile, name: 'BANK EXPORT', description: 'renamed' } });
    expect(workspace.db.prepare("SELECT name, json_extract(profile, '$.description') AS description FROM import_profiles").all()).toEqual([{ name: 'BANK EXPORT', description: 'renamed' }]);
    const insert = workspace.db.prepare("INSERT INTO import_profiles VALUES (?, ?, 'k', ?, 'now', 'now')");
    expect(() => insert.run('bank export', 'revenues', '{}')).toThrow(/UNIQUE/);
    expect(() => insert.run('Other', 'invoices', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('Other', 'revenues', '{not json')).toThrow(/CHECK/);
  });

  it('a built-in profile can be exported, and imported back under a new name', async () => {
    const { core, dir } = setup();
    const file = join(dir, 'stripe.json');
    await ok(core, 'profiles.exportFile', { name: 'Stripe itemized balance report', path: file });
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.profile.name = 'Stripe (EU account)';
    writeFileSync(file, JSON.stringify(json));
    expect(await ok(core, 'profiles.importFile', { path: file })).toEqual({ name: 'Stripe (EU account)' });
    expect(await ok(core, 'profiles.get', { name: 'Stripe (EU account)' })).toMatchObject({ builtIn: false, mapping: { sumCheck: { parts: ['gross'], subtract: ['fee'], total: 'net' } } });
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db/workspace';
import { tempDir } from '../support/temp-workspace';
import { FIXTURES, ORG, REVENUE_HEADER, seedOrg, writeCsv } from './import-files-support';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'closebook.mjs');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspaceFile(dir: string): string {
  const path = join(dir, 'cli.closebook');
  const workspace = openWorkspace(path);
  seedOrg(workspace.db);
  workspace.close();
  return path;
}

describe('closebook import', () => {
  it('imports a file, prints the outcome counts as JSON on stdout and progress on stderr', () => {
    const dir = tempDir();
    const ws = workspaceFile(dir);
    const file = join(FIXTURES, 'shopify-orders.csv');
    const first = cli(['import', 'revenues', file, '--workspace', ws, '--org', ORG]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'committed', counts: { created: 6, error: 0 }, rowsWritten: 6, amountWritten: [
      { currency: 'EUR', amount: '12.50' },
      { currency: 'USD', amount: '114.93' },
    ] });
    expect(first.stderr).toMatch(/^import: 6 rows \(/m);
    const again = cli(['import', 'revenues', file, '--workspace', ws, '--org', ORG, '--profile', 'Shopify orders export', '--operation', 'create_only']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { created: 0, skipped_duplicate: 6 }, sameFileBatchId: 1 });
  });

  it('exits 1 when the file is rejected (nothing written), 0 when the same rows are skipped with --on-error skip', () => {
    const dir = tempDir();
    const ws = workspaceFile(dir);
    const file = writeCsv(dir, 'mixed.csv', [REVENUE_HEADER, 'm1,sale,2026-10-05,10.00,USD,ok', 'm2,sale,2026-09-05,10.00,USD,locked', 'm3,sale,2026-10-05,ten,USD,bad']);
    const rejected = cli(['import', 'revenues', file, '--workspace', ws, '--org', ORG]);
    expect(rejected.code).toBe(1);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ status: 'rejected', rowsWritten: 0, counts: { created: 1, blocked_locked_period: 1, error: 1 } });
    const checked = cli(['import', 'revenues', file, '--workspace', ws, '--org', ORG, '--check']);
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout)).toMatchObject({ rowsToWrite: 1, counts: { error: 1 } });
    const skipped = cli(['import', 'revenues', file, '--workspace', ws, '--org', ORG, '--on-error', 'skip']);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ status: 'committed', rowsWritten: 1, problems: [{ rowNumber: 3 }, { rowNumber: 4, column: 'amount' }] });
  });

  it('exits 1 with the error for a file it cannot read, and 2 with usage for bad arguments', () => {
    const dir = tempDir();
    const ws = workspaceFile(dir);
    const empty = writeCsv(dir, 'empty.csv', []);
    const bad = cli(['import', 'revenues', empty, '--workspace', ws, '--org', ORG]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'empty_file' } });
    expect(bad.stderr).toMatch(/empty\.csv cannot be imported/);
    for (const args of [
      ['import'],
      ['import', 'invoices', empty, '--workspace', ws, '--org', ORG],
      ['import', 'revenues', '--workspace', ws, '--org', ORG],
      ['import', 'revenues', empty, '--workspace', ws],
      ['import', 'revenues', empty, '--workspace', ws, '--org', ORG, '--on-error', 'ignore'],
      ['import', 'revenues', empty, '--workspace', ws, '--org', ORG, '--frobnicate'],
    ]) {
      const usage = cli(args);
      expect(usage.code, args.join(' ')).toBe(2);
      expect(usage.stderr).toMatch(/Usage: closebook import <revenues\|payees\|products\|billing\|consumption\|usage\|commitments\|showback_usage> FILE/);
    }
    const missing = cli(['import', 'revenues', empty, '--workspace', join(dir, 'nope.closebook'), '--org', ORG]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot open the workspace/);
  });

  it('imports a usage file (the usage entity through its built-in profile) and refuses an unknown org, writing nothing', () => {
    const dir = tempDir();
    const ws = workspaceFile(dir);
    const workspace = openWorkspace(ws);
    workspace.db
      .prepare(
        `INSERT INTO price_plans (org_id, name, effective_from, subscription_price_micros, ppu_price_micros, section_widget_price_micros, column_widget_price_micros,
           record_storage_price_micros, file_storage_price_micros, backup_price_micros, created_at, updated_at) VALUES (?, 'Team', '2026-01-01', 12000000, 0, 0, 0, 0, 0, 0, 'x', 'x')`,
      )
      .run(ORG);
    workspace.close();
    const file = join(FIXTURES, 'usage-per-cycle.csv');
    const unknown = cli(['import', 'usage', file, '--workspace', ws, '--org', 'org-nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/org-nope/);
    const imported = cli(['import', 'usage', file, '--workspace', ws, '--org', ORG]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ status: 'committed', counts: { created: 3, error: 0 }, rowsWritten: 3 });
    const after = openWorkspace(ws);
    expect(after.db.prepare('SELECT cycle_start, seats FROM cycle_usage ORDER BY cycle_start').raw().all()).toEqual([
      ['2026-06-01', 10],
      ['2026-07-01', 12],
      ['2026-08-01', 12],
    ]);
    expect(after.db.prepare("SELECT profile FROM import_batches WHERE entity = 'usage'").pluck().all()).toEqual(['Usage report per billing cycle']);
    after.close();
  });

  it('--encoding reads the file in the encoding named, whatever was detected; a wrong one is an error naming the row', () => {
    const dir = tempDir();
    const ws = workspaceFile(dir);
    // "Café" in Windows-1252 (é is one byte, 0xE9), which is not UTF-8.
    const file = join(dir, 'latin.csv');
    writeFileSync(file, Buffer.from(`${REVENUE_HEADER}\nl1,sale,2026-10-05,10.00,USD,Caf\xe9\n`, 'latin1'));
    const wrong = cli(['import', 'revenues', file, '--workspace', ws, '--org', ORG, '--encoding', 'utf-8']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Row 2, column 6 \("description"\).*not valid UTF-8/);
    const right = cli(['import', 'revenues', file, '--workspace', ws, '--org', ORG, '--encoding', 'windows-1252']);
    expect(right.code).toBe(0);
    const workspace = openWorkspace(ws);
    expect(workspace.db.prepare("SELECT description FROM revenues WHERE external_id = 'l1'").pluck().get()).toBe('Café');
    workspace.close();
    const bad = cli(['import', 'revenues', file, '--workspace', ws, '--org', ORG, '--encoding', 'latin-9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--encoding must be one of utf-8, utf-16le, utf-16be, windows-1252, got "latin-9"/);
  });
});

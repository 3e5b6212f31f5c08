import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { tempDir } from '../../support/temp-workspace';

// Step 40 adds statements.origin (the statements already stored were generated here) and
// synced_report_results (the server's result per org, report and month).
const STEP = MIGRATIONS.findIndex((m) => m.name === 'synced-statements-and-reports');

const ZEROS = 'seats, record_count, section_widget_uses, column_widget_uses, version_count, file_size_mb, backups, subscription_price_micros, ppu_price_micros, section_widget_price_micros, column_widget_price_micros, record_storage_price_micros, file_storage_price_micros, backup_price_micros, subscription_cost_micros, ppu_cost_micros, section_widget_usage_cost_micros, column_widget_usage_cost_micros, record_storage_cost_micros, file_storage_cost_micros, backup_cost_micros, total_micros, credits_applied_micros, amount_due_micros, available_credits_micros';

describe('migration 40: synced statements and report results', () => {
  it("keeps an older workspace's statements as generated here, accepts only local or synced, and keeps one result per org, report and month", () => {
    expect(STEP).toBeGreaterThan(0);
    const path = join(tempDir(), 'old.closebook');
    const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, STEP) });
    old.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('o', 'Org', NULL, '2026-01-01T00:00:00Z')").run();
    old.db
      .prepare(`INSERT INTO statements (sid, org_id, date_start, date_end, currency, is_current, is_subscription, ${ZEROS}, plan_segments, generated_at) VALUES ('st_1', 'o', '2026-09-01', '2026-09-30', 'USD', 0, 1, ${ZEROS.split(',').map(() => '0').join(', ')}, '[]', 't')`)
      .run();
    old.close();
    const workspace = openWorkspace(path);
    const db = workspace.db;
    expect(db.prepare('SELECT sid, origin FROM statements').all()).toEqual([{ sid: 'st_1', origin: 'local' }]);
    expect(() => db.prepare("UPDATE statements SET origin = 'elsewhere'").run()).toThrow(/CHECK/);
    db.prepare('INSERT INTO sync_runs (org_id, source, status, started_at, finished_at) VALUES (?, ?, ?, ?, ?)').run('o', 'reports', 'committed', 't', 't');
    const insert = db.prepare(
      "INSERT INTO synced_report_results (org_id, report_type, year, month, status, title, parameters, columns, rows, row_count, content_hash, run_id, synced_at) VALUES ('o', 'r', 2026, ?, ?, 'R', '{}', '[]', ?, 0, 'h', 1, 't')",
    );
    insert.run(9, 'finalized', '[]');
    expect(() => insert.run(9, 'finalized', '[]')).toThrow(/UNIQUE/);
    expect(() => insert.run(13, 'finalized', '[]')).toThrow(/CHECK/);
    expect(() => insert.run(10, 'open', '[]')).toThrow(/CHECK/);
    expect(() => insert.run(10, 'in_progress', '{}')).toThrow(/CHECK/);
    workspace.close();
  });
});

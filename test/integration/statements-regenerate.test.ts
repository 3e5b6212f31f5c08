import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../support/temp-workspace';
import { ensureStatements } from '../../src/main/statements/generate';
import { savePlans } from '../../src/main/statements/plan-store';
import { saveUsage } from '../../src/main/statements/usage-store';
import { grantCredits } from '../../src/main/statements/credit-store';
import { setAnchorDay } from '../../src/main/statements/billing-settings';
import { cyclesBetween } from '../../src/main/statements/billing-cycle';

const LINES = ['subscription', 'ppu', 'section_widget_usage', 'column_widget_usage', 'record_storage', 'file_storage', 'backup'];
const TODAY = '2021-06-15';

describe('generated statements, properties over random histories', () => {
  it('total = sum of the rounded lines, due = total - applied >= 0, and regenerating past cycles changes nothing', () => {
    const count = fc.integer({ min: 0, max: 100_000 });
    const money = fc.integer({ min: 0, max: 5_000_000 }).map((cents) => (cents / 100).toFixed(2));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.array(fc.record({ seats: count, record_count: count, version_count: count, file_size_mb: count, backups: fc.integer({ min: 0, max: 60 }) }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 500 }), amount: money.filter((m) => m !== '0.00') }), { maxLength: 5 }),
        money,
        money,
        (anchor, usage, credits, priceA, priceB) => {
          const { workspace } = tempWorkspace();
          const db = workspace.db;
          db.prepare("INSERT INTO orgs (id, name, parent_id, created_at, currency) VALUES ('o', 'O', NULL, '2019-01-01', 'EUR')").run();
          setAnchorDay(db, 'o', anchor);
          const prices = { ppu_price: '0.0035', section_widget_price: '0', column_widget_price: '0', record_storage_price: '0.0011', file_storage_price: '19.99', backup_price: '0.75' };
          savePlans(db, 'o', [
            { name: 'A', effective_from: '2020-01-01', effective_to: '2020-06-17', is_subscription: true, subscription_price: priceA, ...prices },
            { name: 'B', effective_from: '2020-06-18', effective_to: null, is_subscription: true, subscription_price: priceB, ...prices },
          ]);
          const cycles = cyclesBetween('2020-01-01', '2020-12-31', anchor).slice(0, 12);
          saveUsage(db, 'o', cycles.map((c, i) => ({ cycle_start: c.start, section_widget_uses: 0, column_widget_uses: 0, ...usage[i]! })), TODAY);
          grantCredits(db, 'o', credits.map((c) => ({ granted_on: new Date(Date.UTC(2020, 0, 1 + c.day)).toISOString().slice(0, 10), amount: c.amount })));
          ensureStatements(db, 'o', 'on-read', TODAY);
          const rows = db.prepare('SELECT * FROM statements ORDER BY date_start').all() as Array<Record<string, number>>;
          for (const row of rows) {
            expect(row.total_micros).toBe(LINES.reduce((sum, line) => sum + row[`${line}_cost_micros`]!, 0));
            expect(row.amount_due_micros).toBe(row.total_micros! - row.credits_applied_micros!);
            expect(row.amount_due_micros).toBeGreaterThanOrEqual(0);
            expect(row.total_micros! % 10_000).toBe(0); // whole cents
          }
          const applied = db.prepare('SELECT credit_id, sum(amount_micros) AS s FROM credit_applications GROUP BY credit_id').all() as Array<{ credit_id: number; s: number }>;
          for (const a of applied) expect(a.s).toBeLessThanOrEqual(db.prepare('SELECT amount_micros FROM credit_grants WHERE id = ?').pluck().get(a.credit_id) as number);
          const snapshot = JSON.stringify([db.prepare('SELECT * FROM statements WHERE is_current = 0 ORDER BY id').all(), db.prepare('SELECT a.* FROM credit_applications a JOIN statements s ON s.id = a.statement_id WHERE s.is_current = 0 ORDER BY 1, 2').all()]);
          ensureStatements(db, 'o', 'on-read', TODAY);
          ensureStatements(db, 'o', 'after-write', TODAY);
          grantCredits(db, 'o', [{ granted_on: '2020-02-01', amount: '1000' }]);
          ensureStatements(db, 'o', 'after-write', TODAY);
          expect(JSON.stringify([db.prepare('SELECT * FROM statements WHERE is_current = 0 ORDER BY id').all(), db.prepare('SELECT a.* FROM credit_applications a JOIN statements s ON s.id = a.statement_id WHERE s.is_current = 0 ORDER BY 1, 2').all()])).toBe(snapshot);
          workspace.close();
        },
      ),
      { numRuns: 12 },
    );
  });
});

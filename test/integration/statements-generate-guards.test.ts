import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../support/temp-workspace';
import { ensureStatements, newSid } from '../../src/main/statements/generate';
import { savePlans } from '../../src/main/statements/plan-store';
import { saveUsage } from '../../src/main/statements/usage-store';
import { grantCredits } from '../../src/main/statements/credit-store';
import type { Database } from '../../src/main/db/driver';

// The generation's guards that the property test (statements-regenerate) does not reach:
// a read never rewrites, a write regenerates the current cycle with its credits applied once,
// the currency's own minor units, the row-size guard, the sid's shape.

const TODAY = '2021-03-15';
const PRICES = { ppu_price: '0', section_widget_price: '0', column_widget_price: '0', record_storage_price: '0', file_storage_price: '0', backup_price: '0' };

const USAGE = { seats: 0, record_count: 0, version_count: 0, file_size_mb: 0, backups: 0, section_widget_uses: 0, column_widget_uses: 0 };

function org(currency: string, subscriptionPrice: string, extra: Partial<typeof PRICES> = {}): { db: Database.Database; close: () => void } {
  const { workspace } = tempWorkspace();
  const db = workspace.db;
  db.prepare("INSERT INTO orgs (id, name, parent_id, created_at, currency) VALUES ('o', 'O', NULL, '2020-01-01', ?)").run(currency);
  savePlans(db, 'o', [{ name: 'P', effective_from: '2021-01-01', effective_to: null, is_subscription: true, subscription_price: subscriptionPrice, ...PRICES, ...extra }]);
  saveUsage(db, 'o', [{ cycle_start: '2021-03-01', ...USAGE, seats: 1 }], TODAY);
  return { db, close: () => workspace.close() };
}

const changes = (db: Database.Database) => db.prepare('SELECT total_changes()').pluck().get() as number;
const current = (db: Database.Database) => db.prepare('SELECT * FROM statements WHERE org_id = ? AND is_current = 1').get('o') as Record<string, number | string> | undefined;

describe('statement generation guards', () => {
  it('a sid is "st_" and 20 lowercase hex digits, no dash', () => {
    for (let i = 0; i < 50; i++) expect(newSid()).toMatch(/^st_[0-9a-f]{20}$/);
  });

  it('a read after a read writes nothing: the current statement is not rewritten', () => {
    const { db, close } = org('EUR', '10.00');
    ensureStatements(db, 'o', 'on-read', TODAY);
    expect(db.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(3);
    const before = changes(db);
    ensureStatements(db, 'o', 'on-read', TODAY);
    expect(changes(db)).toBe(before);
    close();
  });

  it('a write makes the current statement even when none was read before, and past cycles wait for a read', () => {
    const { db, close } = org('EUR', '10.00');
    ensureStatements(db, 'o', 'after-write', TODAY);
    expect(current(db)).toMatchObject({ date_start: '2021-03-01', total_micros: 10_000_000 });
    expect(db.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(1);
    close();
  });

  it('regenerating the current statement after writes applies each credit once', () => {
    const { db, close } = org('EUR', '10.00');
    grantCredits(db, 'o', [{ granted_on: '2021-03-02', amount: '4.00' }]);
    ensureStatements(db, 'o', 'on-read', TODAY);
    for (let i = 0; i < 3; i++) ensureStatements(db, 'o', 'after-write', TODAY);
    const statement = current(db)!;
    expect(statement).toMatchObject({ credits_applied_micros: 4_000_000, amount_due_micros: 6_000_000, available_credits_micros: 0 });
    expect(db.prepare('SELECT count(*), sum(amount_micros) FROM credit_applications').raw().get()).toEqual([1, 4_000_000]);
    close();
  });

  it('older cycles generated on a read take credits first: the current statement is recomputed after them', () => {
    const { db, close } = org('EUR', '10.00');
    saveUsage(db, 'o', [{ cycle_start: '2021-01-01', ...USAGE, seats: 1 }], TODAY);
    grantCredits(db, 'o', [{ granted_on: '2021-01-02', amount: '4.00' }]);
    ensureStatements(db, 'o', 'after-write', TODAY); // the current cycle only: it takes the credit for now
    expect(current(db)).toMatchObject({ credits_applied_micros: 4_000_000 });
    ensureStatements(db, 'o', 'on-read', TODAY); // January and February made now, January first
    const applied = db.prepare('SELECT date_start, credits_applied_micros FROM statements ORDER BY date_start').raw().all();
    expect(applied).toEqual([['2021-01-01', 4_000_000], ['2021-02-01', 0], ['2021-03-01', 0]]);
    close();
  });

  it('a three-decimal currency keeps its thousandths (not rounded to cents)', () => {
    const { db, close } = org('KWD', '10.005');
    ensureStatements(db, 'o', 'on-read', TODAY);
    expect(current(db)).toMatchObject({ currency: 'KWD', subscription_cost_micros: 10_005_000, total_micros: 10_005_000 });
    close();
  });

  it('a line larger than a row can hold is refused naming the org and cycle, nothing written', () => {
    const { db, close } = org('EUR', '0', { record_storage_price: '1000' });
    saveUsage(db, 'o', [{ cycle_start: '2021-03-01', ...USAGE, version_count: 10_000_000_000_000 }], TODAY);
    expect(() => ensureStatements(db, 'o', 'on-read', TODAY)).toThrow(/record_storage cost of o's cycle 2021-03-01 is larger than a row can hold/);
    expect(db.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
    close();
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { tempDir } from '../../support/temp-workspace';

// Step 20 adds phone, address, payout_currency and hold_reason to payees: existing payees
// keep their values and start with the new ones empty; a reason only goes with a hold.
const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'payee-contact-and-currency');

function olderWorkspace() {
  const path = join(tempDir(), 'old.closebook');
  const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, BEFORE) });
  old.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('o', 'Org', NULL, '2026-01-01T00:00:00Z')").run();
  const payee = old.db.prepare("INSERT INTO payees (org_id, external_id, name, email, on_hold, threshold_micros, created_at, updated_at) VALUES ('o', ?, ?, ?, ?, ?, 'x', 'x')");
  payee.run('pe_1', 'Ada', 'ada@example.com', 1, 25_000_000);
  payee.run('pe_2', 'Ben', null, 0, 0);
  old.close();
  return path;
}

describe('migration 20: payee contact details and payout currency', () => {
  it('keeps existing payees as they were, with the new fields empty, and holds a reason only for a payee on hold', () => {
    const workspace = openWorkspace(olderWorkspace());
    const payees = workspace.db.prepare('SELECT external_id, name, email, on_hold, threshold_micros, phone, address, payout_currency, hold_reason FROM payees ORDER BY id').all();
    expect(payees).toEqual([
      { external_id: 'pe_1', name: 'Ada', email: 'ada@example.com', on_hold: 1, threshold_micros: 25_000_000, phone: null, address: null, payout_currency: null, hold_reason: null },
      { external_id: 'pe_2', name: 'Ben', email: null, on_hold: 0, threshold_micros: 0, phone: null, address: null, payout_currency: null, hold_reason: null },
    ]);
    const set = workspace.db.prepare('UPDATE payees SET hold_reason = ? WHERE external_id = ?');
    expect(() => set.run('Tax form missing', 'pe_1')).not.toThrow();
    expect(() => set.run('Tax form missing', 'pe_2')).toThrow(/CHECK/);
    expect(() => workspace.db.prepare("UPDATE payees SET payout_currency = 'eur' WHERE external_id = 'pe_2'").run()).toThrow(/CHECK/);
    workspace.close();
  });
});

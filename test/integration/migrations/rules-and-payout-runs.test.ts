import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openWorkspace } from '../../../src/main/db/workspace';
import { tempDir } from '../../support/temp-workspace';

// Step 17 adds rules (current state), rule_versions (every saved state) and payout_runs
// (each month's stored result) to a workspace that already holds data, and its checks
// keep a rule's scope and dates coherent whatever writes it.
const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'rules-and-payout-runs');

describe('migration 17: rules and payout runs', () => {
  it('opens an older workspace, keeps its rows, and refuses incoherent rules', () => {
    const path = join(tempDir(), 'old.closebook');
    const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, BEFORE) });
    old.db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES ('o', 'Org', 'USD', 'x')").run();
    old.db.prepare("INSERT INTO payees (org_id, name, created_at, updated_at) VALUES ('o', 'Ada', 'x', 'x')").run();
    old.close();
    const ws = openWorkspace(path);
    expect(ws.db.prepare('SELECT name FROM payees').pluck().all()).toEqual(['Ada']);
    const insert = ws.db.prepare(
      "INSERT INTO rules (org_id, name, status, scope, product_id, category, tag, effective_from, effective_to, splits, version, created_at, updated_at) VALUES ('o', 'R', 'active', ?, ?, ?, NULL, ?, ?, '[]', 1, 'x', 'x')",
    );
    expect(() => insert.run('org', null, null, '2026-01-01', null)).not.toThrow();
    expect(() => insert.run('category', null, null, '2026-01-01', null)).toThrow(/CHECK/);
    expect(() => insert.run('org', null, 'Books', '2026-01-01', null)).toThrow(/CHECK/);
    expect(() => insert.run('org', null, null, '2026-02-01', '2026-01-31')).toThrow(/CHECK/);
    expect(() => insert.run('org', null, null, '2026-1-01', null)).toThrow(/CHECK/);
    ws.close();
  });
});

import type { Database } from '../db/driver';
import type { DemoOrg, DemoPayee, DemoPeriod, DemoProduct, DemoRevenue, DemoRule } from './demo-rows';

/** Orgs, periods, payees, products, rules with their versions and workspace meta: a few hundred rows, one transaction. */
export function writeReferenceRows(
  db: Database.Database,
  rows: {
    orgs: readonly DemoOrg[];
    periods: readonly DemoPeriod[];
    payees: readonly DemoPayee[];
    products: readonly DemoProduct[];
    rules: readonly DemoRule[];
    meta: Record<string, string>;
  },
): void {
  const org = db.prepare('INSERT INTO orgs (id, name, parent_id, currency, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const period = db.prepare('INSERT INTO periods (org_id, period, status, finalized_at) VALUES (?, ?, ?, ?)');
  const payee = db.prepare(
    `INSERT INTO payees (id, org_id, external_id, name, email, phone, address, payout_currency, on_hold, hold_reason, threshold_micros, fallback_percentage, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rule = db.prepare(
    `INSERT INTO rules (id, org_id, external_id, name, status, scope, product_id, category, tag, effective_from, effective_to, splits, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ruleVersion = db.prepare('INSERT INTO rule_versions (rule_id, version, saved_at, saved_by, change, changes, state) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const product = db.prepare(
    `INSERT INTO products (id, org_id, external_id, name, category, tags, metadata, archived, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const meta = db.prepare('INSERT OR REPLACE INTO workspace_meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (const o of rows.orgs) org.run(o.id, o.name, o.parent_id, o.currency, o.time_zone, o.created_at);
    for (const p of rows.periods) period.run(p.org_id, p.period, p.status, p.finalized_at);
    for (const p of rows.payees) {
      payee.run(p.id, p.org_id, p.external_id, p.name, p.email, p.phone, p.address, p.payout_currency, p.on_hold, p.hold_reason, p.threshold_micros, p.fallback_percentage, p.created_at, p.updated_at);
    }
    for (const p of rows.products) {
      product.run(p.id, p.org_id, p.external_id, p.name, p.category, p.tags, p.metadata, p.archived, p.created_at, p.updated_at);
    }
    for (const r of rows.rules) {
      const current = r.versions[r.versions.length - 1];
      const s = current.state;
      const created = r.versions[0].saved_at;
      rule.run(r.id, r.org_id, r.external_id, s.name, s.status, s.scope, s.product_id, s.category, s.tag, s.effective_from, s.effective_to, JSON.stringify(s.splits), r.versions.length, created, current.saved_at);
      r.versions.forEach((v, i) => ruleVersion.run(r.id, i + 1, v.saved_at, 'demo', i === 0 ? 'created' : 'updated', JSON.stringify(v.changes), JSON.stringify(v.state)));
    }
    for (const [key, value] of Object.entries(rows.meta)) meta.run(key, value);
  }).immediate();
}

/**
 * Revenue rows through one prepared statement in a single transaction: the demo lands
 * whole or not at all. The table's indexes are dropped first and rebuilt from their
 * own stored SQL at the end, inside the same transaction: building an index once from
 * sorted data is much faster than updating three B-trees per row (2M rows: ~20 s
 * instead of ~30 s), and the schema ends exactly as the migrations made it.
 */
export function writeRevenueRows(db: Database.Database, rows: Iterable<DemoRevenue>, onRow: (done: number) => void): number {
  const insert = db.prepare(
    `INSERT INTO revenues (id, org_id, external_id, kind, occurred_at, period, payee_id, product_id, amount_micros, currency, quantity, description, refund_of, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let done = 0;
  db.transaction(() => {
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'revenues' AND sql IS NOT NULL ORDER BY name")
      .all() as Array<{ name: string; sql: string }>;
    for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
    for (const r of rows) {
      // Imported rows: created and last updated when they occurred, so reruns match.
      insert.run(r.id, r.org_id, r.external_id, r.kind, r.occurred_at, r.period, r.payee_id, r.product_id, r.amount_micros, r.currency, r.quantity, r.description, r.refund_of, r.occurred_at, r.occurred_at);
      onRow(++done);
    }
    for (const index of indexes) db.exec(index.sql);
  }).immediate();
  return done;
}

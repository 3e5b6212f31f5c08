import type { Database } from '../../src/main/db/driver';
import { decimalToMicros } from '../../src/shared/money';

export interface SeedRevenue {
  externalId: string | null;
  kind: 'sale' | 'refund' | 'adjustment';
  occurredAt: string;
  amount: string;
  currency?: string;
  payee?: string;
  product?: string;
  description?: string | null;
  refundOf?: string | null;
  quantity?: number;
}

/** A parent org with one child, two periods (one finalized), and the given revenues. */
export function seedOrgWithRevenues(db: Database.Database, revenues: SeedRevenue[], orgId = 'org-parent'): void {
  const now = '2026-11-01T00:00:00Z';
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(orgId, 'Parent Org', now);
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)').run(`${orgId}-child`, 'Child Org', orgId, now);
  db.prepare("INSERT INTO periods VALUES (?, '2026-09', 'finalized', ?)").run(orgId, now);
  db.prepare("INSERT INTO periods VALUES (?, '2026-10', 'in_progress', NULL)").run(orgId);
  const payee = db.prepare('INSERT INTO payees (org_id, external_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const product = db.prepare('INSERT INTO products (org_id, external_id, name, category, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const payeeIds = new Map<string, number>();
  const productIds = new Map<string, number>();
  const insert = db.prepare(`INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, payee_id, product_id, amount_micros,
      currency, quantity, description, refund_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const r of revenues) {
    let payeeId: number | null = null;
    if (r.payee) {
      if (!payeeIds.has(r.payee)) payeeIds.set(r.payee, Number(payee.run(orgId, `pe-${r.payee}`, r.payee, now, now).lastInsertRowid));
      payeeId = payeeIds.get(r.payee)!;
    }
    let productId: number | null = null;
    if (r.product) {
      if (!productIds.has(r.product)) productIds.set(r.product, Number(product.run(orgId, `pr-${r.product}`, r.product, 'Books', now, now).lastInsertRowid));
      productId = productIds.get(r.product)!;
    }
    insert.run(orgId, r.externalId, r.kind, r.occurredAt, r.occurredAt.slice(0, 7), payeeId, productId, decimalToMicros(r.amount), r.currency ?? 'USD',
      r.quantity ?? 1, r.description ?? null, r.refundOf ?? null, now, now);
  }
}

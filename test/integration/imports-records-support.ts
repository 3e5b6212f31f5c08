import { createHash } from 'node:crypto';
import type { CoreHost } from '../../src/main/core/host';
import type { Database } from '../../src/main/db/driver';
import type { Result } from '../../src/shared/errors';
import { LOCAL } from '../support/temp-workspace';

export const ORG = 'org-a';
export const OPEN = '2026-10';
export const CLOSED = '2026-09';

/** An org with a finalized and an open period, two payees and a product (inserted directly). */
export function seedOrg(db: Database.Database): void {
  const now = '2026-10-01T00:00:00Z';
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Org A', now);
  db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('org-b', 'Org B', NULL, ?)").run(now);
  db.prepare("INSERT INTO periods VALUES (?, ?, 'finalized', ?)").run(ORG, CLOSED, now);
  db.prepare("INSERT INTO periods VALUES (?, ?, 'in_progress', NULL)").run(ORG, OPEN);
  const payee = db.prepare('INSERT INTO payees (org_id, external_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  payee.run(ORG, 'pe_1', 'Ada Books', now, now);
  payee.run(ORG, 'pe_2', 'Ben Audio', now, now);
  db.prepare('INSERT INTO products (org_id, external_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(ORG, 'pr_1', 'Atlas', now, now);
}

const DIGEST_TABLES = ['revenues', 'payees', 'products', 'consumption_records'];

/** SHA-256 of every row (all columns, by id) of the tables imports write. */
export function digest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of DIGEST_TABLES) {
    hash.update(`#${table}\n`);
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY id`).raw(true).iterate() as Iterable<unknown[]>) hash.update(JSON.stringify(row) + '\n');
  }
  return hash.digest('hex');
}

export async function call(core: CoreHost, method: string, input: unknown): Promise<Result<unknown>> {
  return core.call(method, input, LOCAL).result;
}

export async function ok<T>(core: CoreHost, method: string, input: unknown): Promise<T> {
  const result = await call(core, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A valid open-period sale. */
export function sale(externalId: string | null, amount = '10.00', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(externalId === null ? {} : { external_id: externalId }), occurred_at: '2026-10-05T12:00:00Z', amount, currency: 'USD', ...extra };
}

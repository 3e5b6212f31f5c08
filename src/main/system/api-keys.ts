import { createHash, randomBytes } from 'node:crypto';
import type { Permission } from '../../shared/permissions';
import type { Database } from '../db/driver';
import type { Principal } from '../api/context';

export function newSecret(): string {
  return 'cbk_' + randomBytes(24).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createApiKey(db: Database.Database, name: string, permissions: Permission[]) {
  const secret = newSecret();
  const createdAt = new Date().toISOString();
  const unique = [...new Set(permissions)];
  const { lastInsertRowid } = db
    .prepare('INSERT INTO api_keys (name, secret_sha256, permissions, created_at) VALUES (?, ?, ?, ?)')
    .run(name, sha256(secret), JSON.stringify(unique), createdAt);
  return { id: Number(lastInsertRowid), name, permissions: unique, secret };
}

export function listApiKeys(db: Database.Database) {
  const rows = db.prepare('SELECT id, name, permissions, created_at AS createdAt FROM api_keys ORDER BY id').all() as Array<{
    id: number;
    name: string;
    permissions: string;
    createdAt: string;
  }>;
  return rows.map((r) => ({ ...r, permissions: JSON.parse(r.permissions) as Permission[] }));
}

/** The principal a stored key's secret stands for, or null. */
export function findApiKey(db: Database.Database, secret: string): Principal | null {
  const row = db.prepare('SELECT name, permissions FROM api_keys WHERE secret_sha256 = ?').get(sha256(secret)) as
    | { name: string; permissions: string }
    | undefined;
  if (!row) return null;
  return { name: row.name, permissions: new Set(JSON.parse(row.permissions) as Permission[]) };
}

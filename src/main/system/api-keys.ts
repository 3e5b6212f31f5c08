import { createHash, randomBytes } from 'node:crypto';
import type { Permission } from '../../shared/permissions';
import type { StoredKey } from '../../shared/contract/system';
import type { Database } from '../db/driver';
import type { Principal } from '../api/context';
import { notFound } from '../api/failure';

/** last_used_at is written at most this often per key: a busy script does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function newSecret(): string {
  return 'cbk_' + randomBytes(24).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createApiKey(db: Database.Database, name: string, permissions: Permission[], expiresAt: string | null = null) {
  const secret = newSecret();
  const createdAt = new Date().toISOString();
  const unique = [...new Set(permissions)];
  const { lastInsertRowid } = db
    .prepare('INSERT INTO api_keys (name, secret_sha256, permissions, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(name, sha256(secret), JSON.stringify(unique), createdAt, expiresAt);
  return { id: Number(lastInsertRowid), name, permissions: unique, secret, expiresAt };
}

const KEY_COLUMNS = 'id, name, permissions, created_at AS createdAt, expires_at AS expiresAt, revoked_at AS revokedAt, last_used_at AS lastUsedAt';
type KeyRow = Omit<StoredKey, 'permissions'> & { permissions: string };
const fromRow = (r: KeyRow): StoredKey => ({ ...r, permissions: JSON.parse(r.permissions) as Permission[] });

export function listApiKeys(db: Database.Database): StoredKey[] {
  return (db.prepare(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY id`).all() as KeyRow[]).map(fromRow);
}

export function revokeApiKey(db: Database.Database, id: number): StoredKey {
  const found = db.prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = ?`).get(id) as KeyRow | undefined;
  if (!found) throw notFound('key_not_found', `There is no API key ${id} in this workspace`, { id });
  if (found.revokedAt === null) db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  return fromRow(db.prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = ?`).get(id) as KeyRow);
}

/** The principal a stored key's secret stands for, or null (unknown, revoked or expired); notes its use. */
export function findApiKey(db: Database.Database, secret: string, now = new Date()): Principal | null {
  const row = db.prepare('SELECT id, name, permissions, expires_at, revoked_at, last_used_at FROM api_keys WHERE secret_sha256 = ?').get(sha256(secret)) as
    | { id: number; name: string; permissions: string; expires_at: string | null; revoked_at: string | null; last_used_at: string | null }
    | undefined;
  if (!row || row.revoked_at !== null) return null;
  if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) return null;
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    // A workspace another program is writing cannot note the use now; the key still works.
    try {
      db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now.toISOString(), row.id);
    } catch {
      // noted on a later call
    }
  }
  return { name: row.name, permissions: new Set(JSON.parse(row.permissions) as Permission[]) };
}

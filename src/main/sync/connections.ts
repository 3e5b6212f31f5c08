import type { SyncConnection, SyncSource } from '../../shared/contract/sync';
import { invalidInput, notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { syncKeyStore } from './key-store';

interface ConnectionRow {
  source: SyncSource;
  base_url: string;
  cursors: string;
  created_at: string;
  updated_at: string;
}

function toConnection(orgId: string, row: ConnectionRow): SyncConnection {
  const keys = syncKeyStore();
  return {
    source: row.source,
    baseUrl: row.base_url,
    cursors: JSON.parse(row.cursors) as Record<string, string>,
    hasKey: keys.get(orgId, row.source) !== null,
    keyFrom: keys.describe(orgId, row.source),
    keySettable: typeof keys.save === 'function',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** http or https with a host, no credentials in it (the key travels apart); trailing slashes dropped. */
export function readBaseUrl(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw invalidInput([{ field: 'baseUrl', message: `"${trimmed}" is not a URL (expected e.g. https://www.allocora.com)` }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidInput([{ field: 'baseUrl', message: `must start with http:// or https://, not ${url.protocol}//` }]);
  }
  if (url.username || url.password) throw invalidInput([{ field: 'baseUrl', message: 'must not carry a user name or password; the API key is kept apart' }]);
  if (url.search || url.hash) throw invalidInput([{ field: 'baseUrl', message: 'must not carry a query or fragment' }]);
  return trimmed.replace(/\/+$/, '');
}

export function listConnections(db: Database.Database, orgId: string): SyncConnection[] {
  assertOrg(db, orgId);
  const rows = db.prepare('SELECT source, base_url, cursors, created_at, updated_at FROM sync_connections WHERE org_id = ? ORDER BY source').all(orgId) as ConnectionRow[];
  return rows.map((row) => toConnection(orgId, row));
}

export function getConnection(db: Database.Database, orgId: string, source: SyncSource): SyncConnection {
  assertOrg(db, orgId);
  const row = db.prepare('SELECT source, base_url, cursors, created_at, updated_at FROM sync_connections WHERE org_id = ? AND source = ?').get(orgId, source) as ConnectionRow | undefined;
  if (!row) throw notFound('no_connection', `Org ${orgId} has no ${source} connection; save its base URL first (sync.saveConnection)`, { source });
  return toConnection(orgId, row);
}

/** Create or change a connection's base URL; its cursors are kept (a new host of the same system). */
export function saveConnection(db: Database.Database, input: { orgId: string; source: SyncSource; baseUrl: string }): SyncConnection {
  assertOrg(db, input.orgId);
  const baseUrl = readBaseUrl(input.baseUrl);
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO sync_connections (org_id, source, base_url, cursors, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?)
     ON CONFLICT (org_id, source) DO UPDATE SET base_url = excluded.base_url, updated_at = excluded.updated_at`,
  ).run(input.orgId, input.source, baseUrl, now, now);
  return getConnection(db, input.orgId, input.source);
}

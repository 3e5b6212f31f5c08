import { createHash } from 'node:crypto';
import type { Database } from '../db/driver';

/** The data tables a demo fills, each read in primary-key order. */
const DATA_TABLES: ReadonlyArray<{ table: string; orderBy: string }> = [
  { table: 'workspace_meta', orderBy: 'key' },
  { table: 'orgs', orderBy: 'id' },
  { table: 'periods', orderBy: 'org_id, period' },
  { table: 'payees', orderBy: 'id' },
  { table: 'products', orderBy: 'id' },
  { table: 'rules', orderBy: 'id' },
  { table: 'rule_versions', orderBy: 'rule_id, version' },
  { table: 'revenues', orderBy: 'id' },
];

/**
 * SHA-256 of every row of the data tables, value by value with its SQL type, so two
 * workspaces hold the same data exactly when their digests match. (The file bytes
 * themselves differ: migrations record when they ran.)
 */
export function digestWorkspaceData(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const { table, orderBy } of DATA_TABLES) {
    hash.update(`\u0000table ${table}\n`);
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).raw(true).safeIntegers(true);
    for (const row of rows.iterate() as Iterable<unknown[]>) {
      hash.update(row.map((value) => (value === null ? '\u0001' : typeof value + ':' + String(value))).join('\u0000') + '\n');
    }
  }
  return hash.digest('hex');
}

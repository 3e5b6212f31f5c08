import type { Database } from './driver';

/**
 * A token that changes whenever the workspace's rows may have changed: this connection's
 * change count (every INSERT, UPDATE and DELETE it ran, committed or rolled back) and
 * SQLite's data_version (a commit by another connection, such as an import worker's).
 * What is remembered under one token is valid while the token stays the same.
 */
export function writeState(db: Database.Database): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  return `${changes}|${dataVersion}`;
}

import type { Database } from './driver';

/** A consistent copy of a live workspace, through SQLite's online backup API. */
export async function backupWorkspace(db: Database.Database, destination: string): Promise<{ path: string; pages: number }> {
  const result = await db.backup(destination);
  return { path: destination, pages: result.totalPages };
}

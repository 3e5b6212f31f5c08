import { resolve } from 'node:path';
import { backupWorkspace } from '../db/backup';
import { openDatabase } from '../db/driver';

/**
 * File > Save a Backup Copy. The workspace's own connection lives in the core worker, so
 * the copy is taken here through a second, read-only connection: SQLite's online backup
 * API reads a consistent snapshot (WAL included) while the core keeps working.
 */
export async function backupWorkspaceFile(source: string, destination: string): Promise<{ path: string; pages: number }> {
  if (resolve(source) === resolve(destination)) {
    throw new Error('A backup copy cannot replace the workspace itself; choose another file name.');
  }
  const db = openDatabase(source, { readonly: true, fileMustExist: true });
  try {
    return await backupWorkspace(db, destination);
  } finally {
    db.close();
  }
}

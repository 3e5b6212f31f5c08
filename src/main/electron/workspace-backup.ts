import { realpathSync, statSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { backupWorkspace } from '../db/backup';
import { openDatabase } from '../db/driver';

/**
 * File > Save a Backup Copy. The workspace's own connection lives in the core worker, so
 * the copy is taken here through a second, read-only connection: SQLite's online backup
 * API reads a consistent snapshot (WAL included) while the core keeps working.
 */
export async function backupWorkspaceFile(source: string, destination: string): Promise<{ path: string; pages: number }> {
  if (isWorkspaceItself(source, destination)) {
    throw new Error('A backup copy cannot replace the workspace itself (or its -wal / -shm file), under any name; choose another file name.');
  }
  const db = openDatabase(source, { readonly: true, fileMustExist: true });
  try {
    return await backupWorkspace(db, destination);
  } finally {
    db.close();
  }
}

/**
 * Whether writing `destination` would write the workspace or one of its companion files:
 * the same path, a symlink to it (real paths), or a hard link (same device and inode).
 */
export function isWorkspaceItself(source: string, destination: string): boolean {
  const own = [source, `${source}-wal`, `${source}-shm`, `${source}-journal`];
  const target = realPath(destination);
  for (const file of own) {
    if (realPath(file) === target) return true;
    const a = identity(file);
    const b = identity(destination);
    if (a && b && a === b) return true;
  }
  return false;
}

/** The real path of a file, or of its folder joined with its name when it does not exist yet. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

function identity(path: string): string | null {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return null;
  }
}

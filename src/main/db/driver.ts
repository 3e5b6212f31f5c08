import Database from 'better-sqlite3';

/**
 * The desktop app runs on Electron's Node, whose ABI differs from the Node that runs
 * tests and the CLI. It builds its own copy of better-sqlite3 and names it here, so
 * the copy in node_modules stays built for plain Node.
 */
export const NATIVE_BINDING_ENV = 'CLOSEBOOK_SQLITE_BINDING';

export function openDatabase(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = process.env[NATIVE_BINDING_ENV];
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}

export type { Database };

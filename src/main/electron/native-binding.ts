import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NATIVE_BINDING_ENV } from '../db/driver';

/** Where scripts/package-desktop.mjs puts better-sqlite3's Electron build in a packaged app. */
export function packagedBindingPath(resourcesPath: string): string {
  return join(resourcesPath, 'native', 'better_sqlite3.node');
}

/**
 * `npm start` names the Electron build of better-sqlite3 in the environment; a packaged
 * app finds it among its resources. Set before the core worker starts, which inherits
 * process.env. Returns the binding in use, or null (node_modules' copy, built for Node).
 */
export function useElectronSqliteBinding(options: { packaged: boolean; resourcesPath: string; env?: NodeJS.ProcessEnv }): string | null {
  const env = options.env ?? process.env;
  if (env[NATIVE_BINDING_ENV]) return env[NATIVE_BINDING_ENV] ?? null;
  if (!options.packaged) return null;
  const bundled = packagedBindingPath(options.resourcesPath);
  if (!existsSync(bundled)) return null;
  env[NATIVE_BINDING_ENV] = bundled;
  return bundled;
}

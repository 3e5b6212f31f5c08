import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// File > Open Recent: workspace paths, most recent first, stored as JSON in the app's
// user-data folder. A file that has since been moved or deleted is dropped from the list.

export const MAX_RECENT = 10;
export const RECENT_FILE_NAME = 'recent-workspaces.json';

/** `path` moved to the front: no duplicates, at most `max` entries. */
export function withRecent(list: readonly string[], path: string, max: number = MAX_RECENT): string[] {
  const absolute = resolve(path);
  return [absolute, ...list.filter((p) => p !== absolute)].slice(0, max);
}

export function withoutMissing(list: readonly string[], exists: (path: string) => boolean = existsSync): string[] {
  return list.filter((p) => exists(p));
}

export interface RecentWorkspaces {
  /** Existing files only, most recent first. */
  list(): string[];
  remember(path: string): string[];
  forget(path: string): string[];
  clear(): string[];
}

export function recentWorkspacesStore(userDataDir: string, exists: (path: string) => boolean = existsSync): RecentWorkspaces {
  const file = join(userDataDir, RECENT_FILE_NAME);
  let entries = withoutMissing(read(file), exists).slice(0, MAX_RECENT);

  function save(next: string[]): string[] {
    entries = next;
    write(file, entries);
    return entries;
  }

  return {
    list() {
      const present = withoutMissing(entries, exists);
      return present.length === entries.length ? [...entries] : save(present);
    },
    remember: (path) => save(withRecent(withoutMissing(entries, exists), path)),
    forget: (path) => save(entries.filter((p) => p !== resolve(path))),
    clear: () => save([]),
  };
}

/** A missing or damaged file is an empty list: losing the recent list must not stop the app. */
function read(file: string): string[] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { recent?: unknown };
    return Array.isArray(data.recent) ? data.recent.filter((p): p is string => typeof p === 'string' && p.length > 0).map((p) => resolve(p)) : [];
  } catch {
    return [];
  }
}

function write(file: string, recent: string[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written beside and renamed, so a crash mid-write never leaves half a file.
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, recent }, null, 2) + '\n');
    renameSync(temporary, file);
  } catch (error) {
    console.error('[closebook] could not save the recent workspaces list:', error);
  }
}

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultWorkspacePath } from '../db/default-location';

/** The --workspace FILE value, or the default file in the user-data folder. */
export function workspacePathFrom(value: string | undefined): string {
  if (value) return resolve(value);
  const path = defaultWorkspacePath();
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { profileSchema } from '../../../shared/contract/import-files';
import { ApiFailure } from '../../api/failure';
import { issuesOf } from '../../api/registry';
import type { Database } from '../../db/driver';
import { getProfile, saveProfile } from './profile-store';

// A mapping profile as a JSON file, to share a layout between workspaces and colleagues:
// { "format": "closebook-mapping-profile", "version": 1, "profile": { ... } }.

const FORMAT = 'closebook-mapping-profile';
const VERSION = 1;
const MAX_FILE_BYTES = 1024 * 1024;

export function exportProfileFile(db: Database.Database, name: string, path: string): { path: string; bytes: number } {
  const { profile } = getProfile(db, name);
  const text = JSON.stringify({ format: FORMAT, version: VERSION, profile }, null, 2) + '\n';
  // Written beside the target and renamed, so a failure never leaves half a file.
  const partial = `${path}.partial`;
  let fd: number;
  try {
    fd = openSync(partial, 'w');
  } catch (error) {
    throw new ApiFailure('validation_error', 'export_path_unwritable', `Cannot write ${path}: ${(error as Error).message}`, { path });
  }
  try {
    const bytes = writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, path);
    return { path, bytes };
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(partial, { force: true });
    throw error;
  }
}

function fileProblem(message: string, detail: unknown = null): ApiFailure {
  return new ApiFailure('validation_error', 'invalid_profile_file', message, detail);
}

/** Read a profile file (the exported form, or a bare profile object) and save it. */
export function importProfileFile(db: Database.Database, path: string): { name: string } {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw fileProblem(`${path} is larger than 1 MB; a mapping profile file is a few kilobytes.`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw fileProblem(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw fileProblem(`The file is not a mapping profile: it is not valid JSON (${(error as Error).message}).`);
  }
  const wrapped = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === FORMAT;
  if (wrapped && (json as { version?: unknown }).version !== VERSION) {
    throw fileProblem(`The profile file is version ${String((json as { version?: unknown }).version)}; this Closebook reads version ${VERSION}.`);
  }
  const parsed = profileSchema.safeParse(wrapped ? (json as { profile: unknown }).profile : json);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw fileProblem(`The file is not a valid mapping profile: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}`, { issues });
  }
  return saveProfile(db, parsed.data);
}

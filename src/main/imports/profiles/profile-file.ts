import { readFileSync, statSync, writeSync } from 'node:fs';
import { profileSchema, type MappingProfile, type ProfileNameTakenDetail } from '../../../shared/contract/import-files';
import { ApiFailure } from '../../api/failure';
import { issuesOf } from '../../api/registry';
import { writeFileAtomically } from '../../export/atomic-file';
import type { Database } from '../../db/driver';
import { findProfile, getProfile, saveProfile } from './profile-store';

// A mapping profile as a JSON file, to share a layout between workspaces and colleagues:
// { "format": "closebook-mapping-profile", "version": 1, "profile": { ... } }.

const FORMAT = 'closebook-mapping-profile';
const VERSION = 1;
const MAX_FILE_BYTES = 1024 * 1024;

export function exportProfileFile(db: Database.Database, name: string, path: string): { path: string; bytes: number } {
  const { profile } = getProfile(db, name);
  const text = JSON.stringify({ format: FORMAT, version: VERSION, profile }, null, 2) + '\n';
  const bytes = writeFileAtomically(path, (fd) => writeSync(fd, text));
  return { path, bytes };
}

function fileProblem(message: string, detail: unknown = null): ApiFailure {
  return new ApiFailure('validation_error', 'invalid_profile_file', message, detail);
}

const PROFILE_KEYS = Object.keys(profileSchema.shape);

/** The profile object in a file: the exported form's `profile`, or a bare profile; the issues' fields then say where. */
function unwrap(json: unknown): { value: unknown; prefix: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw fileProblem(`The file is not a mapping profile: it holds ${Array.isArray(json) ? 'a list' : `a ${json === null ? 'null' : typeof json}`}, not an object.`);
  }
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format === undefined) {
    // Some other JSON file (a grid export, a settings file): say so rather than list every missing key.
    if (!PROFILE_KEYS.some((key) => key in json)) {
      throw fileProblem(`The file is not a mapping profile: it has none of ${PROFILE_KEYS.join(', ')} (an exported profile starts with "format": "${FORMAT}").`);
    }
    return { value: json, prefix: '' };
  }
  if (format !== FORMAT) throw fileProblem(`The file is not a mapping profile: its format is ${JSON.stringify(format)}, not "${FORMAT}".`);
  if (version !== VERSION) throw fileProblem(`The profile file is version ${JSON.stringify(version)}; this Closebook reads version ${VERSION}.`);
  const extra = Object.keys(json).filter((key) => !['format', 'version', 'profile'].includes(key));
  if (extra.length > 0) {
    const issues = extra.map((field) => ({ field, message: 'is not a field of a profile file' }));
    throw fileProblem(`The profile file has unknown fields: ${extra.join(', ')} (it holds only format, version and profile).`, { issues });
  }
  return { value: (json as { profile?: unknown }).profile, prefix: 'profile.' };
}

/** Read a profile file (the exported form, or a bare profile object) and check it; nothing is saved. */
export function readProfileFile(path: string): MappingProfile {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw fileProblem(`${path} is larger than 1 MB; a mapping profile file is a few kilobytes.`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw fileProblem(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw fileProblem('The file is empty: a mapping profile file is a JSON object.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw fileProblem(`The file is not a mapping profile: it is not valid JSON (${(error as Error).message}).`);
  }
  const { value, prefix } = unwrap(json);
  const parsed = profileSchema.safeParse(value);
  if (!parsed.success) {
    // issuesOf words unknown keys for API input; here they are keys of the file.
    const issues = issuesOf(parsed.error).map((i) => ({
      field: i.field ? prefix + i.field : prefix.slice(0, -1),
      message: i.message === 'is not a field of this method' ? 'is not a field of a mapping profile' : i.message,
    }));
    throw fileProblem(`The file is not a valid mapping profile: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}`, { issues });
  }
  return parsed.data;
}

/**
 * Read a profile file and save it. A name already in use (built in or saved) is refused,
 * never replaced: the error carries the profile read, so the caller can save it under
 * another name, or replace its own saved one knowingly, with profiles.save.
 */
export function importProfileFile(db: Database.Database, path: string): { name: string } {
  const profile = readProfileFile(path);
  const existing = findProfile(db, profile.name);
  if (existing) {
    const detail: ProfileNameTakenDetail = {
      issues: [{ field: 'profile.name', message: existing.builtIn ? 'is the name of a built-in profile' : 'is the name of a saved profile' }],
      existing: { name: existing.profile.name, builtIn: existing.builtIn },
      profile,
    };
    const which = existing.builtIn ? 'a built-in profile; import it under another name' : 'a saved profile; import it under another name, or delete the saved one first';
    throw new ApiFailure('conflict', 'profile_name_taken', `The file's profile is named "${profile.name}", which is already ${which}.`, detail);
  }
  return saveProfile(db, profile);
}

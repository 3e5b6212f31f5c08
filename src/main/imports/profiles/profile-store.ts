import type { ImportEntity } from '../../../shared/contract/imports';
import { profileSchema, type MappingProfile, type ProfileSummary } from '../../../shared/contract/import-files';
import { ApiFailure, notFound } from '../../api/failure';
import type { Database } from '../../db/driver';
import { BUILT_IN_PROFILES, builtInProfile } from './built-in-profiles';
import { headerContains, headerKey } from './header-key';

// Saved mapping profiles (table import_profiles) beside the built-in ones. Names are
// unique regardless of case, across both; built-in names cannot be saved or deleted.

export interface StoredProfile {
  profile: MappingProfile;
  builtIn: boolean;
}

function summaryOf({ profile, builtIn }: StoredProfile): ProfileSummary {
  return { name: profile.name, entity: profile.entity, description: profile.description, builtIn, columnCount: profile.header.length, header: profile.header };
}

/** A stored row back to a profile; a row that no longer passes the schema is reported, not trusted. */
function parseStored(json: string, name: string): MappingProfile {
  const parsed = profileSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new ApiFailure('validation_error', 'profile_invalid', `The saved profile "${name}" is no longer valid; save it again: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function savedProfiles(db: Database.Database, entity?: ImportEntity): StoredProfile[] {
  const rows = (
    entity
      ? db.prepare('SELECT name, profile FROM import_profiles WHERE entity = ? ORDER BY name').all(entity)
      : db.prepare('SELECT name, profile FROM import_profiles ORDER BY name').all()
  ) as Array<{ name: string; profile: string }>;
  return rows.map((r) => ({ profile: parseStored(r.profile, r.name), builtIn: false }));
}

function builtIns(entity?: ImportEntity): StoredProfile[] {
  return BUILT_IN_PROFILES.filter((p) => !entity || p.entity === entity).map((p) => ({ profile: structuredClone(p), builtIn: true }));
}

export function listProfiles(db: Database.Database, entity?: ImportEntity): ProfileSummary[] {
  return [...builtIns(entity), ...savedProfiles(db, entity)].map(summaryOf);
}

export function findProfile(db: Database.Database, name: string): StoredProfile | null {
  const builtIn = builtInProfile(name);
  if (builtIn) return { profile: structuredClone(builtIn), builtIn: true };
  const row = db.prepare('SELECT name, profile FROM import_profiles WHERE name = ?').get(name.trim()) as { name: string; profile: string } | undefined;
  return row ? { profile: parseStored(row.profile, row.name), builtIn: false } : null;
}

/** A profile by name, or a not_found failure listing the names there are. */
export function getProfile(db: Database.Database, name: string): StoredProfile {
  const found = findProfile(db, name);
  if (found) return found;
  const known = listProfiles(db).map((p) => `"${p.name}"`);
  throw notFound('profile_not_found', `There is no mapping profile named "${name}". Profiles: ${known.join(', ')}.`, { name });
}

function refuseDuringImport(db: Database.Database): void {
  // The core serves calls between an import's reads: a write now would land in its transaction.
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'An import is running in this workspace; save the profile when it ends.');
}

export function saveProfile(db: Database.Database, profile: MappingProfile): { name: string } {
  const name = profile.name.trim();
  if (builtInProfile(name)) {
    throw new ApiFailure('validation_error', 'profile_built_in', `"${name}" is a built-in profile and cannot be replaced; save your version under another name.`, {
      issues: [{ field: 'profile.name', message: 'is the name of a built-in profile' }],
    });
  }
  refuseDuringImport(db);
  const now = new Date().toISOString().slice(0, 19) + 'Z';
  const stored = JSON.stringify({ ...profile, name });
  db.prepare(
    `INSERT INTO import_profiles (name, entity, header_key, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET name = excluded.name, entity = excluded.entity, header_key = excluded.header_key, profile = excluded.profile, updated_at = excluded.updated_at`,
  ).run(name, profile.entity, headerKey(profile.header), stored, now, now);
  return { name };
}

export function deleteProfile(db: Database.Database, name: string): { name: string } {
  if (builtInProfile(name)) throw new ApiFailure('validation_error', 'profile_built_in', `"${name.trim()}" is a built-in profile and cannot be deleted.`);
  refuseDuringImport(db);
  const row = db.prepare('DELETE FROM import_profiles WHERE name = ? RETURNING name').get(name.trim()) as { name: string } | undefined;
  if (!row) throw notFound('profile_not_found', `There is no saved mapping profile named "${name}".`, { name });
  return { name: row.name };
}

/**
 * The profile for a file's header: one whose header is the same set of columns (saved
 * before built-in, newest first), else one whose columns the file all has (the export
 * with extra columns chosen), the most specific first. null when none fits.
 */
export function profileForHeader(db: Database.Database, entity: ImportEntity, header: readonly string[]): StoredProfile | null {
  const key = headerKey(header);
  const exact = db.prepare('SELECT name, profile FROM import_profiles WHERE entity = ? AND header_key = ? ORDER BY updated_at DESC, name LIMIT 1').get(entity, key) as
    | { name: string; profile: string }
    | undefined;
  if (exact) return { profile: parseStored(exact.profile, exact.name), builtIn: false };
  const candidates = [...savedProfiles(db, entity), ...builtIns(entity)];
  const sameSet = candidates.find((c) => c.builtIn && headerKey(c.profile.header) === key);
  if (sameSet) return sameSet;
  const contained = candidates.filter((c) => headerContains(header, c.profile.header));
  // Most columns first; among equals, saved before built-in (the list's order; sort is stable).
  contained.sort((a, b) => b.profile.header.length - a.profile.header.length);
  return contained[0] ?? null;
}

import { profileSchema, type MappingProfile, type ProfileNameTakenDetail } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { ApiCallError, localApiError } from '../../../api/api-call-error';
import { api } from '../../../api/client';
import type { SavedFile } from '../../../api/transport';

// A mapping profile to and from a JSON file, in either transport. Export: the desktop asks
// where to save it, the browser downloads it (api.saveFile). Import: the desktop passes the
// path from its open dialog, the browser uploads the picked file (profiles.importFile reads
// either way, and refuses a name in use with the profile it read, to import under another).

const desktop = api.desktop;
/** Desktop shells from before the import wizard lack the open dialog; the file picker serves then. */
export const canChooseProfilePath = typeof desktop?.chooseOpenPath === 'function';

/** A file to import: one picked in the page (a File), or a path from the desktop's open dialog. */
export type ProfileSource = { kind: 'file'; file: File } | { kind: 'path'; path: string };

export function sourceName(source: ProfileSource): string {
  return source.kind === 'file' ? source.file.name : source.path.split(/[\\/]/).pop() || source.path;
}

/** "Stripe itemized balance report" -> "stripe-itemized-balance-report.profile.json". */
export function profileFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'mapping'}.profile.json`;
}

/** Saves the profile as a JSON file; null when the save dialog was cancelled. */
export function exportProfile(name: string): Promise<SavedFile | null> {
  const fileName = profileFileName(name);
  return api.saveFile('profiles.exportFile', { name }, { title: `Export the mapping profile “${name}”`, fileName });
}

/** The desktop's open dialog, for JSON files; null when cancelled. */
export async function chooseProfilePath(): Promise<ProfileSource | null> {
  const path = await desktop!.chooseOpenPath({
    title: 'Import a mapping profile',
    filters: [
      { name: 'Mapping profiles (JSON)', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return path === null ? null : { kind: 'path', path };
}

/** Imports the file as a saved profile; resolves to its name and entity. */
export async function importProfile(source: ProfileSource): Promise<{ name: string; entity: ImportEntity }> {
  // A File picked in the desktop app has a path on disk; the browser's must be uploaded.
  const path = source.kind === 'path' ? source.path : desktop?.pathForFile?.(source.file) || null;
  let name: string;
  if (path) name = (await api.call('profiles.importFile', { path })).name;
  else if (api.mode === 'browser' && source.kind === 'file') name = (await api.upload('profiles.importFile', {}, source.file)).name;
  else throw new ApiCallError('profiles.importFile', localApiError('no_file_path', 'Closebook could not tell where this file is on disk. Choose it again.'));
  const { entity } = await api.call('profiles.get', { name });
  return { name, entity };
}

/** The clash an import was refused for, with the profile it read; null for any other error. */
export function nameTaken(error: ApiCallError): ProfileNameTakenDetail | null {
  if (error.code !== 'profile_name_taken') return null;
  const detail = error.error.detail as Partial<ProfileNameTakenDetail> | null;
  const profile = profileSchema.safeParse(detail?.profile);
  if (!profile.success || typeof detail?.existing?.name !== 'string') return null;
  return { issues: detail.issues ?? [], existing: { name: detail.existing.name, builtIn: !!detail.existing.builtIn }, profile: profile.data };
}

/** A name not yet in use, for the profile a clash refused: "Name (2)", "Name (3)", ... */
export function freeName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.trim().toLowerCase()));
  for (let n = 2; ; n++) {
    const candidate = `${name.slice(0, 90)} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Saves a profile read from a file under `name`. profiles.save replaces a saved profile of
 * that name, so unless `replace` is meant, a name in use is refused here first.
 */
export async function saveImported(profile: MappingProfile, name: string, replace: boolean): Promise<{ name: string; entity: ImportEntity }> {
  const wanted = name.trim();
  if (!replace) {
    const { profiles } = await api.call('profiles.list', {});
    const existing = profiles.find((p) => p.name.toLowerCase() === wanted.toLowerCase());
    if (existing) {
      const message = `There is already a ${existing.builtIn ? 'built-in' : 'saved'} profile named “${existing.name}”; choose another name.`;
      const error = localApiError('profile_name_taken', message, { issues: [{ field: 'name', message: 'is in use' }] });
      throw new ApiCallError('profiles.save', { ...error, type: 'conflict' });
    }
  }
  const saved = await api.call('profiles.save', { profile: { ...profile, name: wanted } });
  return { name: saved.name, entity: profile.entity };
}

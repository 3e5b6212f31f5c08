import { ApiCallError, localApiError } from '../../../api/api-call-error';
import { api } from '../../../api/client';
import type { CallOptions } from '../../../api/transport';

// Where the wizard's file comes from. The desktop reads the file where it lies (its path,
// from the open dialog or from a dropped File via webUtils); the browser has no path to
// give, so it uploads the file and the server stages it (imports.upload).

/** The file the user picked or dropped, before the core has it. */
export interface ChosenFile {
  name: string;
  /** Unknown for a path from the open dialog until the file is inspected. */
  size: number | null;
  /** The picked or dropped file (browser uploads it). */
  file: File | null;
  /** Desktop: the file's path on this machine. */
  desktopPath: string | null;
}

/** A file the core can read: its staged path (browser) or its own path (desktop). */
export interface StagedFile {
  path: string;
  name: string;
  size: number | null;
}

const desktop = api.desktop;

/** Desktop shells from before the import wizard lack these; the wizard then uses what it has. */
export const canChooseOpenPath = typeof desktop?.chooseOpenPath === 'function';
const canResolveDroppedPath = typeof desktop?.pathForFile === 'function';

export function chosenFromFile(file: File): ChosenFile {
  const path = canResolveDroppedPath ? desktop!.pathForFile(file) : '';
  return { name: file.name, size: file.size, file, desktopPath: path || null };
}

/** The native open dialog (desktop); null when cancelled. */
export async function chooseWithDialog(): Promise<ChosenFile | null> {
  if (!canChooseOpenPath) return null;
  const path = await desktop!.chooseOpenPath({
    title: 'Import a file',
    filters: [
      { name: 'CSV and text files', extensions: ['csv', 'txt', 'tsv'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (path === null) return null;
  return { name: path.split(/[\\/]/).pop() || path, size: null, file: null, desktopPath: path };
}

/** Makes the file readable by the core: uploads it in browser mode, with progress. */
export async function stageFile(chosen: ChosenFile, options: CallOptions): Promise<StagedFile> {
  if (chosen.desktopPath) return { path: chosen.desktopPath, name: chosen.name, size: chosen.size };
  if (api.mode === 'browser' && chosen.file) {
    const staged = await api.upload('imports.upload', { name: chosen.name }, chosen.file, options);
    return { path: staged.path, name: staged.name, size: staged.size };
  }
  throw new ApiCallError(
    'imports.upload',
    localApiError('no_file_path', 'Closebook could not tell where this file is on disk. Use “Choose file…” to pick it instead.'),
  );
}

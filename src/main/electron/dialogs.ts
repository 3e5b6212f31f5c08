import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { SaveDialogOptions } from '../../shared/bridge';

// Native dialogs. The one the page can open (chooseSavePath) takes its options from the
// page, so they are cleaned first: a title, a bare file name, simple extensions.

export const WORKSPACE_FILTERS = [{ name: 'Closebook workspace', extensions: ['closebook'] }];

type Parent = BrowserWindow | null;
type DialogApi = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox'>;

export interface CleanSaveOptions {
  title: string;
  defaultName: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/** The page's save-dialog options, or null when they are not the documented shape. */
export function cleanSaveDialogOptions(raw: unknown): CleanSaveOptions | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { title, defaultName, filters } = raw as Partial<SaveDialogOptions>;
  if (typeof title !== 'string' || typeof defaultName !== 'string' || !Array.isArray(filters)) return null;
  const cleanFilters: CleanSaveOptions['filters'] = [];
  for (const filter of filters.slice(0, 10)) {
    if (typeof filter !== 'object' || filter === null || typeof filter.name !== 'string' || !Array.isArray(filter.extensions)) return null;
    const extensions = filter.extensions.filter((e): e is string => typeof e === 'string' && /^(\*|[A-Za-z0-9]{1,10})$/.test(e));
    if (extensions.length === 0) return null;
    cleanFilters.push({ name: filter.name.slice(0, 100), extensions });
  }
  // Only a file name: the folder is always the user's choice in the dialog.
  const name = basename(defaultName.replace(/\\/g, '/')).slice(0, 200);
  return { title: title.slice(0, 200), defaultName: name, filters: cleanFilters };
}

export type CleanOpenOptions = Omit<CleanSaveOptions, 'defaultName'>;

/** The page's open-dialog options, cleaned the same way as the save dialog's. */
export function cleanOpenDialogOptions(raw: unknown): CleanOpenOptions | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const clean = cleanSaveDialogOptions({ ...raw, defaultName: 'file' });
  return clean && { title: clean.title, filters: clean.filters };
}

export async function chooseOpenPath(dialog: DialogApi, parent: Parent, options: CleanOpenOptions, folder: string): Promise<string | null> {
  const dialogOptions = { title: options.title, defaultPath: folder, filters: options.filters, properties: ['openFile'] as Array<'openFile'> };
  const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

export async function chooseSavePath(dialog: DialogApi, parent: Parent, options: CleanSaveOptions, folder: string): Promise<string | null> {
  const dialogOptions = {
    title: options.title,
    defaultPath: join(folder, options.defaultName),
    filters: options.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const result = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function chooseWorkspaceToOpen(dialog: DialogApi, parent: Parent, folder: string): Promise<string | null> {
  const options = {
    title: 'Open workspace',
    defaultPath: folder,
    filters: [...WORKSPACE_FILTERS, { name: 'All files', extensions: ['*'] }],
    properties: ['openFile'] as Array<'openFile'>,
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

export async function showError(dialog: DialogApi, parent: Parent, message: string, detail?: string): Promise<void> {
  const options = { type: 'error' as const, title: 'Closebook', message, ...(detail ? { detail } : {}), buttons: ['OK'] };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

export async function showInfo(dialog: DialogApi, parent: Parent, message: string, detail?: string): Promise<void> {
  const options = { type: 'info' as const, title: 'Closebook', message, ...(detail ? { detail } : {}), buttons: ['OK'] };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

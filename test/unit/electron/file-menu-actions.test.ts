import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialog } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { CoreHost } from '../../../src/main/core/host';
import { openWorkspace, type Workspace } from '../../../src/main/db/workspace';
import { fileMenuActions, type FileMenuContext } from '../../../src/main/electron/file-menu-actions';
import type { RecentWorkspaces } from '../../../src/main/electron/recent-workspaces';
import type { WorkspaceSession } from '../../../src/main/electron/workspace-session';
import { tempDir } from '../../support/temp-workspace';

function setup(answers: { save?: string | null; open?: string | null } = {}) {
  const messages: Array<{ type: string; message: string; detail?: string }> = [];
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: !answers.save, filePath: answers.save ?? '' })),
    showOpenDialog: vi.fn(async () => ({ canceled: !answers.open, filePaths: answers.open ? [answers.open] : [] })),
    showMessageBox: vi.fn(async (options: { type: string; message: string; detail?: string }) => {
      messages.push(options);
      return { response: 0, checkboxChecked: false };
    }),
  };
  const session = { current: vi.fn(() => null), settled: vi.fn(), open: vi.fn(async () => true), close: vi.fn() } as unknown as WorkspaceSession & { open: ReturnType<typeof vi.fn>; current: ReturnType<typeof vi.fn> };
  const recent = { list: vi.fn(() => []), remember: vi.fn(), forget: vi.fn(), clear: vi.fn() } as unknown as RecentWorkspaces;
  const context: FileMenuContext = {
    dialog: dialog as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox'>,
    window: () => null,
    session,
    recent,
    documentsDir: '/home/me/Documents',
    refreshMenu: vi.fn(),
    sendMenuCommand: vi.fn(),
  };
  return { actions: fileMenuActions(context), context, dialog, session, recent, messages };
}

/** What the backup reads of the open core: its workspace's name and path. */
const coreOf = (workspace: Workspace) => ({ workspace: { name: workspace.name, path: workspace.path, schemaVersion: workspace.schemaVersion, appVersion: '0.1.0' } }) as CoreHost;

/** The bytes of a workspace file and its WAL, as a digest: what "left untouched" means. */
const fileDigest = (path: string) =>
  createHash('sha256')
    .update(readFileSync(path))
    .update(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : '')
    .digest('hex');

describe('the File menu actions', () => {
  it('New: creates a workspace at the path chosen in the save dialog', async () => {
    const path = join(tempDir(), 'May close.closebook');
    const { actions, session } = setup({ save: path });
    actions.newWorkspace();
    await vi.waitFor(() => expect(session.open).toHaveBeenCalledWith(path, { create: true }));
  });

  it('New: never replaces an existing file', async () => {
    const path = join(tempDir(), 'Existing.closebook');
    writeFileSync(path, 'precious');
    const { actions, session, messages } = setup({ save: path });
    actions.newWorkspace();
    // The error dialog is the action's last step: once it is shown, the action has decided.
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toMatchObject({ type: 'error', message: 'A file with that name already exists' });
    expect(session.open).not.toHaveBeenCalled();
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('Open: opens the chosen file without creating it', async () => {
    const { actions, session } = setup({ open: '/data/books.closebook' });
    actions.openWorkspace();
    await vi.waitFor(() => expect(session.open).toHaveBeenCalled());
    expect(session.open).toHaveBeenCalledWith('/data/books.closebook', { create: false });
  });

  it('Open Recent: a file that is gone is dropped from the list and explained', async () => {
    const { actions, session, recent, messages, context } = setup();
    actions.openRecent('/nowhere/gone.closebook');
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(session.open).not.toHaveBeenCalled();
    expect(recent.forget).toHaveBeenCalledWith('/nowhere/gone.closebook');
    expect(context.refreshMenu).toHaveBeenCalled();
    expect(messages[0].message).toBe('That workspace is no longer there');
  });

  it('Save a Backup Copy: writes a consistent copy through SQLite backup', async () => {
    const dir = tempDir();
    const workspace = openWorkspace(join(dir, 'Books.closebook'));
    const backup = join(dir, 'Books backup.closebook');
    const { actions, session, messages } = setup({ save: backup });
    session.current.mockReturnValue(coreOf(workspace));
    try {
      actions.saveBackupCopy();
      await vi.waitFor(() => expect(messages).toHaveLength(1), { timeout: 5000 });
      expect(messages[0]).toMatchObject({ type: 'info', message: 'Backup copy saved' });
      const copy = openWorkspace(backup, { create: false });
      expect(copy.schemaVersion).toBe(workspace.schemaVersion);
      copy.close();
    } finally {
      workspace.close();
    }
  });

  it('Save a Backup Copy: refuses to write over the workspace itself', async () => {
    const dir = tempDir();
    const workspace = openWorkspace(join(dir, 'Books.closebook'));
    const { actions, session, messages } = setup({ save: workspace.path });
    session.current.mockReturnValue(coreOf(workspace));
    const before = fileDigest(workspace.path);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      actions.saveBackupCopy();
      await vi.waitFor(() => expect(messages).toHaveLength(1));
      expect(messages[0]).toMatchObject({ type: 'error' });
      expect(messages[0].detail).toMatch(/cannot replace the workspace itself/);
      expect(fileDigest(workspace.path)).toBe(before);
      expect(workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      quiet.mockRestore();
      workspace.close();
    }
  });

  it('Import, Export and Toggle Sidebar send their command to the page', () => {
    const { actions, context } = setup();
    actions.importFile();
    actions.exportView();
    actions.toggleSidebar();
    expect(vi.mocked(context.sendMenuCommand).mock.calls.map((c) => c[0])).toEqual(['import-file', 'export-view', 'toggle-sidebar']);
  });
});

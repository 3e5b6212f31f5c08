import { existsSync } from 'node:fs';
import type { BrowserWindow, Dialog } from 'electron';
import type { MenuCommand } from '../../shared/bridge';
import { chooseSavePath, chooseWorkspaceToOpen, showError, showInfo, WORKSPACE_FILTERS } from './dialogs';
import type { MenuActions } from './menu';
import type { RecentWorkspaces } from './recent-workspaces';
import { backupWorkspaceFile } from './workspace-backup';
import type { WorkspaceSession } from './workspace-session';

export interface FileMenuContext {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox'>;
  window(): BrowserWindow | null;
  session: WorkspaceSession;
  recent: RecentWorkspaces;
  /** Where dialogs start (the user's documents folder). */
  documentsDir: string;
  /** Rebuild the menu (Open Recent, enabled items). */
  refreshMenu(): void;
  sendMenuCommand(command: MenuCommand): void;
}

/** What the File and View menu items do. Failures end in a dialog, never in a thrown error. */
export function fileMenuActions(context: FileMenuContext): MenuActions {
  const { dialog } = context;

  function run(job: () => Promise<void>): void {
    job().catch((error: Error) => {
      console.error('[closebook] menu action failed:', error);
      void showError(dialog, context.window(), 'That did not work', error.message);
    });
  }

  return {
    newWorkspace: () =>
      run(async () => {
        const path = await chooseSavePath(dialog, context.window(), { title: 'New workspace', defaultName: 'Workspace.closebook', filters: WORKSPACE_FILTERS }, context.documentsDir);
        if (!path) return;
        // Never replace an existing file with an empty workspace, even after the dialog's
        // overwrite confirmation: it may be months of someone's work.
        if (existsSync(path)) {
          await showError(dialog, context.window(), 'A file with that name already exists', `${path}\n\nChoose another name, or open it with File > Open Workspace.`);
          return;
        }
        await context.session.open(path, { create: true });
      }),
    openWorkspace: () =>
      run(async () => {
        const path = await chooseWorkspaceToOpen(dialog, context.window(), context.documentsDir);
        if (path) await context.session.open(path, { create: false });
      }),
    openRecent: (path) =>
      run(async () => {
        if (!existsSync(path)) {
          context.recent.forget(path);
          context.refreshMenu();
          await showError(dialog, context.window(), 'That workspace is no longer there', `${path} was moved or deleted.`);
          return;
        }
        await context.session.open(path, { create: false });
      }),
    clearRecent: () => {
      context.recent.clear();
      context.refreshMenu();
    },
    saveBackupCopy: () =>
      run(async () => {
        const core = context.session.current();
        if (!core) return;
        const defaultName = `${core.workspace.name} backup ${new Date().toISOString().slice(0, 10)}.closebook`;
        const path = await chooseSavePath(dialog, context.window(), { title: 'Save a backup copy', defaultName, filters: WORKSPACE_FILTERS }, context.documentsDir);
        if (!path) return;
        const backup = await backupWorkspaceFile(core.workspace.path, path);
        await showInfo(dialog, context.window(), 'Backup copy saved', `${backup.path} (${backup.pages} pages)`);
      }),
    importFile: () => context.sendMenuCommand('import-file'),
    exportView: () => context.sendMenuCommand('export-view'),
    toggleSidebar: () => context.sendMenuCommand('toggle-sidebar'),
  };
}

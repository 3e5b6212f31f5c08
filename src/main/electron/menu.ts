import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  saveBackupCopy(): void;
  importFile(): void;
  exportView(): void;
  toggleSidebar(): void;
}

export interface MenuState {
  recent: readonly string[];
  /** Backup, import and export need an open workspace. */
  hasWorkspace: boolean;
  platform: NodeJS.Platform;
  /** Reload and developer tools only when working on the app. */
  dev: boolean;
}

/** The application menu as a template: plain data, so it can be checked without Electron. */
export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = state.recent.length
    ? [
        ...state.recent.map((path): MenuItemConstructorOptions => ({ label: path, click: () => actions.openRecent(path) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No recent workspaces', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Save a Backup Copy…', enabled: state.hasWorkspace, click: () => actions.saveBackupCopy() },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', enabled: state.hasWorkspace, click: () => actions.importFile() },
      { label: 'Export Current View…', accelerator: 'CmdOrCtrl+E', enabled: state.hasWorkspace, click: () => actions.exportView() },
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit' }] satisfies MenuItemConstructorOptions[])),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+B', click: () => actions.toggleSidebar() },
      { type: 'separator' },
      ...(state.dev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}

import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, Menu, protocol, safeStorage, session as electronSession, type BrowserWindow } from 'electron';
import { startCore } from '../core/host';
import { APP_NAME, defaultWorkspacePath, userDataDir } from '../db/default-location';
import { registerApiTransport } from './api-transport';
import { APP_ORIGIN, APP_START_URL, handleAppScheme, registerAppScheme } from './app-scheme';
import { registerDesktopTransport } from './desktop-transport';
import { applyDevContentSecurityPolicy } from './dev-content-security';
import { chooseOpenPath, chooseSavePath, showError } from './dialogs';
import { fileMenuActions } from './file-menu-actions';
import { openFirstWorkspace } from './first-workspace';
import { devServerUrl, parseLaunchArgs } from './launch-args';
import { menuTemplate } from './menu';
import { useElectronSqliteBinding } from './native-binding';
import { sendPageEvent } from './page-events';
import { recentWorkspacesStore } from './recent-workspaces';
import { denyAllPermissions } from './session-permissions';
import { safeStorageKeyStore } from './sync-key-store';
import { originOf } from './web-contents-guard';
import { createMainWindow } from './window';
import { workspaceSession } from './workspace-session';

/** Where the build put things, relative to out/main (the folder of the main bundle). */
export function buildLayout(mainDir: string) {
  return {
    rendererDir: resolve(mainDir, '../renderer'),
    preload: resolve(mainDir, '../preload/index.cjs'),
    workerPath: join(mainDir, 'core-worker.js'),
  };
}

/**
 * The desktop app's lifecycle. Runs synchronously up to app.whenReady(): Electron only
 * accepts the scheme registration and the user-data path before the ready event.
 */
export function startDesktopApp(mainDir: string): void {
  const layout = buildLayout(mainDir);
  const args = parseLaunchArgs(process.argv);
  const devUrl = devServerUrl(args, app.isPackaged);
  const pageUrl = devUrl ?? APP_START_URL;
  const pageOrigin = (devUrl && originOf(devUrl)) || APP_ORIGIN;

  // The same folder the CLI and browser mode use (db/default-location.ts).
  app.setName(APP_NAME);
  app.setPath('userData', userDataDir());
  registerAppScheme(protocol);

  // One instance per user: a second launch (e.g. double-clicking a workspace) hands its
  // arguments to this one instead of opening the same file twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let window: BrowserWindow | null = null;
  let pendingOpenFile: string | null = null;
  const chosenSavePaths = new Set<string>();
  // Files the person picked to read (open dialog, drop): the only ones the page may import.
  const chosenOpenPaths = new Set<string>();
  const recent = recentWorkspacesStore(app.getPath('userData'));

  const session = workspaceSession({
    startCore,
    workerPath: layout.workerPath,
    // Sync keys entered on the Sync screen, encrypted by the OS keychain (sync/key-store.ts).
    syncKeys: safeStorageKeyStore(app.getPath('userData'), safeStorage),
    onOpened(workspace) {
      recent.remember(workspace.path);
      window?.setTitle(`${workspace.name} — Closebook`);
      refreshMenu();
      sendPageEvent(window?.webContents, 'workspace-changed', workspace);
    },
    reportOpenFailure: (message, detail) => showError(dialog, window, message, detail),
  });

  const actions = fileMenuActions({
    dialog,
    window: () => window,
    session,
    recent,
    documentsDir: app.getPath('documents'),
    refreshMenu,
    sendMenuCommand: (command) => sendPageEvent(window?.webContents, 'menu', command),
  });

  function refreshMenu(): void {
    const state = { recent: recent.list(), hasWorkspace: session.current() !== null, platform: process.platform, dev: devUrl !== null };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(state, actions)));
  }

  function openWindow(): void {
    window = createMainWindow({ preload: layout.preload, icon: join(app.getAppPath(), 'resources', 'icon.png'), url: pageUrl, origin: pageOrigin });
    const core = session.current();
    if (core) window.setTitle(`${core.workspace.name} — Closebook`);
    window.on('closed', () => (window = null));
  }

  const page = { contents: () => window?.webContents ?? null, origin: pageOrigin };

  // macOS: double-clicking a .closebook file (may arrive before ready).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) void session.open(path, { create: false });
    else pendingOpenFile = path;
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    const requested = parseLaunchArgs(argv, workingDirectory).workspace;
    if (requested) void session.open(requested, { create: true });
  });

  app.whenReady().then(() => {
    useElectronSqliteBinding({ packaged: app.isPackaged, resourcesPath: process.resourcesPath });
    denyAllPermissions(electronSession.defaultSession);
    if (devUrl) applyDevContentSecurityPolicy(electronSession.defaultSession, pageOrigin);
    handleAppScheme(protocol, layout.rendererDir);

    registerApiTransport(ipcMain, {
      page,
      core: () => session.settled(),
      isChosenSavePath: (path) => chosenSavePaths.has(resolve(path)),
      isChosenOpenPath: (path) => chosenOpenPaths.has(resolve(path)),
    });
    registerDesktopTransport(ipcMain, {
      page,
      async chooseSavePath(options) {
        const path = await chooseSavePath(dialog, window, options, app.getPath('documents'));
        if (path) chosenSavePaths.add(resolve(path));
        return path;
      },
      async chooseOpenPath(options) {
        const path = await chooseOpenPath(dialog, window, options, app.getPath('documents'));
        if (path) chosenOpenPaths.add(resolve(path));
        return path;
      },
      notePickedFile: (path) => chosenOpenPaths.add(resolve(path)),
    });

    refreshMenu();
    openWindow();
    void openFirstWorkspace({
      session,
      pendingOpenFile,
      launchWorkspace: args.workspace,
      recent: recent.list(),
      defaultPath: defaultWorkspacePath(app.getPath('userData')),
    });

    app.on('activate', () => {
      if (!window) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the workspace cleanly (the worker checkpoints and closes SQLite) before exiting.
  let closedCore = false;
  app.on('will-quit', (event) => {
    if (closedCore || !session.current()) return;
    event.preventDefault();
    closedCore = true;
    const giveUp = new Promise((done) => setTimeout(done, 5000));
    void Promise.race([session.close(), giveUp]).finally(() => app.quit());
  });
}

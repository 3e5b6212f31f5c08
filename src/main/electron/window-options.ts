import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window: the page gets no Node, runs in Chromium's sandbox, and sees main only
 * through the preload's frozen `window.closebook`.
 */
export function mainWindowOptions(paths: { preload: string; icon?: string }): BrowserWindowConstructorOptions {
  return {
    title: 'Closebook',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f7f8fa',
    ...(paths.icon ? { icon: paths.icon } : {}),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

import { BrowserWindow } from 'electron';
import { guardWebContents } from './web-contents-guard';
import { mainWindowOptions } from './window-options';

export interface MainWindowSetup {
  preload: string;
  icon?: string;
  /** app://closebook/index.html, or the dev server's URL in --dev mode. */
  url: string;
  /** The origin the page may navigate within and call the API from. */
  origin: string;
}

export function createMainWindow(setup: MainWindowSetup): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preload: setup.preload, icon: setup.icon }));
  guardWebContents(window.webContents, setup.origin);
  // The title names the open workspace; the page's <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.loadURL(setup.url).catch((error: Error) => console.error(`[closebook] could not load ${setup.url}:`, error));
  return window;
}

// Electron's main entry (bundled to out/main/index.js). Everything lives in electron/;
// this file only knows where the bundle is.
import { startDesktopApp } from './electron/desktop-app';

startDesktopApp(import.meta.dirname);

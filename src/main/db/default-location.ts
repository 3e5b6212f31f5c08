import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Closebook';

/** The folder Electron's app.getPath('userData') names, computed the same way without Electron. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultWorkspacePath(dataDir: string = userDataDir()): string {
  return join(dataDir, 'Workspace.closebook');
}

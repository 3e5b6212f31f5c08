import { resolve } from 'node:path';

export interface LaunchArgs {
  /** --workspace FILE (or --workspace=FILE), resolved against the working directory. */
  workspace: string | null;
  /** --dev: load the UI from electron-vite's dev server. */
  dev: boolean;
}

/**
 * Our options from Electron's argv. It also holds the executable, the app folder and
 * Chromium switches, so unknown arguments are skipped rather than refused.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string = process.cwd()): LaunchArgs {
  let workspace: string | null = null;
  let dev = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dev') dev = true;
    else if (arg === '--workspace' && i + 1 < argv.length && !argv[i + 1].startsWith('--')) workspace = argv[++i];
    else if (arg.startsWith('--workspace=')) workspace = arg.slice('--workspace='.length) || null;
  }
  return { workspace: workspace ? resolve(cwd, workspace) : null, dev };
}

/**
 * The dev server's URL when the page should come from it: `--dev` in an unpackaged run
 * only. A packaged app always loads its own bundled page, whatever its arguments or
 * environment say (ELECTRON_RENDERER_URL could otherwise point it at any server).
 */
export function devServerUrl(args: LaunchArgs, packaged: boolean, env: NodeJS.ProcessEnv = process.env): string | null {
  if (packaged || !args.dev) return null;
  return env.ELECTRON_RENDERER_URL || null;
}

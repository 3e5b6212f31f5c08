// Is Electron's own binary present? npm does not download it here: package.json's
// allowScripts keeps electron's install script from running, so `npm start` runs it once.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronPackageDir(root) {
  return join(root, 'node_modules', 'electron');
}

export function electronVersion(root) {
  return JSON.parse(readFileSync(join(electronPackageDir(root), 'package.json'), 'utf8')).version;
}

/** The executable that node_modules/electron points at, or null when it is not there. */
export function electronBinaryPath(root, env = process.env) {
  const dir = electronPackageDir(root);
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(dir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

export function binaryMissingMessage(version, reason) {
  return [
    `Closebook's desktop window needs Electron ${version}, and its binary could not be downloaded.`,
    reason ? `  Reason: ${reason}` : null,
    '  The download comes from github.com (or $ELECTRON_MIRROR); try again with a network connection,',
    '  or run `node node_modules/electron/install.js` yourself to see the full error.',
    '',
    '  `npm run web` runs the same app in your browser, without Electron.',
  ]
    .filter((line) => line !== null)
    .join('\n');
}

/** The first line that says what went wrong, from the install script's output. */
export function downloadFailureReason(output) {
  const lines = String(output ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error|ENOTFOUND|ECONN|EAI_AGAIN|timed out|status code/i.test(l)) ?? lines[0] ?? null;
}

/**
 * Makes sure the binary is there, running electron's install script when it is not.
 * Returns {ok: true, path} or {ok: false, message}.
 */
export function ensureElectronBinary(root, { run = spawnSync, env = process.env } = {}) {
  const existing = electronBinaryPath(root, env);
  if (existing) return { ok: true, path: existing };
  const version = electronVersion(root);
  console.log(`Downloading Electron ${version} (once)...`);
  const result = run(process.execPath, [join(electronPackageDir(root), 'install.js')], {
    cwd: electronPackageDir(root),
    env: { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15 * 60 * 1000,
  });
  const installed = electronBinaryPath(root, env);
  if (installed) return { ok: true, path: installed };
  const reason = result.error ? result.error.message : downloadFailureReason(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
  return { ok: false, message: binaryMissingMessage(version, reason) };
}

#!/usr/bin/env node
// `npm start` / `npm run dev`: the desktop app. In order: Electron's binary, better-sqlite3
// built for Electron, the bundles (electron-vite build, or its dev server with --dev), then
// Electron itself with CLOSEBOOK_SQLITE_BINDING naming the Electron build of SQLite.
// Arguments after the script (e.g. --workspace FILE) are passed on to the app.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion, ensureElectronBinary } from './electron-binary.mjs';
import { ensureElectronSqlite, NATIVE_BINDING_ENV } from './electron-native.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dev = argv.includes('--dev');
const appArgs = argv.filter((arg) => arg !== '--dev');
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const binary = ensureElectronBinary(root);
if (!binary.ok) fail(binary.message);

const native = ensureElectronSqlite(root, { version: electronVersion(root), platform: process.platform, arch: process.arch });
if (!native.ok) fail(native.message);
if (native.built) console.log(`better-sqlite3 for Electron is in ${native.path}`);

const env = { ...process.env, [NATIVE_BINDING_ENV]: native.path };
// Set by some tools to make Electron behave as plain Node, which would not open a window.
delete env.ELECTRON_RUN_AS_NODE;

function runToEnd(command, args) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (dev) {
  // electron-vite serves the renderer, rebuilds main and preload, and starts Electron
  // (it finds the same binary); "--dev" after "--" tells our main to use the dev server.
  runToEnd(process.execPath, [electronVite, 'dev', '--', '--dev', ...appArgs]);
} else {
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) fail('Building the desktop app failed (see above).');
  runToEnd(binary.path, [root, ...appArgs]);
}

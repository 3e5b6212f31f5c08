#!/usr/bin/env node
// `npm run package`: a distributable desktop app for this platform, with
// @electron/packager (a devDependency; it downloads Electron for the target when it runs,
// never at install). The app is one asar archive with integrity checks, and the fuses in
// scripts/package-config.mjs are flipped in the packaged binary. It never packages the
// copy of better-sqlite3 built for Node.
//
// What a package holds:
//   out/                      the electron-vite build (main, core worker, preload, renderer)
//   package.json              "main": "out/main/index.js", "type": "module"
//   node_modules/better-sqlite3 (its lib/ JavaScript; the app bundles every other dependency)
//   resources/native/better_sqlite3.node   better-sqlite3 built for Electron; the app finds it
//                             there when packaged (src/main/electron/native-binding.ts)
//   resources/icon.png
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';
import { flipPackagedFuses, fusesByName, packagerOptions } from './package-config.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const version = electronVersion(root);

const native = ensureElectronSqlite(root, { version, platform: process.platform, arch: process.arch });
if (!native.ok) {
  console.error(native.message);
  process.exit(1);
}
const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

// extraResource copies a folder under its own name: stage it as "native".
const staging = join(root, '.cache', 'package', 'native');
rmSync(dirname(staging), { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
cpSync(native.path, join(staging, 'better_sqlite3.node'));

const { packager: pack } = await import('@electron/packager');
const paths = await pack({
  ...packagerOptions({ root, electronVersion: version, nativeFolder: staging }),
  afterComplete: [flipPackagedFuses],
});
console.log(`Packaged (asar, fuses: ${JSON.stringify(fusesByName())}): ${paths.join(', ')}`);

#!/usr/bin/env node
// `npm run package`: a distributable desktop app. No packager is installed in this
// project (electron-builder is not a dependency), so this script packages with
// @electron/packager when someone has installed it, and otherwise prints what a package
// must contain. It never packages the copy of better-sqlite3 built for Node.
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
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const resolvable = (name) => {
  try {
    return require.resolve(name);
  } catch {
    return null;
  }
};

const version = electronVersion(root);
const packager = resolvable('@electron/packager');
if (!packager) {
  console.error(
    [
      'No packager is installed, so nothing was packaged.',
      '',
      `Install one (npm install --save-dev @electron/packager) and run \`npm run package\` again; it needs`,
      `network access to download Electron ${version} for the target platform, and better-sqlite3 built for it`,
      '(scripts/electron-native.mjs does that, as `npm start` does).',
      '',
      'With electron-builder instead, the configuration must add the Electron build of better-sqlite3 as',
      '  extraResources: [{ from: ".cache/electron-native/<version>-<platform>-<arch>/better_sqlite3.node", to: "native/better_sqlite3.node" }]',
      'and ship out/**, package.json and node_modules/better-sqlite3/lib/**.',
    ].join('\n'),
  );
  process.exit(1);
}

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

const { packager: pack } = await import(packager);
// Paths are relative to the project, with a leading "/". Everything else stays out.
const KEEP = ['/out', '/package.json', '/resources', '/resources/icon.png', '/node_modules', '/node_modules/better-sqlite3', '/node_modules/bindings', '/node_modules/file-uri-to-path'];
const SKIP = ['/node_modules/better-sqlite3/build', '/node_modules/better-sqlite3/deps', '/node_modules/better-sqlite3/src'];
const under = (path, prefixes) => prefixes.some((p) => path === p || path.startsWith(`${p}/`));
const kept = (path) => path === '' || (KEEP.includes(path) || under(path, ['/out', '/node_modules/better-sqlite3', '/node_modules/bindings', '/node_modules/file-uri-to-path'])) && !under(path, SKIP);
const paths = await pack({
  dir: root,
  out: join(root, 'dist'),
  overwrite: true,
  name: 'Closebook',
  electronVersion: version,
  // Not an asar archive: the core runs as a worker thread loaded from a file, which has
  // not been verified from inside an archive.
  asar: false,
  extraResource: [staging],
  ignore: (path) => !kept(path),
});
console.log(`Packaged: ${paths.join(', ')}`);

// What `npm run package` builds, as data: the packager's options and the Electron fuses
// flipped in the packaged binary. Kept apart from the packaging script so a test can
// read the packaged configuration without Electron or a network.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

export const APP_NAME = 'Closebook';

/**
 * Fuses are switches compiled into the Electron binary; flipping them off removes a way
 * to run the app as something else:
 * - RunAsNode: `ELECTRON_RUN_AS_NODE=1 Closebook script.js` would run any script with
 *   the app's identity (and its keychain entries);
 * - NODE_OPTIONS and --inspect/--inspect-brk: inject code or attach a debugger;
 * - OnlyLoadAppFromAsar + embedded asar integrity: only our own, unmodified app.asar
 *   is loaded (no app folder dropped beside it, no edited archive);
 * - cookie encryption: the session's cookies are encrypted with the OS keychain;
 * - file:// extra privileges: the app serves its pages from its own scheme, never file://.
 */
export const FUSES = Object.freeze({
  version: FuseVersion.V1,
  // Electron may add fuses this library does not know yet: they keep their defaults.
  strictlyRequireAllFuses: false,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The fuse settings by name, for people and tests reading the configuration. */
export function fusesByName(fuses = FUSES) {
  return Object.fromEntries(
    Object.entries(FuseV1Options)
      .filter(([name]) => Number.isNaN(Number(name)))
      .map(([name, index]) => [name, fuses[index]]),
  );
}

/** The Electron binary inside a packaged app folder (a .app bundle on macOS). */
export function packagedExecutable(appDir, platform, name = APP_NAME) {
  if (platform === 'darwin' || platform === 'mas') return join(appDir, `${name}.app`);
  if (platform === 'win32') return join(appDir, `${name}.exe`);
  return join(appDir, name);
}

// Paths are relative to the project, with a leading "/". Everything else stays out.
const KEEP = ['/out', '/package.json', '/resources', '/resources/icon.png', '/node_modules', '/node_modules/better-sqlite3', '/node_modules/bindings', '/node_modules/file-uri-to-path'];
const KEEP_TREES = ['/out', '/node_modules/better-sqlite3', '/node_modules/bindings', '/node_modules/file-uri-to-path'];
// better-sqlite3's sources and its build for plain Node never ship: the app loads the
// Electron build from resources/native (src/main/electron/native-binding.ts).
const SKIP = ['/node_modules/better-sqlite3/build', '/node_modules/better-sqlite3/deps', '/node_modules/better-sqlite3/src'];
const under = (path, prefixes) => prefixes.some((p) => path === p || path.startsWith(`${p}/`));

/** Whether a project path (leading "/") goes into the package. */
export function keptInPackage(path) {
  return path === '' || ((KEEP.includes(path) || under(path, KEEP_TREES)) && !under(path, SKIP));
}

/**
 * The options for @electron/packager. `afterComplete` hooks are added by the script
 * (they flip the fuses in each packaged binary).
 */
export function packagerOptions({ root, electronVersion, nativeFolder }) {
  return {
    dir: root,
    out: join(root, 'dist'),
    overwrite: true,
    name: APP_NAME,
    electronVersion,
    // One archive for the app: with EnableEmbeddedAsarIntegrityValidation the packager
    // records its hash in the binary's resources (Info.plist, the .exe) and Electron
    // refuses an archive that no longer matches. Electron loads worker_threads scripts
    // (the core worker) from inside an archive.
    asar: true,
    extraResource: [nativeFolder],
    ignore: (path) => !keptInPackage(path),
  };
}

/**
 * The packager's afterComplete hook: flips FUSES in the binary of each packaged app
 * (re-signing ad hoc on macOS, where changing the binary breaks its signature).
 */
export function flipPackagedFuses(buildPath, _electronVersion, platform, _arch, done) {
  flipFuses(packagedExecutable(buildPath, platform), { ...FUSES, resetAdHocDarwinSignature: platform === 'darwin' }).then(
    () => done(),
    (error) => done(error),
  );
}

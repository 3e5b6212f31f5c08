// better-sqlite3 built for Electron, kept apart from node_modules (which stays built for
// the Node that runs tests and the CLI). src/main/db/driver.ts loads the file named by
// CLOSEBOOK_SQLITE_BINDING; the core worker inherits that variable.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

export const NATIVE_BINDING_ENV = 'CLOSEBOOK_SQLITE_BINDING';
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** .cache/electron-native/<electron version>-<platform>-<arch> */
export function nativeCacheDir(root, { version, platform = process.platform, arch = process.arch }) {
  return join(root, '.cache', 'electron-native', `${version}-${platform}-${arch}`);
}

export function nativeBindingPath(root, target) {
  return join(nativeCacheDir(root, target), 'better_sqlite3.node');
}

/**
 * The environment for the build tools. `npm start` exports the user's npm config as
 * npm_config_* variables; a `nodedir` (this machine's ~/.npmrc has one) or `target` there
 * would make node-gyp and prebuild-install build for the local Node instead of Electron.
 */
export function buildToolEnv(env = process.env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|platform|build_from_source|devdir)$/i.test(key)) delete clean[key];
  }
  return clean;
}

export function prebuildInstallArgs({ version, platform = process.platform, arch = process.arch }) {
  return ['--runtime', 'electron', '--target', version, '--arch', arch, '--platform', platform, '--verbose'];
}

export function nodeGypArgs({ version, arch = process.arch }) {
  return ['rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`];
}

/** node-gyp's script: the project's copy, else the one bundled with npm. */
export function findNodeGyp(root, env = process.env) {
  const candidates = [];
  try {
    candidates.push(createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not a dependency of the project
  }
  if (env.npm_execpath) candidates.push(join(dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const npmGlobal = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['prefix', '-g'], { encoding: 'utf8', shell: process.platform === 'win32' });
  const prefix = npmGlobal.stdout?.trim();
  if (prefix) {
    candidates.push(join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
    candidates.push(join(prefix, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  return candidates.find((path) => existsSync(path)) ?? null;
}

function findPrebuildInstall(root) {
  try {
    return createRequire(join(root, 'node_modules', 'better-sqlite3', 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return null;
  }
}

/** One line saying why a tool failed, from its output. */
export function failureReason(result) {
  if (result.error) return result.error.message;
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const network = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT)\b(?:\s+([\w.-]+\.[a-z]{2,}))?/.exec(text);
  if (network) return `could not download (${network[1]}${network[2] ? ` ${network[2]}` : ''})`;
  if (/network connectivity/i.test(text)) return 'could not download (network unreachable)';
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.filter((l) => /err|fail|40[34]/i.test(l)).at(-1) ?? lines.at(-1) ?? `exit code ${result.status}`;
}

export function nativeBuildFailedMessage(target, attempts) {
  return [
    `better-sqlite3 could not be built for Electron ${target.version} (${target.platform ?? process.platform}-${target.arch ?? process.arch}).`,
    ...attempts.map((a) => `  ${a.tool}: ${a.reason}`),
    '  prebuild-install downloads a prebuilt binary from github.com; node-gyp downloads Electron headers from electronjs.org',
    '  and needs a C++ toolchain. Try again with a network connection.',
    '',
    '  `npm run web` runs the same app in your browser, without Electron.',
  ].join('\n');
}

/**
 * Makes sure .cache/electron-native/.../better_sqlite3.node exists: copies better-sqlite3
 * to a temporary folder, tries its prebuilt Electron binary (prebuild-install), falls back
 * to compiling against Electron's headers (node-gyp). node_modules is never touched.
 * Returns {ok: true, path, built} or {ok: false, message}.
 */
export function ensureElectronSqlite(root, target, { run = spawnSync, env = process.env, log = console.log } = {}) {
  const binding = nativeBindingPath(root, target);
  if (existsSync(binding)) return { ok: true, path: binding, built: false };

  const source = join(root, 'node_modules', 'better-sqlite3');
  const work = mkdtempSync(join(tmpdir(), 'closebook-sqlite-'));
  const copy = join(work, 'better-sqlite3');
  const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
  const toolEnv = buildToolEnv(env);
  const attempts = [];
  try {
    // The existing build/ is for Node; leaving it out also keeps the copy small.
    cpSync(source, copy, {
      recursive: true,
      filter: (path) => {
        const inside = relative(source, path);
        return inside !== 'build' && !inside.startsWith(`build${sep}`);
      },
    });
    log(`Getting better-sqlite3 for Electron ${target.version}...`);

    const prebuild = findPrebuildInstall(root);
    if (prebuild) {
      const result = run(process.execPath, [prebuild, ...prebuildInstallArgs(target)], { cwd: copy, env: toolEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (!existsSync(built)) attempts.push({ tool: 'prebuild-install', reason: failureReason(result) });
    } else attempts.push({ tool: 'prebuild-install', reason: 'not found beside better-sqlite3' });

    let method = 'prebuild-install';
    if (!existsSync(built)) {
      method = 'node-gyp';
      const nodeGyp = findNodeGyp(root, env);
      if (nodeGyp) {
        log('No prebuilt binary; compiling against Electron headers with node-gyp...');
        const result = run(process.execPath, [nodeGyp, ...nodeGypArgs(target)], { cwd: copy, env: toolEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        if (!existsSync(built)) attempts.push({ tool: 'node-gyp', reason: failureReason(result) });
      } else attempts.push({ tool: 'node-gyp', reason: 'not found (neither in node_modules nor bundled with npm)' });
    }
    if (!existsSync(built)) return { ok: false, message: nativeBuildFailedMessage(target, attempts) };

    // Copied beside, then renamed: a half-copied file must never look finished.
    const dir = nativeCacheDir(root, target);
    mkdirSync(dir, { recursive: true });
    cpSync(built, `${binding}.partial`);
    renameSync(`${binding}.partial`, binding);
    writeFileSync(join(dir, 'built-with.json'), JSON.stringify({ electron: target.version, method, at: new Date().toISOString() }, null, 2) + '\n');
    return { ok: true, path: binding, built: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

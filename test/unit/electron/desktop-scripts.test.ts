import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { binaryMissingMessage, downloadFailureReason, electronBinaryPath, ensureElectronBinary, type ToolRunner } from '../../../scripts/electron-binary.mjs';
import {
  buildToolEnv,
  ensureElectronSqlite,
  failureReason,
  nativeBindingPath,
  nodeGypArgs,
  prebuildInstallArgs,
} from '../../../scripts/electron-native.mjs';
import { tempDir } from '../../support/temp-workspace';

/** A project folder with just enough of node_modules for the scripts. */
function fakeProject(): string {
  const root = tempDir();
  writeFileSync(join(root, 'package.json'), '{"name":"x"}');
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), '{"version":"40.8.5"}');
  mkdirSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
  mkdirSync(join(root, 'node_modules', 'better-sqlite3', 'lib'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), '{"name":"better-sqlite3"}');
  writeFileSync(join(root, 'node_modules', 'better-sqlite3', 'lib', 'index.js'), '');
  writeFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'built for node');
  mkdirSync(join(root, 'node_modules', 'prebuild-install'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'prebuild-install', 'bin.js'), '');
  return root;
}

const asRun = (fn: ToolRunner) => fn;

describe('Electron binary check (npm start, step a)', () => {
  it('finds nothing without path.txt and dist/', () => {
    expect(electronBinaryPath(fakeProject())).toBeNull();
  });

  it('tries the download once, then explains clearly and points to browser mode', () => {
    const root = fakeProject();
    const run = vi.fn(asRun(() => ({ status: 1, stdout: '', stderr: 'RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous>' })));
    const result = ensureElectronBinary(root, { run, env: {} });
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0][1]).toEqual([join(root, 'node_modules', 'electron', 'install.js')]);
    expect(result.ok).toBe(false);
    const message = (result as { message: string }).message;
    expect(message).toContain('Electron 40.8.5');
    expect(message).toContain('could not be downloaded');
    expect(message).toContain('ENOTFOUND github.com');
    expect(message).toContain('`npm run web` runs the same app in your browser');
  });

  it('uses the binary once the download put it in place', () => {
    const root = fakeProject();
    const run = asRun(() => {
      const dir = join(root, 'node_modules', 'electron');
      mkdirSync(join(dir, 'dist'), { recursive: true });
      writeFileSync(join(dir, 'dist', 'electron'), '');
      writeFileSync(join(dir, 'path.txt'), 'electron');
      return { status: 0 };
    });
    expect(ensureElectronBinary(root, { run, env: {} })).toEqual({ ok: true, path: join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('picks the telling line out of the installer output', () => {
    expect(downloadFailureReason('\nRequestError: getaddrinfo ENOTFOUND github.com\n  at x')).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
    expect(binaryMissingMessage('40.8.5', null)).not.toContain('Reason');
  });
});

describe('better-sqlite3 for Electron (npm start, step b)', () => {
  const target = { version: '40.8.5', platform: 'linux' as const, arch: 'x64' };

  it('lives in .cache/electron-native/<version>-<platform>-<arch>/better_sqlite3.node', () => {
    expect(nativeBindingPath('/p', target)).toBe('/p/.cache/electron-native/40.8.5-linux-x64/better_sqlite3.node');
    expect(nativeBindingPath('/p', { ...target, platform: 'darwin', arch: 'arm64' })).toBe('/p/.cache/electron-native/40.8.5-darwin-arm64/better_sqlite3.node');
  });

  it('asks prebuild-install and node-gyp for Electron, not Node', () => {
    expect(prebuildInstallArgs(target)).toEqual(expect.arrayContaining(['--runtime', 'electron', '--target', '40.8.5', '--arch', 'x64']));
    expect(nodeGypArgs(target)).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--target=40.8.5', '--dist-url=https://electronjs.org/headers']));
  });

  it("drops npm config that would build for the local Node (this machine's nodedir)", () => {
    const env = buildToolEnv({ PATH: '/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('uses the prebuilt binary when prebuild-install finds one, in a copy, leaving node_modules alone', () => {
    const root = fakeProject();
    const run = vi.fn(
      asRun((_command, args, options) => {
        expect(args[0]).toBe(join(root, 'node_modules', 'prebuild-install', 'bin.js'));
        expect(options.cwd).not.toContain(join(root, 'node_modules'));
        // The Node build is not copied along.
        expect(existsSync(join(options.cwd, 'build'))).toBe(false);
        expect(options.env.npm_config_nodedir).toBeUndefined();
        mkdirSync(join(options.cwd, 'build', 'Release'), { recursive: true });
        writeFileSync(join(options.cwd, 'build', 'Release', 'better_sqlite3.node'), 'built for electron');
        return { status: 0 };
      }),
    );
    const result = ensureElectronSqlite(root, target, { run, env: { npm_config_nodedir: '/usr' }, log: () => {} });
    expect(result).toEqual({ ok: true, path: nativeBindingPath(root, target), built: true });
    expect(readFileSync(nativeBindingPath(root, target), 'utf8')).toBe('built for electron');
    expect(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('built for node');
    // Second start: already there, nothing runs.
    expect(ensureElectronSqlite(root, target, { run, log: () => {} })).toMatchObject({ ok: true, built: false });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('reports both failures when neither a prebuilt binary nor a compile works', () => {
    const root = fakeProject();
    const run = asRun(() => ({ status: 1, stdout: '', stderr: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com' }));
    const result = ensureElectronSqlite(root, target, { run, env: {}, log: () => {} });
    expect(result.ok).toBe(false);
    const message = (result as { message: string }).message;
    expect(message).toContain('better-sqlite3 could not be built for Electron 40.8.5 (linux-x64)');
    expect(message).toContain('prebuild-install: could not download (ENOTFOUND github.com)');
    expect(message).toMatch(/node-gyp: /);
    expect(message).toContain('`npm run web`');
    expect(existsSync(nativeBindingPath(root, target))).toBe(false);
  });

  it('summarises tool output in one line', () => {
    expect(failureReason({ status: 1, stderr: 'gyp ERR! stack is related to network connectivity. In most cases' })).toBe('could not download (network unreachable)');
    expect(failureReason({ error: new Error('spawn ENOENT') })).toBe('spawn ENOENT');
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

// The sentinel Electron's binary marks its fuse wire with (from @electron/fuses).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = '1'.charCodeAt(0);
import { describe, expect, it } from 'vitest';
import { flipPackagedFuses, FUSES, fusesByName, keptInPackage, packagedExecutable, packagerOptions } from '../../../scripts/package-config.mjs';

// The packaged app's configuration, read as `npm run package` uses it (packaging itself
// needs Electron for the target, which cannot be downloaded here).
describe('the packaged configuration', () => {
  const options = packagerOptions({ root: '/project', electronVersion: '40.8.5', nativeFolder: '/project/.cache/package/native' });

  it('ships one asar archive, the Electron build of better-sqlite3 beside it, into dist/', () => {
    expect(options.asar).toBe(true);
    expect(options.extraResource).toEqual(['/project/.cache/package/native']);
    expect(options.out).toBe(join('/project', 'dist'));
    expect(options.name).toBe('Closebook');
  });

  it('flips the fuses that let the binary run as something else, and keeps the asar checks on', () => {
    expect(fusesByName()).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    // Every fuse this version of @electron/fuses knows is set explicitly.
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const index of known) expect(typeof FUSES[index as FuseV1Options], `fuse ${FuseV1Options[index as number]}`).toBe('boolean');
  });

  it('packs the build, package.json and better-sqlite3 JavaScript only: no sources, tests, workspaces or its Node build', () => {
    const ignored = (path: string) => options.ignore(path);
    for (const kept of ['/out/main/index.js', '/out/main/core-worker.js', '/out/renderer/index.html', '/package.json', '/node_modules/better-sqlite3/lib/index.js']) expect(ignored(kept), kept).toBe(false);
    for (const left of ['/src/main/index.ts', '/test/unit/money.test.ts', '/node_modules/better-sqlite3/build/Release/better_sqlite3.node', '/node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', '/node_modules/react/index.js', '/demo.closebook', '/.git/config', '/.cache/cli/closebook.mjs']) {
      expect(ignored(left), left).toBe(true);
    }
    expect(keptInPackage('/outside')).toBe(false);
  });

  it('finds the binary whose fuses it flips on each platform', () => {
    expect(packagedExecutable('/d/Closebook-darwin-arm64', 'darwin')).toBe('/d/Closebook-darwin-arm64/Closebook.app');
    expect(packagedExecutable('/d/Closebook-win32-x64', 'win32')).toBe(join('/d/Closebook-win32-x64', 'Closebook.exe'));
    expect(packagedExecutable('/d/Closebook-linux-x64', 'linux')).toBe('/d/Closebook-linux-x64/Closebook');
  });

  it('the hook flips those fuses in the packaged binary and leaves fuses it does not know alone', async () => {
    // A stand-in binary: Electron's fuse wire is a sentinel, a version byte, a length
    // byte and one byte per fuse ('1' on, '0' off). Electron 40's wire may be longer
    // than this library knows; the extra fuse here must keep its state.
    const dir = mkdtempSync(join(tmpdir(), 'closebook-fuses-'));
    try {
      const wire = Buffer.concat([Buffer.from('ELF...padding'), Buffer.from(SENTINEL), Buffer.from([1, 9]), Buffer.from('111111111'), Buffer.from('...rest')]);
      writeFileSync(join(dir, 'Closebook'), wire);
      await new Promise<void>((resolve, reject) => flipPackagedFuses(dir, '40.8.5', 'linux', 'x64', (error?: Error | null) => (error ? reject(error) : resolve())));
      const flipped = await getCurrentFuseWire(join(dir, 'Closebook'));
      const byName = Object.fromEntries(Object.entries(fusesByName()).map(([name]) => [name, flipped[FuseV1Options[name as keyof typeof FuseV1Options]] === ON]));
      expect(byName).toEqual(fusesByName());
      expect((flipped as Record<number, number>)[8]).toBe(ON);
      expect(readFileSync(join(dir, 'Closebook')).subarray(-7).toString()).toBe('...rest');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a packaged folder without the binary fails the hook, so packaging stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'closebook-fuses-'));
    try {
      const error = await new Promise<Error | null | undefined>((resolve) => flipPackagedFuses(dir, '40.8.5', 'linux', 'x64', resolve));
      expect(error?.message).toMatch(/ENOENT|no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

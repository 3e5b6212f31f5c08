import { describe, expect, it } from 'vitest';
import { devServerUrl, parseLaunchArgs } from '../../../src/main/electron/launch-args';

describe('launch arguments', () => {
  it('reads --workspace FILE and --workspace=FILE, resolved against the working directory', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--workspace', 'books/May.closebook'], '/home/me')).toEqual({ workspace: '/home/me/books/May.closebook', dev: false });
    expect(parseLaunchArgs(['closebook', '--workspace=/data/a.closebook'], '/home/me').workspace).toBe('/data/a.closebook');
  });

  it('reads --dev and skips Electron and Chromium arguments', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--no-sandbox', '--dev', '--inspect=5858'], '/x')).toEqual({ workspace: null, dev: true });
  });

  it('does not take the next option as the file name', () => {
    expect(parseLaunchArgs(['closebook', '--workspace', '--dev'], '/x')).toEqual({ workspace: null, dev: true });
  });

  it('loads the dev server only for --dev in an unpackaged run: a packaged app ignores it and ELECTRON_RENDERER_URL', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    const dev = parseLaunchArgs(['electron', '.', '--dev'], '/x');
    expect(devServerUrl(dev, false, env)).toBe('http://localhost:5173');
    expect(devServerUrl(dev, true, env)).toBeNull();
    expect(devServerUrl(parseLaunchArgs(['electron', '.'], '/x'), false, env)).toBeNull();
    expect(devServerUrl(dev, false, {})).toBeNull();
  });
});

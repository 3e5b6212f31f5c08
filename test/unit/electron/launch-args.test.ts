import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../src/main/electron/launch-args';

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
});

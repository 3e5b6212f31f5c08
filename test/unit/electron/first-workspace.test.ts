import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openFirstWorkspace, type FirstWorkspaceChoices } from '../../../src/main/electron/first-workspace';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A session that opens every path except those listed as failing. */
function choices(overrides: Partial<FirstWorkspaceChoices> = {}, failing: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'closebook-first-'));
  dirs.push(dir);
  const open = vi.fn(async (path: string) => !failing.includes(path));
  const defaultPath = join(dir, 'Closebook', 'Workspace.closebook');
  return {
    open,
    defaultPath,
    run: () => openFirstWorkspace({ session: { open }, pendingOpenFile: null, launchWorkspace: null, recent: [], defaultPath, ...overrides }),
  };
}

describe('the workspace a launch opens', () => {
  it('on a first launch (nothing recent, no file named): the default Workspace.closebook, made in a new folder', async () => {
    const { open, defaultPath, run } = choices();
    await run();
    expect(open.mock.calls).toEqual([[defaultPath, { create: true }]]);
    expect(existsSync(join(defaultPath, '..'))).toBe(true);
  });

  it('prefers the file macOS asked for, then --workspace, then the most recent one', async () => {
    const asked = choices({ pendingOpenFile: '/a.closebook', launchWorkspace: '/b.closebook', recent: ['/c.closebook'] });
    await asked.run();
    expect(asked.open.mock.calls).toEqual([['/a.closebook', { create: false }]]);

    const named = choices({ launchWorkspace: '/b.closebook', recent: ['/c.closebook'] });
    await named.run();
    expect(named.open.mock.calls).toEqual([['/b.closebook', { create: true }]]);

    const recent = choices({ recent: ['/c.closebook', '/d.closebook'] });
    await recent.run();
    expect(recent.open.mock.calls).toEqual([['/c.closebook', { create: false }]]);
  });

  it('falls back to the default workspace when the others cannot be opened', async () => {
    const { open, defaultPath, run } = choices({ pendingOpenFile: '/gone.closebook', launchWorkspace: '/locked.closebook', recent: ['/moved.closebook'] }, ['/gone.closebook', '/locked.closebook', '/moved.closebook']);
    await run();
    expect(open.mock.calls.map(([path]) => path)).toEqual(['/gone.closebook', '/locked.closebook', '/moved.closebook', defaultPath]);
  });
});

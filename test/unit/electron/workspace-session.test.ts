import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startCore, type CoreHost } from '../../../src/main/core/host';
import { WorkspaceError } from '../../../src/main/db/workspace-error';
import { openFailure, workspaceSession, type WorkspaceSessionDeps } from '../../../src/main/electron/workspace-session';
import { tempDir } from '../../support/temp-workspace';

function fakeCore(path: string): CoreHost & { closed: boolean } {
  const core = {
    closed: false,
    workspace: { name: path.split('/').pop()!, path, schemaVersion: 4, appVersion: '0.1.0' },
    call: () => ({ result: Promise.resolve({ ok: true as const, value: null }), cancel: () => {} }),
    authenticate: async () => null,
    close: async () => {
      core.closed = true;
    },
  };
  return core;
}

function deps(overrides: Partial<WorkspaceSessionDeps> = {}) {
  const started: Array<{ workspacePath: string; create: boolean }> = [];
  const cores: Array<ReturnType<typeof fakeCore>> = [];
  const base: WorkspaceSessionDeps = {
    startCore: async (options) => {
      started.push({ workspacePath: options.workspacePath, create: options.create });
      if (options.workspacePath.endsWith('bad.closebook')) throw new WorkspaceError('workspace_not_sqlite', options.workspacePath, 'bad.closebook is not a Closebook workspace (it is not an SQLite file).');
      const core = fakeCore(options.workspacePath);
      cores.push(core);
      return core;
    },
    onOpened: vi.fn(),
    reportOpenFailure: vi.fn(),
    ...overrides,
  };
  return { deps: base, started, cores };
}

describe('switching workspaces', () => {
  it('opens a workspace, then switches: the old core is closed and the change announced', async () => {
    const { deps: d, cores } = deps();
    const session = workspaceSession(d);
    expect(await session.open('/w/a.closebook', { create: true })).toBe(true);
    expect(await session.open('/w/b.closebook')).toBe(true);
    expect(cores[0].closed).toBe(true);
    expect(session.current()).toBe(cores[1]);
    expect(d.onOpened).toHaveBeenLastCalledWith(cores[1].workspace);
  });

  it('keeps the previous workspace and reports the clear message when a file cannot be opened', async () => {
    const { deps: d, cores } = deps();
    const session = workspaceSession(d);
    await session.open('/w/a.closebook');
    expect(await session.open('/w/bad.closebook')).toBe(false);
    expect(session.current()).toBe(cores[0]);
    expect(cores[0].closed).toBe(false);
    expect(d.reportOpenFailure).toHaveBeenCalledWith('This workspace cannot be opened', 'bad.closebook is not a Closebook workspace (it is not an SQLite file).');
    expect(d.onOpened).toHaveBeenCalledTimes(1);
  });

  it('does nothing when asked to open the workspace already open', async () => {
    const { deps: d, started } = deps();
    const session = workspaceSession(d);
    await session.open('/w/a.closebook');
    expect(await session.open('/w/./a.closebook')).toBe(true);
    expect(started).toHaveLength(1);
  });

  it('runs one switch at a time; calls wait for the switch under way', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { deps: d, cores } = deps();
    const slowStart = d.startCore;
    d.startCore = async (options) => {
      if (options.workspacePath.endsWith('slow.closebook')) await gate;
      return slowStart(options);
    };
    const session = workspaceSession(d);
    const slow = session.open('/w/slow.closebook');
    const settled = session.settled();
    const fast = session.open('/w/fast.closebook');
    expect(session.current()).toBeNull();
    release();
    await Promise.all([slow, fast]);
    expect(cores.map((c) => c.workspace.path)).toEqual(['/w/slow.closebook', '/w/fast.closebook']);
    expect(await settled).toBe(cores[0]);
    expect(await session.settled()).toBe(cores[1]);
  });

  it('passes create through and closes the core on close()', async () => {
    const { deps: d, started, cores } = deps();
    const session = workspaceSession(d);
    await session.open('/w/new.closebook', { create: true });
    expect(started[0].create).toBe(true);
    await session.close();
    expect(cores[0].closed).toBe(true);
    expect(session.current()).toBeNull();
  });

  it('explains other failures with the path', () => {
    expect(openFailure('/w/x.closebook', new Error('worker crashed'))).toEqual({ message: 'This workspace cannot be opened', detail: '/w/x.closebook: worker crashed' });
  });

  it('with the real core worker: a file that is not a workspace leaves the open one in place', async () => {
    const dir = tempDir();
    const good = join(dir, 'Good.closebook');
    const notes = join(dir, 'notes.closebook');
    writeFileSync(notes, 'these are my notes, not a database\n'.repeat(10));
    const reportOpenFailure = vi.fn();
    const session = workspaceSession({ startCore, onOpened: () => {}, reportOpenFailure });
    try {
      const opened = await session.open(good, { create: true });
      expect(opened, `the core did not start: ${reportOpenFailure.mock.calls[0]?.[1]}`).toBe(true);
      expect(await session.open(notes)).toBe(false);
      expect(session.current()?.workspace.path).toBe(good);
      expect(reportOpenFailure).toHaveBeenCalledTimes(1);
      expect(reportOpenFailure.mock.calls[0][1]).toMatch(/notes\.closebook/);
      const info = await session.current()!.call('workspace.info', {}, { name: 'local user', permissions: 'all' }).result;
      expect(info).toMatchObject({ ok: true, value: { name: 'Good' } });
    } finally {
      await session.close();
    }
  });
});

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src/main/electron/ipc-channels';
import type { ClosebookBridge } from '../../../src/shared/bridge';

const exposed = new Map<string, unknown>();
const invoked: Array<[string, unknown]> = [];
const subscribed = new Map<string, (event: unknown, message: unknown) => void>();
let desktopAnswer: unknown = { ok: true, value: null };

const ipcRenderer = {
  invoke: vi.fn(async (channel: string, request: unknown) => {
    invoked.push([channel, request]);
    return channel === DESKTOP_CHANNEL ? desktopAnswer : { ok: true, value: 'api' };
  }),
  on: vi.fn((channel: string, listener: (event: unknown, message: unknown) => void) => subscribed.set(channel, listener)),
  send: vi.fn(),
  sendSync: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
  webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
}));

let bridge: ClosebookBridge;
beforeAll(async () => {
  await import('../../../src/preload/index');
  bridge = exposed.get('closebook') as ClosebookBridge;
});

function emit(name: string, payload: unknown) {
  subscribed.get(EVENT_CHANNEL)!({}, { name, payload });
}

describe('the preload bridge', () => {
  it('exposes exactly {invoke, cancel, on, desktop} as window.closebook, frozen', () => {
    expect([...exposed.keys()]).toEqual(['closebook']);
    expect(Object.keys(bridge).sort()).toEqual(['cancel', 'desktop', 'invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge.desktop).sort()).toEqual(['chooseOpenPath', 'chooseSavePath', 'pathForFile']);
    expect(bridge.desktop.pathForFile({ name: 'october.csv' } as File)).toBe('/dropped/october.csv');
    // The main side is told of the dropped file, the only kind of file the page may then import.
    expect(invoked).toContainEqual([DESKTOP_CHANNEL, { action: 'notePickedFile', path: '/dropped/october.csv' }]);
    expect(Object.isFrozen(bridge.desktop)).toBe(true);
  });

  it('never hands out ipcRenderer', () => {
    const seen = new Set<unknown>();
    const walk = (value: unknown) => {
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(ipcRenderer);
      for (const key of Reflect.ownKeys(value as object)) walk((value as Record<PropertyKey, unknown>)[key]);
    };
    walk(bridge);
    for (const value of exposed.values()) expect(value).not.toBe(ipcRenderer);
  });

  it('sends API calls as {method, input} on the invoke channel main handles', async () => {
    expect(await bridge.invoke('workspace.info', {})).toEqual({ ok: true, value: 'api' });
    expect(invoked.at(-1)).toEqual([INVOKE_CHANNEL, { method: 'workspace.info', input: {} }]);
    // Any string passes through (main validates); a non-string never reaches IPC.
    const before = invoked.length;
    const refused = await (bridge.invoke as (m: unknown, i: unknown) => Promise<unknown>)(42, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_call' } });
    expect(invoked).toHaveLength(before);
  });

  it('delivers known events to listeners until they unsubscribe', () => {
    const progress = vi.fn();
    const menu = vi.fn();
    const stopProgress = bridge.on('progress', progress);
    bridge.on('menu', menu);
    emit('progress', { task: 't', done: 1, total: 2 });
    emit('menu', 'import-file');
    emit('not-an-event', 'x');
    expect(progress).toHaveBeenCalledWith({ task: 't', done: 1, total: 2 });
    expect(menu).toHaveBeenCalledWith('import-file');
    stopProgress();
    emit('progress', { task: 't', done: 2, total: 2 });
    expect(progress).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const good = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    bridge.on('workspace-changed', () => {
      throw new Error('listener bug');
    });
    bridge.on('workspace-changed', good);
    emit('workspace-changed', { name: 'W' });
    expect(good).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });

  it('refuses unknown event names', () => {
    expect(() => (bridge.on as (e: string, l: () => void) => void)('ipc', () => {})).toThrow(/unknown event/);
  });

  it('unwraps desktop Results into promises', async () => {
    desktopAnswer = { ok: true, value: '/home/me/out.csv' };
    const options = { title: 'T', defaultName: 'out.csv', filters: [] };
    expect(await bridge.desktop.chooseSavePath(options)).toBe('/home/me/out.csv');
    expect(invoked.at(-1)).toEqual([DESKTOP_CHANNEL, { action: 'chooseSavePath', options }]);
    desktopAnswer = { ok: false, error: { message: 'The dialog could not be shown' } };
    await expect(bridge.desktop.chooseOpenPath({ title: 'T', filters: [] })).rejects.toThrow('The dialog could not be shown');
  });

  it('listens on the same events channel main sends on', () => {
    expect([...subscribed.keys()]).toEqual([EVENT_CHANNEL]);
  });

  it('sends a call id with a cancellable call and cancels it on the same channel', async () => {
    invoked.length = 0;
    await bridge.invoke('imports.commit', {} as never, { callId: 'call-9' });
    bridge.cancel('call-9');
    expect(invoked).toEqual([
      [INVOKE_CHANNEL, { method: 'imports.commit', input: {}, callId: 'call-9' }],
      [INVOKE_CHANNEL, { cancel: 'call-9' }],
    ]);
  });
});

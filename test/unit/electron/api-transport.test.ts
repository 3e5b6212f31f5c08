import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { CoreHost } from '../../../src/main/core/host';
import type { WirePrincipal } from '../../../src/main/core/protocol';
import { handleApiCall, LOCAL_USER, registerApiTransport, type ApiTransportContext } from '../../../src/main/electron/api-transport';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src/main/electron/ipc-channels';
import type { Result } from '../../../src/shared/errors';
import type { ProgressEvent } from '../../../src/shared/progress';
import { asWebContents, fakeWebContents, invokeEvent } from './fake-electron';

interface Recorded {
  method: string;
  input: unknown;
  principal: WirePrincipal;
}

function fakeCore(answer: (method: string) => Result<unknown> = () => ({ ok: true, value: { pong: true } }), progress: ProgressEvent[] = []) {
  const calls: Recorded[] = [];
  const core: CoreHost = {
    workspace: { name: 'Test', path: '/tmp/test.closebook', schemaVersion: 4, appVersion: '0.1.0' },
    call(method, input, principal, onProgress) {
      calls.push({ method, input, principal });
      for (const event of progress) onProgress?.(event);
      return { result: Promise.resolve(answer(method)), cancel: () => {} };
    },
    authenticate: async () => null,
    close: async () => {},
  };
  return { core, calls };
}

function setup(core: CoreHost | null = fakeCore().core, chosen: string[] = [], picked: string[] = []) {
  const page = fakeWebContents('app://closebook/index.html', 7);
  const context: ApiTransportContext = {
    page: { contents: () => asWebContents(page), origin: 'app://closebook' },
    core: async () => core,
    isChosenSavePath: (path) => chosen.includes(path),
    isChosenOpenPath: (path) => picked.includes(path),
  };
  return { page, context };
}

describe('the IPC API transport', () => {
  it('handles one channel through ipcMain.handle', () => {
    const handle = vi.fn();
    registerApiTransport({ handle } as unknown as IpcMain, setup().context);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0][0]).toBe(INVOKE_CHANNEL);
  });

  it('forwards a call from our main frame to the core as the local user and returns its Result', async () => {
    const { core, calls } = fakeCore();
    const { page, context } = setup(core);
    const result = await handleApiCall(invokeEvent(page), { method: 'workspace.info', input: {} }, context);
    expect(result).toEqual({ ok: true, value: { pong: true } });
    expect(calls).toEqual([{ method: 'workspace.info', input: {}, principal: { name: 'local user', permissions: 'all' } }]);
    expect(LOCAL_USER).toEqual({ name: 'local user', permissions: 'all' });
  });

  it('cancels a running call when the page sends cancel with its call id', async () => {
    let finish: (r: Result<unknown>) => void = () => {};
    const cancel = vi.fn(() => finish({ ok: false, error: { type: 'conflict', code: 'cancelled', message: 'cancelled', detail: null, timestamp: 't' } }));
    const core = { ...fakeCore().core, call: () => ({ result: new Promise<Result<unknown>>((resolve) => (finish = resolve)), cancel }) };
    const { page, context } = setup(core);
    const running = handleApiCall(invokeEvent(page), { method: 'imports.commit', input: {}, callId: 'call-1' }, context);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await handleApiCall(invokeEvent(page), { cancel: 'call-2' }, context)).toEqual({ ok: true, value: null });
    expect(cancel).not.toHaveBeenCalled();
    await handleApiCall(invokeEvent(page), { cancel: 'call-1' }, context);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('returns error Results from the core as data', async () => {
    const { core } = fakeCore(() => ({ ok: false, error: { type: 'not_found', code: 'unknown_method', message: 'no', detail: null, timestamp: 't' } }));
    const { page, context } = setup(core);
    const result = await handleApiCall(invokeEvent(page), { method: 'nope', input: {} }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('sends progress of the call to the calling page on the events channel', async () => {
    const events: ProgressEvent[] = [{ task: 'revenues.export', done: 5, total: 10 }];
    const { page, context } = setup(fakeCore(undefined, events).core);
    await handleApiCall(invokeEvent(page), { method: 'revenues.export', input: {} }, context);
    expect(page.sent).toEqual([[EVENT_CHANNEL, { name: 'progress', payload: events[0] }]]);
  });

  describe('refuses a sender that is not our main frame with permission_error sender_not_allowed', () => {
    const refusals: Array<[string, (page: ReturnType<typeof fakeWebContents>) => ReturnType<typeof invokeEvent>]> = [
      ['a subframe', (page) => invokeEvent(page, { frameTreeNodeId: 8, parent: page.mainFrame, url: 'app://closebook/frame.html' })],
      ['a frame showing another origin', (page) => invokeEvent(page, { ...page.mainFrame, url: 'https://attacker.example/' })],
      ['a file:// page', (page) => invokeEvent(page, { ...page.mainFrame, url: 'file:///tmp/x.html' })],
      ['a frame that has gone away', (page) => invokeEvent(page, null)],
      ['another window', () => invokeEvent(fakeWebContents('app://closebook/index.html', 7))],
      ['a top frame that is not the main frame', (page) => invokeEvent(page, { frameTreeNodeId: 99, parent: null, url: 'app://closebook/index.html' })],
    ];
    for (const [name, event] of refusals) {
      it(name, async () => {
        const { core, calls } = fakeCore();
        const { page, context } = setup(core);
        const result = await handleApiCall(event(page), { method: 'workspace.info', input: {} }, context);
        expect(result).toMatchObject({ ok: false, error: { type: 'permission_error', code: 'sender_not_allowed' } });
        expect(calls).toHaveLength(0);
      });
    }

    it('while there is no window', async () => {
      const { context } = setup();
      context.page.contents = () => null;
      const result = await handleApiCall(invokeEvent(fakeWebContents()), { method: 'ping', input: {} }, context);
      expect(result).toMatchObject({ ok: false, error: { code: 'sender_not_allowed' } });
    });
  });

  it('refuses a malformed call without reaching the core', async () => {
    const { core, calls } = fakeCore();
    const { page, context } = setup(core);
    for (const request of [null, 'workspace.info', { method: 42 }, { input: {} }]) {
      expect(await handleApiCall(invokeEvent(page), request, context)).toMatchObject({ ok: false, error: { type: 'validation_error', code: 'invalid_call' } });
    }
    expect(calls).toHaveLength(0);
  });

  it('answers no_workspace while no workspace is open', async () => {
    const { page, context } = setup(null);
    expect(await handleApiCall(invokeEvent(page), { method: 'workspace.info', input: {} }, context)).toMatchObject({ ok: false, error: { code: 'no_workspace' } });
  });

  it('never throws across IPC, even when the core does', async () => {
    const core = fakeCore().core;
    core.call = () => {
      throw new Error('worker gone');
    };
    const { page, context } = setup(core);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await handleApiCall(invokeEvent(page), { method: 'workspace.info', input: {} }, context);
    expect(result).toMatchObject({ ok: false, error: { type: 'internal_error', code: 'ipc_failed' } });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('lets a file-writing method write only a path chosen in a save dialog', async () => {
    const { core, calls } = fakeCore();
    const { page, context } = setup(core, ['/home/me/chosen.csv']);
    const input = (path: string) => ({ orgId: 1, path });
    const refused = await handleApiCall(invokeEvent(page), { method: 'revenues.export', input: input('/home/me/.bashrc') }, context);
    expect(refused).toMatchObject({ ok: false, error: { type: 'permission_error', code: 'path_not_chosen' } });
    expect(calls).toHaveLength(0);
    expect(await handleApiCall(invokeEvent(page), { method: 'revenues.export', input: input('/home/me/chosen.csv') }, context)).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('lets a method read only a file the person picked (open dialog or drop), for every method that takes a path', async () => {
    const { core, calls } = fakeCore();
    const { page, context } = setup(core, [], ['/home/ada/october.csv']);
    for (const method of ['imports.inspect', 'imports.check', 'imports.commit', 'profiles.importFile']) {
      const refused = await handleApiCall(invokeEvent(page), { method, input: { orgId: 'o', entity: 'revenues', path: '/home/ada/.ssh/id_rsa' } }, context);
      expect(refused, method).toMatchObject({ ok: false, error: { type: 'permission_error', code: 'path_not_chosen', detail: { path: '/home/ada/.ssh/id_rsa' } } });
    }
    expect(calls).toEqual([]);
    const allowed = await handleApiCall(invokeEvent(page), { method: 'imports.inspect', input: { orgId: 'o', entity: 'revenues', path: '/home/ada/october.csv' } }, context);
    expect(allowed.ok).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(['imports.inspect']);
  });
});

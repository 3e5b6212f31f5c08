import { describe, expect, it, vi } from 'vitest';
import { handleDesktopCall, type DesktopShellContext } from '../../../src/main/electron/desktop-transport';
import { asWebContents, fakeWebContents, invokeEvent } from './fake-electron';

function setup() {
  const page = fakeWebContents();
  const context: DesktopShellContext = {
    page: { contents: () => asWebContents(page), origin: 'app://closebook' },
    chooseSavePath: vi.fn(async () => '/home/me/export.csv'),
    chooseOpenPath: vi.fn(async () => '/home/me/october.csv'),
    notePickedFile: vi.fn(),
  };
  return { page, context };
}

const saveOptions = { title: 'Export revenues', defaultName: 'revenues.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] };

describe('the desktop shell channel', () => {
  it('answers chooseSavePath with a Result', async () => {
    const { page, context } = setup();
    expect(await handleDesktopCall(invokeEvent(page), { action: 'chooseSavePath', options: saveOptions }, context)).toEqual({ ok: true, value: '/home/me/export.csv' });
    expect(context.chooseSavePath).toHaveBeenCalledWith(saveOptions);
  });

  it('notes a dropped file the preload read a path from, and refuses a call without one', async () => {
    const { page, context } = setup();
    expect(await handleDesktopCall(invokeEvent(page), { action: 'notePickedFile', path: '/home/me/dropped.csv' }, context)).toEqual({ ok: true, value: null });
    expect(context.notePickedFile).toHaveBeenCalledWith('/home/me/dropped.csv');
    expect(await handleDesktopCall(invokeEvent(page), { action: 'notePickedFile' }, context)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(context.notePickedFile).toHaveBeenCalledTimes(1);
  });

  it('answers chooseOpenPath with the chosen file, options cleaned', async () => {
    const { page, context } = setup();
    const options = { title: 'Import a file', filters: [{ name: 'CSV', extensions: ['csv', 'bad ext!'] }] };
    expect(await handleDesktopCall(invokeEvent(page), { action: 'chooseOpenPath', options }, context)).toEqual({ ok: true, value: '/home/me/october.csv' });
    expect(context.chooseOpenPath).toHaveBeenCalledWith({ title: 'Import a file', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(await handleDesktopCall(invokeEvent(page), { action: 'chooseOpenPath', options: { title: 'x' } }, context)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('cleans the page-supplied dialog options: only a file name, no folders', async () => {
    const { page, context } = setup();
    await handleDesktopCall(invokeEvent(page), { action: 'chooseSavePath', options: { ...saveOptions, defaultName: '../../etc/cron.d/x.csv' } }, context);
    expect(context.chooseSavePath).toHaveBeenCalledWith({ ...saveOptions, defaultName: 'x.csv' });
    const bad = await handleDesktopCall(invokeEvent(page), { action: 'chooseSavePath', options: { title: 1 } }, context);
    expect(bad).toMatchObject({ ok: false, error: { type: 'validation_error' } });
  });

  it('refuses foreign senders and unknown actions', async () => {
    const { page, context } = setup();
    const subframe = invokeEvent(page, { frameTreeNodeId: 5, parent: page.mainFrame, url: 'app://closebook/' });
    expect(await handleDesktopCall(subframe, { action: 'chooseOpenPath', options: { title: 'x', filters: [] } }, context)).toMatchObject({ ok: false, error: { code: 'sender_not_allowed' } });
    expect(context.chooseOpenPath).not.toHaveBeenCalled();
    expect(await handleDesktopCall(invokeEvent(page), { action: 'openExternal' }, context)).toMatchObject({ ok: false, error: { code: 'unknown_action' } });
    // The first-launch demo actions are gone with the first-launch screen.
    for (const action of ['isFirstLaunch', 'openDemoWorkspace']) {
      expect(await handleDesktopCall(invokeEvent(page), { action }, context)).toMatchObject({ ok: false, error: { code: 'unknown_action' } });
    }
  });

  it('turns a failure into an error Result rather than a thrown error', async () => {
    const { page, context } = setup();
    context.chooseSavePath = async () => {
      throw new Error('disk full');
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await handleDesktopCall(invokeEvent(page), { action: 'chooseSavePath', options: saveOptions }, context)).toMatchObject({ ok: false, error: { message: 'disk full' } });
    logged.mockRestore();
  });
});

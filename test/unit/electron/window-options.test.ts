import { describe, expect, it, vi } from 'vitest';
import { fakeWebContents, preventableEvent, type FakeWebContents } from './fake-electron';

const created: Array<{ options: Record<string, unknown>; webContents: FakeWebContents; loaded?: string; events: Map<string, (...args: unknown[]) => void> }> = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = fakeWebContents();
    events = new Map<string, (...args: unknown[]) => void>();
    loaded?: string;
    constructor(public options: Record<string, unknown>) {
      created.push(this);
    }
    on(name: string, listener: (...args: unknown[]) => void) {
      this.events.set(name, listener);
      return this;
    }
    once(name: string, listener: (...args: unknown[]) => void) {
      return this.on(name, listener);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
  },
}));

const { mainWindowOptions } = await import('../../../src/main/electron/window-options');
const { createMainWindow } = await import('../../../src/main/electron/window');

describe('the main window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, our preload', () => {
    const options = mainWindowOptions({ preload: '/app/out/preload/index.cjs', icon: '/app/resources/icon.png' });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.show).toBe(false);
    expect(options.icon).toBe('/app/resources/icon.png');
  });

  it('is created with those options, guarded, and loads the app URL', () => {
    const window = createMainWindow({ preload: '/p/index.cjs', url: 'app://closebook/index.html', origin: 'app://closebook' });
    const record = created.at(-1)!;
    expect(window).toBe(record);
    expect((record.options.webPreferences as Record<string, unknown>).sandbox).toBe(true);
    expect(record.loaded).toBe('app://closebook/index.html');
    // guardWebContents ran: new windows are denied and navigation away is stopped.
    expect(record.webContents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const away = preventableEvent();
    record.webContents.emit('will-navigate', away, 'https://example.com/');
    expect(away.defaultPrevented).toBe(true);
    // The page's <title> does not replace the workspace name in the title bar.
    const titleEvent = preventableEvent();
    record.events.get('page-title-updated')?.(titleEvent);
    expect(titleEvent.defaultPrevented).toBe(true);
  });
});

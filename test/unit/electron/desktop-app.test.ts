import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../src/shared/errors';
import { fakeWebContents, preventableEvent, type FakeWebContents } from './fake-electron';

// The whole lifecycle with Electron mocked: what runs before
// ready, what ready wires up, the first workspace, the page's calls and quitting.

const userData = mkdtempSync(join(tmpdir(), 'closebook-desktop-'));
const electron = vi.hoisted(() => {
  const calls: string[] = [];
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: Array<{ options: { webPreferences: Record<string, unknown> }; webContents: FakeWebContents; url?: string; title?: string }> = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  return { calls, handlers, windows, ready, markReady, paths: {} as Record<string, string>, appEvents: null as unknown as EventEmitter, menu: null as unknown, quits: 0, syncKeys: undefined as unknown };
});

vi.mock('../../../src/main/db/default-location', async (original) => ({
  ...(await original<typeof import('../../../src/main/db/default-location')>()),
  userDataDir: () => userData,
}));

// The core on this thread with the system methods only: the worker itself is covered in
// workspace-session.test.ts, and this keeps the test independent of out/main being built.
vi.mock('../../../src/main/core/host', async (original) => {
  const host = await original<typeof import('../../../src/main/core/host')>();
  const { openWorkspace } = await import('../../../src/main/db/workspace');
  const { inProcessCore } = await import('../../../src/main/core/in-process');
  const { createRegistry } = await import('../../../src/main/api/registry');
  const { systemHandlers } = await import('../../../src/main/system/handlers');
  return {
    ...host,
    startCore: async (options: { workspacePath: string; create?: boolean; syncKeys?: unknown }) => {
      electron.syncKeys = options.syncKeys;
      const registry = createRegistry();
      registry.register(systemHandlers);
      return inProcessCore(openWorkspace(options.workspacePath, { create: options.create ?? true }), registry);
    },
  };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { fakeWebContents } = await import('./fake-electron');
  electron.appEvents = new EventEmitter();
  const record = (name: string) => electron.calls.push(name);
  return {
    app: {
      setName: () => record('setName'),
      setPath: (key: string, value: string) => {
        record(`setPath:${key}`);
        electron.paths[key] = value;
      },
      getPath: (key: string) => electron.paths[key] ?? join(userData, key),
      getAppPath: () => process.cwd(),
      requestSingleInstanceLock: () => true,
      isPackaged: false,
      isReady: () => false,
      whenReady: () => electron.ready,
      on: (name: string, listener: (...args: unknown[]) => void) => electron.appEvents.on(name, listener),
      quit: () => electron.quits++,
    },
    protocol: {
      registerSchemesAsPrivileged: () => record('registerSchemesAsPrivileged'),
      handle: (scheme: string) => record(`protocol.handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => record('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => record('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => record('setDevicePermissionHandler'),
        webRequest: { onHeadersReceived: () => record('onHeadersReceived') },
      },
    },
    // Sync keys (sync-key-store.ts): a reversible stand-in, never the plain text.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
      decryptString: (encrypted: Buffer) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
    },
    ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => electron.handlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (electron.menu = menu) },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    BrowserWindow: class extends EventEmitter {
      webContents = fakeWebContents();
      url?: string;
      title?: string;
      constructor(public options: { webPreferences: Record<string, unknown> }) {
        super();
        electron.windows.push(this);
      }
      loadURL(url: string) {
        this.url = url;
        return Promise.resolve();
      }
      setTitle(title: string) {
        this.title = title;
      }
      show() {}
    },
  };
});

const workspacePath = join(userData, 'Books.closebook');
const argv = process.argv;

beforeAll(async () => {
  process.argv = ['/usr/bin/electron', '/app', '--workspace', workspacePath];
  const { startDesktopApp } = await import('../../../src/main/electron/desktop-app');
  startDesktopApp(join(process.cwd(), 'out', 'main'));
});

afterAll(async () => {
  process.argv = argv;
  try {
    // Quitting with a workspace open: the quit waits for the core to close, then resumes.
    const quit = preventableEvent();
    electron.appEvents.emit('will-quit', quit);
    if (quit.defaultPrevented) await vi.waitFor(() => expect(electron.quits).toBeGreaterThan(0), { timeout: 10_000 });
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});

describe('the desktop app lifecycle', () => {
  it('registers the app scheme and the user-data folder before ready, and nothing else', () => {
    expect(electron.calls).toEqual(['setName', 'setPath:userData', 'registerSchemesAsPrivileged']);
    expect(electron.paths.userData).toBe(userData);
  });

  it('on ready: denies permissions, serves app://, handles both channels, opens the window and the --workspace file', async () => {
    electron.markReady();
    await vi.waitFor(() => expect(electron.windows[0]?.title).toBe('Books — Closebook'), { timeout: 25_000 });
    expect(electron.calls).toEqual(expect.arrayContaining(['setPermissionRequestHandler', 'setPermissionCheckHandler', 'protocol.handle:app']));
    expect([...electron.handlers.keys()].sort()).toEqual(['closebook:desktop', 'closebook:invoke']);
    const window = electron.windows[0];
    expect(window.url).toBe('app://closebook/index.html');
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: join(process.cwd(), 'out', 'preload', 'index.cjs') });
    expect(existsSync(workspacePath)).toBe(true);
    expect(window.webContents.sent).toContainEqual(['closebook:event', { name: 'workspace-changed', payload: expect.objectContaining({ name: 'Books', path: workspacePath }) }]);
    expect(JSON.parse(readFileSync(join(userData, 'recent-workspaces.json'), 'utf8')).recent).toEqual([workspacePath]);
    // The core gets the desktop's sync keys, kept encrypted in the user-data folder.
    const keys = electron.syncKeys as { set(orgId: string, source: string, key: string | null): void; entries(): Record<string, string> };
    keys.set('org-a', 'revenue', 'sk_desktop');
    expect(keys.entries()).toEqual({ 'org-a/revenue': 'sk_desktop' });
    expect(readFileSync(join(userData, 'sync-keys.json')).includes(Buffer.from('sk_desktop'))).toBe(false);
  });

  it("answers the page's calls through the core, and refuses other frames", async () => {
    const window = electron.windows[0];
    const invoke = electron.handlers.get('closebook:invoke')!;
    const fromPage = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const result = (await invoke(fromPage, { method: 'workspace.info', input: {} })) as Result<{ name: string }>;
    expect(result).toMatchObject({ ok: true, value: { name: 'Books' } });
    const fromElsewhere = { sender: fakeWebContents(), senderFrame: fakeWebContents().mainFrame };
    expect(await invoke(fromElsewhere, { method: 'workspace.info', input: {} })).toMatchObject({ ok: false, error: { code: 'sender_not_allowed' } });
  });

  it('builds the File menu with the open workspace in Open Recent', () => {
    const menu = electron.menu as Array<{ label?: string; submenu?: Array<{ label?: string; submenu?: Array<{ label?: string }> }> }>;
    const recent = menu[0].submenu!.find((item) => item.label === 'Open Recent')!.submenu!;
    expect(recent[0].label).toBe(workspacePath);
  });
});

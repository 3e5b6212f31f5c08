// The sandboxed preload (bundled to out/preload/index.cjs: sandboxed preloads cannot be
// ES modules). It exposes one frozen object, window.closebook, shaped exactly like
// ClosebookBridge; the page never sees ipcRenderer. Nothing is validated here that main
// does not validate again: main is the only side that can be trusted.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { BridgeEvents, ClosebookBridge, DesktopShell, OpenDialogOptions, SaveDialogOptions } from '../shared/bridge';
import type { Result } from '../shared/errors';

// Same names as src/main/electron/ipc-channels.ts (test/unit/electron/preload.test.ts
// checks they agree; the preload may not import main code).
const INVOKE_CHANNEL = 'closebook:invoke';
const DESKTOP_CHANNEL = 'closebook:desktop';
const EVENT_CHANNEL = 'closebook:event';

type EventName = keyof BridgeEvents;
type Listener = (payload: BridgeEvents[EventName]) => void;

const EVENT_NAMES = ['progress', 'workspace-changed', 'menu'] as const satisfies readonly EventName[];
// Fails to compile if BridgeEvents gains an event this list lacks.
const everyEventListed: [Exclude<EventName, (typeof EVENT_NAMES)[number]>] extends [never] ? true : never = true;
void everyEventListed;

const listeners = new Map<EventName, Set<Listener>>(EVENT_NAMES.map((name) => [name, new Set<Listener>()]));

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: { name?: unknown; payload?: unknown }) => {
  const set = typeof message?.name === 'string' ? listeners.get(message.name as EventName) : undefined;
  if (!set) return;
  for (const listener of [...set]) {
    try {
      listener(message.payload as BridgeEvents[EventName]);
    } catch (error) {
      // One failing listener must not keep the others from hearing the event.
      console.error(`closebook.on('${String(message.name)}') listener failed:`, error);
    }
  }
});

function invalidCall(message: string): Result<never> {
  return { ok: false, error: { type: 'validation_error', code: 'invalid_call', message, detail: null, timestamp: new Date().toISOString() } };
}

/** Desktop calls answer with a Result (errors as data across IPC); the page's API is plain promises. */
async function desktopCall<T>(action: string, options?: SaveDialogOptions | OpenDialogOptions, path?: string): Promise<T> {
  const request = path !== undefined ? { action, path } : options === undefined ? { action } : { action, options };
  const result = (await ipcRenderer.invoke(DESKTOP_CHANNEL, request)) as Result<T>;
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}

const desktop: DesktopShell = Object.freeze({
  chooseSavePath: (options: SaveDialogOptions) => desktopCall<string | null>('chooseSavePath', options),
  chooseOpenPath: (options: OpenDialogOptions) => desktopCall<string | null>('chooseOpenPath', options),
  // Electron no longer puts a path on File objects; webUtils is the supported way. A real
  // File's path (a drop) is told to the main side, which lets the page read only such files;
  // a File the page made itself has no path, so a page cannot name other files this way.
  pathForFile: (file: File) => {
    const path = webUtils.getPathForFile(file);
    if (path) void desktopCall('notePickedFile', undefined, path).catch(() => undefined);
    return path;
  },
});

const bridge: ClosebookBridge = Object.freeze({
  invoke(method, input, options) {
    if (typeof method !== 'string') return Promise.resolve(invalidCall('The method name must be a string'));
    const callId = typeof options?.callId === 'string' ? options.callId : undefined;
    return ipcRenderer.invoke(INVOKE_CHANNEL, callId === undefined ? { method, input } : { method, input, callId });
  },
  cancel(callId) {
    if (typeof callId === 'string') void ipcRenderer.invoke(INVOKE_CHANNEL, { cancel: callId });
  },
  on(event, listener) {
    const set = listeners.get(event);
    if (!set) throw new TypeError(`closebook.on: unknown event "${String(event)}" (known: ${EVENT_NAMES.join(', ')})`);
    if (typeof listener !== 'function') throw new TypeError('closebook.on: the listener must be a function');
    // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
    const entry: Listener = (payload) => (listener as Listener)(payload);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
  desktop,
} satisfies ClosebookBridge);

contextBridge.exposeInMainWorld('closebook', bridge);

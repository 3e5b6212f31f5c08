import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, WebContents } from 'electron';

// Small stand-ins for Electron objects, shaped only as far as the code under test reads
// them. Electron's binary cannot run in the test environment.

export interface FakeFrame {
  frameTreeNodeId: number;
  parent: FakeFrame | null;
  url: string;
}

export type FakeWebContents = EventEmitter & {
  id: number;
  mainFrame: FakeFrame;
  sent: Array<[string, unknown]>;
  openHandler?: (details: { url: string }) => { action: string };
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
};

let nextId = 1;

/** Each one has an id of its own, as Electron's do. */
export function fakeWebContents(url = 'app://closebook/index.html', frameTreeNodeId = 1): FakeWebContents {
  const contents = Object.assign(new EventEmitter(), {
    id: nextId++,
    mainFrame: { frameTreeNodeId, parent: null, url },
    sent: [] as Array<[string, unknown]>,
    send(channel: string, message: unknown) {
      contents.sent.push([channel, message]);
    },
    isDestroyed: () => false,
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      contents.openHandler = handler;
    },
  }) as FakeWebContents;
  return contents;
}

export function asWebContents(contents: FakeWebContents): WebContents {
  return contents as unknown as WebContents;
}

/** An invoke event from `frame` (by default the contents' main frame). */
export function invokeEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

/** An Electron-style event whose preventDefault() is recorded. */
export function preventableEvent(): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

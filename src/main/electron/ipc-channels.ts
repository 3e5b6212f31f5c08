import type { BridgeEvents } from '../../shared/bridge';

// The IPC channels between the preload and main. The preload keeps its own copy of these
// names (its lint forbids importing main code); test/unit/electron/preload.test.ts checks
// that both copies agree.

/** API calls: `{method, input}` in, a Result out. Every contract method goes through it. */
export const INVOKE_CHANNEL = 'closebook:invoke';
/** What only the desktop shell can do (native dialogs). */
export const DESKTOP_CHANNEL = 'closebook:desktop';
/** Main -> page: progress of calls, workspace switches and menu commands. */
export const EVENT_CHANNEL = 'closebook:event';

export type PageEventName = keyof BridgeEvents;

export interface PageEventMessage<E extends PageEventName = PageEventName> {
  name: E;
  payload: BridgeEvents[E];
}

export const DESKTOP_ACTIONS = ['chooseSavePath', 'chooseOpenPath', 'notePickedFile'] as const;
export type DesktopAction = (typeof DESKTOP_ACTIONS)[number];

export interface DesktopRequest {
  action: DesktopAction;
  options?: unknown;
}

import type { WebContents } from 'electron';
import type { BridgeEvents } from '../../shared/bridge';
import { EVENT_CHANNEL, type PageEventMessage } from './ipc-channels';

/** Main -> page, on the one events channel; the preload hands it to `closebook.on(name)`. */
export function sendPageEvent<E extends keyof BridgeEvents>(contents: WebContents | null | undefined, name: E, payload: BridgeEvents[E]): void {
  if (!contents || contents.isDestroyed()) return;
  const message: PageEventMessage<E> = { name, payload };
  contents.send(EVENT_CHANNEL, message);
}

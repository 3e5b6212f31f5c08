import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiError } from '../../shared/errors';
import { originOf } from './web-contents-guard';

export interface TrustedPage {
  /** The main window's contents, or null while there is no window. */
  contents(): WebContents | null;
  /** "app://closebook", or the dev server's origin in --dev mode. */
  origin: string;
}

/**
 * A call is accepted only from the main frame of our own window, showing our own origin:
 * not from a subframe, another window, or a page the window was somehow navigated to.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, page: TrustedPage): boolean {
  const frame = event.senderFrame;
  const contents = page.contents();
  // Compared by id: the same WebContents may reach us through different wrapper objects.
  if (!frame || !contents || event.sender?.id !== contents.id) return false;
  if (frame.parent !== null || frame.frameTreeNodeId !== contents.mainFrame.frameTreeNodeId) return false;
  return originOf(frame.url) === page.origin;
}

export function senderNotAllowed(): ApiError {
  return {
    type: 'permission_error',
    code: 'sender_not_allowed',
    message: 'This call did not come from the Closebook window and was refused',
    detail: null,
    timestamp: new Date().toISOString(),
  };
}

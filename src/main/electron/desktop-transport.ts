import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ErrorType, Result } from '../../shared/errors';
import { cleanOpenDialogOptions, cleanSaveDialogOptions, type CleanOpenOptions, type CleanSaveOptions } from './dialogs';
import { DESKTOP_ACTIONS, DESKTOP_CHANNEL, type DesktopAction } from './ipc-channels';
import { isTrustedSender, senderNotAllowed, type TrustedPage } from './sender-check';

// window.closebook.desktop: what only the desktop shell can do. A channel of its own, not
// an API method: these are the app's native dialogs, not the workspace's data, and do not
// exist in browser mode or the CLI. Same sender check, and
// the same Result-as-data rule as API calls.

export interface DesktopShellContext {
  page: TrustedPage;
  chooseSavePath(options: CleanSaveOptions): Promise<string | null>;
  chooseOpenPath(options: CleanOpenOptions): Promise<string | null>;
  /** A file the person dropped on the window (the preload's pathForFile, from a real File). */
  notePickedFile(path: string): void;
}

export function registerDesktopTransport(ipcMain: Pick<IpcMain, 'handle'>, context: DesktopShellContext): void {
  ipcMain.handle(DESKTOP_CHANNEL, (event, request: unknown) => handleDesktopCall(event, request, context));
}

export async function handleDesktopCall(event: IpcMainInvokeEvent, request: unknown, context: DesktopShellContext): Promise<Result<unknown>> {
  try {
    if (!isTrustedSender(event, context.page)) return { ok: false, error: senderNotAllowed() };
    const action = actionOf(request);
    if (!action) return failure('validation_error', 'unknown_action', `A desktop call is {action: ${DESKTOP_ACTIONS.join(' | ')}, options?}`);
    switch (action) {
      case 'chooseSavePath': {
        const options = cleanSaveDialogOptions((request as { options?: unknown }).options);
        if (!options) return failure('validation_error', 'invalid_input', 'chooseSavePath takes {title, defaultName, filters: [{name, extensions}]}');
        return { ok: true, value: await context.chooseSavePath(options) };
      }
      case 'chooseOpenPath': {
        const options = cleanOpenDialogOptions((request as { options?: unknown }).options);
        if (!options) return failure('validation_error', 'invalid_input', 'chooseOpenPath takes {title, filters: [{name, extensions}]}');
        return { ok: true, value: await context.chooseOpenPath(options) };
      }
      case 'notePickedFile': {
        const path = (request as { path?: unknown }).path;
        if (typeof path !== 'string' || path === '') return failure('validation_error', 'invalid_input', 'notePickedFile takes {path}');
        context.notePickedFile(path);
        return { ok: true, value: null };
      }
    }
  } catch (error) {
    console.error('[closebook] desktop call failed:', error);
    return failure('internal_error', 'desktop_failed', (error as Error).message);
  }
}

function actionOf(request: unknown): DesktopAction | null {
  const action = typeof request === 'object' && request !== null ? (request as { action?: unknown }).action : undefined;
  return typeof action === 'string' && (DESKTOP_ACTIONS as readonly string[]).includes(action) ? (action as DesktopAction) : null;
}

function failure(type: ErrorType, code: string, message: string): Result<never> {
  return { ok: false, error: { type, code, message, detail: null, timestamp: new Date().toISOString() } };
}

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contract, isMethodName, type MethodSpec } from '../../shared/contract';
import type { ApiError, ErrorType, Result } from '../../shared/errors';
import type { CoreCall, CoreHost } from '../core/host';
import type { WirePrincipal } from '../core/protocol';
import { INVOKE_CHANNEL } from './ipc-channels';
import { sendPageEvent } from './page-events';
import { isTrustedSender, senderNotAllowed, type TrustedPage } from './sender-check';

// The desktop transport of the API: one channel, `{method, input}` in, a Result out. The
// registry in the core validates the method and its input; this side only checks who is
// calling and which file a file-writing method may write.

/** The person at the keyboard: the desktop app is their own, with every permission. */
export const LOCAL_USER: WirePrincipal = { name: 'local user', permissions: 'all' };

export interface ApiTransportContext {
  page: TrustedPage;
  /** The open workspace's core once any switch under way is done; null while none is open. */
  core(): Promise<CoreHost | null> | CoreHost | null;
  /** Paths the user picked in a save dialog this session: the only ones a page may write to. */
  isChosenSavePath(path: string): boolean;
  /** Files the user picked this session (open dialog, drop): the only ones a page may have read. */
  isChosenOpenPath(path: string): boolean;
}

export function registerApiTransport(ipcMain: Pick<IpcMain, 'handle'>, context: ApiTransportContext): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, request: unknown) => handleApiCall(event, request, context));
}

// Calls the page may still cancel, by page and the page's own call id.
const running = new Map<string, CoreCall>();
const runningKey = (event: IpcMainInvokeEvent, callId: string) => `${event.sender.id}:${callId}`;

/** Never throws: whatever happens comes back as a Result, since IPC keeps only an error's message. */
export async function handleApiCall(event: IpcMainInvokeEvent, request: unknown, context: ApiTransportContext): Promise<Result<unknown>> {
  try {
    if (!isTrustedSender(event, context.page)) return { ok: false, error: senderNotAllowed() };
    if (isCancelRequest(request)) {
      running.get(runningKey(event, request.cancel))?.cancel();
      return { ok: true, value: null };
    }
    if (!isCallRequest(request)) return failure('validation_error', 'invalid_call', 'An API call is {method: string, input}');
    const refusal = refuseUnchosenPath(request.method, request.input, context);
    if (refusal) return { ok: false, error: refusal };
    const core = await context.core();
    if (!core) return failure('conflict', 'no_workspace', 'No workspace is open. Open or create one from the File menu.');
    const call = core.call(request.method, request.input, LOCAL_USER, (progress) => sendPageEvent(event.sender, 'progress', progress));
    const key = typeof request.callId === 'string' ? runningKey(event, request.callId) : null;
    if (key) running.set(key, call);
    try {
      return await call.result;
    } finally {
      if (key) running.delete(key);
    }
  } catch (error) {
    console.error('[closebook] IPC call failed:', error);
    return failure('internal_error', 'ipc_failed', `The call could not be completed: ${(error as Error).message}`);
  }
}

function isCancelRequest(value: unknown): value is { cancel: string } {
  return typeof value === 'object' && value !== null && typeof (value as { cancel?: unknown }).cancel === 'string';
}

function isCallRequest(value: unknown): value is { method: string; input: unknown; callId?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { method?: unknown }).method === 'string';
}

/**
 * A method that writes a file (an export) or reads one (an import, a profile file) gets its
 * `path` from the page. The page may only name a file the user chose since the app
 * started (a save dialog to write; an open dialog or a drop to read), so a compromised
 * page can neither overwrite nor read arbitrary files.
 */
function refuseUnchosenPath(method: string, input: unknown, context: ApiTransportContext): ApiError | null {
  if (!isMethodName(method)) return null;
  const path = typeof input === 'object' && input !== null ? (input as { path?: unknown }).path : undefined;
  if (typeof path !== 'string') return null;
  if ((contract[method] as MethodSpec).writesFile) {
    if (context.isChosenSavePath(path)) return null;
    return error('permission_error', 'path_not_chosen', 'The file to write must be chosen in a save dialog (closebook.desktop.chooseSavePath)', { path });
  }
  if (context.isChosenOpenPath(path)) return null;
  return error('permission_error', 'path_not_chosen', 'The file to read must be one the person chose: in an open dialog (closebook.desktop.chooseOpenPath) or dropped on the window', { path });
}

function failure(type: ErrorType, code: string, message: string): Result<never> {
  return { ok: false, error: error(type, code, message) };
}

function error(type: ErrorType, code: string, message: string, detail: unknown = null): ApiError {
  return { type, code, message, detail, timestamp: new Date().toISOString() };
}

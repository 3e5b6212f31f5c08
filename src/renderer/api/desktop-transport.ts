import { contract, type InputOf, type MethodName, type ResultOf } from '../../shared/contract';
import type { ClosebookBridge } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import { localApiError } from './api-call-error';
import type { CallOptions, FileInputOf, FileSaveOptions, FileWritingMethod, SavedFile, Transport } from './transport';

// Desktop: the preload's window.closebook carries calls over IPC and pushes progress
// events; files go where the native save dialog says.

let lastCallId = 0;

/** The save dialog's file type, from the method's contract. */
const FILE_FILTERS: Record<'csv' | 'json', { name: string; extensions: string[] }> = {
  csv: { name: 'CSV files', extensions: ['csv'] },
  json: { name: 'JSON files', extensions: ['json'] },
};

export function desktopTransport(bridge: ClosebookBridge): Transport {
  async function call<K extends MethodName>(method: K, input: InputOf<K>, options: CallOptions): Promise<Result<ResultOf<K>>> {
    // Progress arrives as broadcast events named after the task; keep only this method's.
    const stop = options.onProgress
      ? bridge.on('progress', (event) => {
          if (event.task === method) options.onProgress?.(event);
        })
      : null;
    // Cancel through the bridge when the caller aborts; the core rolls the job back.
    const callId = options.signal ? `call-${++lastCallId}` : undefined;
    const onAbort = () => callId && bridge.cancel(callId);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await bridge.invoke(method, input, callId ? { callId } : undefined);
      // A call that finished before the cancel landed keeps its result (the import is kept).
      if (options.signal?.aborted && !result.ok) throw new DOMException('The call was cancelled', 'AbortError');
      return result;
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      // The bridge returns results as data; a throw means IPC itself failed.
      return { ok: false, error: localApiError('ipc_failed', `The call did not reach Closebook: ${(error as Error).message}`) };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      stop?.();
    }
  }

  async function saveFile<K extends FileWritingMethod>(method: K, input: FileInputOf<K>, options: FileSaveOptions): Promise<Result<SavedFile> | null> {
    const path = await bridge.desktop.chooseSavePath({
      title: options.title,
      defaultName: options.fileName,
      filters: [FILE_FILTERS[contract[method].fileType ?? 'csv']],
    });
    if (path === null) return null;
    const result = await call(method, { ...input, path } as InputOf<K>, options);
    if (!result.ok) return result;
    const written = result.value as { rowCount?: number; path?: string };
    return { ok: true, value: { rowCount: written.rowCount ?? 0, savedAs: written.path ?? path } };
  }

  return { mode: 'desktop', call, saveFile };
}

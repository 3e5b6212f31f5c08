import { contract, type InputOf, type MethodName, type ResultOf } from '../../shared/contract';
import type { BridgeEvents, ClosebookBridge, DesktopShell } from '../../shared/bridge';
import { ApiCallError } from './api-call-error';
import { browserTransport } from './browser-transport';
import { desktopTransport } from './desktop-transport';
import type { CallOptions, FileInputOf, FileSaveOptions, FileWritingMethod, SavedFile, Transport } from './transport';
import { uploadFile, type UploadInputOf } from './upload-file';

declare global {
  interface Window {
    /** Present only inside the desktop app (exposed by the preload). */
    closebook?: ClosebookBridge;
  }
}

// The one way the renderer talks to the core. The desktop app's preload exposes
// window.closebook; without it we are in browser mode and use loopback HTTP.
const bridge: ClosebookBridge | null = typeof window.closebook?.invoke === 'function' ? window.closebook : null;
const transport: Transport = bridge ? desktopTransport(bridge) : browserTransport();

export const api = {
  mode: transport.mode,

  /** Calls a method; resolves to its value or throws an ApiCallError carrying the API error. */
  async call<K extends MethodName>(method: K, input: InputOf<K>, options: CallOptions = {}): Promise<ResultOf<K>> {
    if (contract[method].writesFile) throw new Error(`${method} writes a file: use api.saveFile`);
    const result = await transport.call(method, input, options);
    if (!result.ok) throw new ApiCallError(method, result.error);
    return result.value;
  },

  /**
   * Runs a method that writes a file (contract `writesFile`): the desktop asks where to save
   * it, the browser downloads it. Resolves to null when the user cancelled the save dialog.
   */
  async saveFile<K extends FileWritingMethod>(method: K, input: FileInputOf<K>, options: FileSaveOptions): Promise<SavedFile | null> {
    if (!contract[method].writesFile) throw new Error(`${method} does not write a file`);
    const result = await transport.saveFile(method, input, options);
    if (result === null) return null;
    if (!result.ok) throw new ApiCallError(method, result.error);
    return result.value;
  },

  /**
   * Browser mode: sends a file to a method that reads one (contract `readsUpload`), with
   * upload progress. The desktop names files by path instead (desktop.pathForFile).
   */
  async upload<K extends MethodName>(method: K, input: UploadInputOf<K>, file: Blob, options: CallOptions = {}): Promise<ResultOf<K>> {
    if (!contract[method].readsUpload) throw new Error(`${method} does not read an upload`);
    if (transport.mode !== 'browser') throw new Error('Uploads are for browser mode; the desktop passes the file path');
    const result = await uploadFile(method, input, file, options);
    if (!result.ok) throw new ApiCallError(method, result.error);
    return result.value;
  },

  /** Desktop-only shell features (native dialogs, dropped files' paths); null in browser mode. */
  desktop: (bridge?.desktop ?? null) as DesktopShell | null,

  /** Events pushed by the desktop shell (menu commands, workspace changes); none in browser mode. */
  on<E extends keyof BridgeEvents>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    return bridge ? bridge.on(event, listener) : () => {};
  },
};

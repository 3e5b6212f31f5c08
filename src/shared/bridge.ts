import type { InputOf, MethodName, ResultOf } from './contract';
import type { WorkspaceInfo } from './contract/system';
import type { Result } from './errors';
import type { ProgressEvent } from './progress';

/** Commands the desktop menu sends to the page (File > Import, Export, ...). */
export type MenuCommand = 'export-view' | 'import-file' | 'toggle-sidebar';

export interface SaveDialogOptions {
  title: string;
  defaultName: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/** What only the desktop shell can do; absent in browser mode. */
export interface OpenDialogOptions {
  title: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface DesktopShell {
  /** Native open dialog; the chosen file's path, or null when cancelled. */
  chooseOpenPath(options: OpenDialogOptions): Promise<string | null>;
  /** The path on disk of a File dropped on (or picked in) the page; "" when it has none. */
  pathForFile(file: File): string;
  /** Native save dialog; the chosen path, or null when cancelled. */
  chooseSavePath(options: SaveDialogOptions): Promise<string | null>;
}

export interface BridgeEvents {
  progress: ProgressEvent;
  'workspace-changed': WorkspaceInfo;
  menu: MenuCommand;
}

/**
 * The one object the preload exposes (window.closebook), frozen. The renderer's API
 * client uses it in the desktop app and falls back to HTTP in browser mode.
 */
export interface ClosebookBridge {
  /** `callId` (unique per page) lets `cancel` stop the call while it runs. */
  invoke<K extends MethodName>(method: K, input: InputOf<K>, options?: { callId?: string }): Promise<Result<ResultOf<K>>>;
  /** Ask a running call to stop; a long job rolls back and answers with a 'cancelled' error. */
  cancel(callId: string): void;
  on<E extends keyof BridgeEvents>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
  desktop: DesktopShell;
}

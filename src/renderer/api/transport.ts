import type { InputOf, MethodName, ResultOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { ProgressEvent } from '../../shared/progress';

export interface CallOptions {
  /** Progress of a long job (exports, imports), as the core streams it. */
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

export interface FileSaveOptions extends CallOptions {
  /** Title of the save dialog (desktop). */
  title: string;
  /** Suggested file name, e.g. "revenues-2025-02.csv". */
  fileName: string;
}

/** Where a written file ended up. */
export interface SavedFile {
  rowCount: number;
  /** Full path on disk (desktop), or the downloaded file's name (browser). */
  savedAs: string;
}

/** Methods whose input names a file to write (contract spec `writesFile`). */
export type FileWritingMethod = {
  [K in MethodName]: InputOf<K> extends { path: string } ? K : never;
}[MethodName];

/** The input of a file-writing method without its path: the transport decides where the file goes. */
export type FileInputOf<K extends FileWritingMethod> = Omit<InputOf<K>, 'path'>;

/** One way of reaching the core: Electron IPC (desktop) or loopback HTTP (browser mode). */
export interface Transport {
  readonly mode: 'desktop' | 'browser';
  call<K extends MethodName>(method: K, input: InputOf<K>, options: CallOptions): Promise<Result<ResultOf<K>>>;
  /** Runs a file-writing method and delivers the file; null when the user cancelled the save dialog. */
  saveFile<K extends FileWritingMethod>(method: K, input: FileInputOf<K>, options: FileSaveOptions): Promise<Result<SavedFile> | null>;
}

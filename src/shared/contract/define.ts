import type { z } from 'zod';
import type { Permission } from '../permissions';

/**
 * One API method: its input schema, the permission a key needs, and (as a type only)
 * its result. Declared once here; the registry, the IPC bridge, HTTP and the CLI all
 * read the same declaration.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  input: I;
  /** null: any valid key may call it (ping). */
  permission: Permission | null;
  summary: string;
  /**
   * The method writes a file to `input.path`. Browser mode has no file system of its
   * own, so HTTP may choose a temporary path and send the file back as a download.
   */
  writesFile?: boolean;
  /** What the written file is, for the download's name and type (default csv). */
  fileType?: 'csv' | 'json';
  /**
   * The method reads a file the caller names in `input.path`. Over HTTP the body is the
   * file itself (the JSON input travels in the X-Closebook-Input header): it is staged
   * and its path passed on, so a browser never names a file on this machine.
   */
  readsUpload?: boolean;
  /** Phantom: carries the result type. Never set at run time. */
  readonly result?: R;
}

export function method<R>() {
  return <I extends z.ZodType>(spec: Omit<MethodSpec<I, R>, 'result'>): MethodSpec<I, R> => spec;
}

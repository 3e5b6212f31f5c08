import { ApiFailure } from '../../api/failure';
import type { RevenueColumn } from '../../../shared/contract/revenues';
import type { RevenueView } from '../../revenues/view';

/** The export a lines worker builds part of: the same view the exporting thread runs. */
export type LinesJob = { kind: 'revenues'; view: RevenueView & { columns: RevenueColumn[] } };

export interface LinesWorkerData {
  /** The workspace file, opened read-only by the worker. */
  database: string;
  job: LinesJob;
  /** How many lines the exporting thread's read found (the worker's must find as many). */
  count: number;
  /** Rows per chunk, as the exporting thread numbers them. */
  chunkRows: number;
  /** The temporary file (opened by the exporting thread, which closes and removes it) the worker writes its chunks to. */
  fd: number;
  /** Int32 [rows the worker wrote, chunks claimed by either thread]: see claimChunk. */
  shared: SharedArrayBuffer;
  /** Tests: the worker fails after this many chunks (a read or disk error mid-export). */
  failAfterChunks?: number;
}

export const WORKER_ROWS = 0;
const CLAIMED = 1;

/**
 * Claims the next chunk for a thread, or null when every chunk is taken: the exporting
 * thread takes chunks from the front (0, 1, ...), the worker from the back (last, last - 1,
 * ...), so they meet wherever their speeds put the seam, and each thread's chunks are one
 * run of lines. `taken` is how many this thread claimed before.
 */
export function claimChunk(shared: Int32Array, chunks: number, fromBack: boolean, taken: number): number | null {
  if (Atomics.add(shared, CLAIMED, 1) >= chunks) return null;
  return fromBack ? chunks - 1 - taken : taken;
}

/** An error thrown in the worker, as data: an ApiFailure stays one, an fs error keeps its code (ENOSPC). */
export type WireError = { kind: 'api'; type: ApiFailure['type']; code: string; message: string; detail: unknown } | { kind: 'other'; message: string; code?: string };

export type FromLinesWorker =
  /** lengths: the bytes of each chunk written, in the order written (the last chunk first). */
  | { type: 'done'; rows: number; lengths: number[]; changed: boolean; cpuSeconds: number | null }
  | { type: 'error'; error: WireError };

export function toWireError(error: unknown): WireError {
  if (error instanceof ApiFailure) return { kind: 'api', type: error.type, code: error.code, message: error.message, detail: error.detail };
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? { kind: 'other', message: e.message, code } : { kind: 'other', message: e.message };
}

/** The same error on this side, as the single-thread export would have thrown it. */
export function fromWireError(wire: WireError): Error {
  if (wire.kind === 'api') return new ApiFailure(wire.type, wire.code, wire.message, wire.detail);
  const error: NodeJS.ErrnoException = new Error(wire.message);
  if (wire.code) error.code = wire.code;
  return error;
}

import { ApiFailure } from '../../api/failure';
import type { RevenueColumn } from '../../../shared/contract/revenues';
import type { RevenueView } from '../../revenues/view';

/** The export a lines worker builds part of: the same view the exporting thread runs. */
export type LinesJob = { kind: 'revenues'; view: RevenueView & { columns: RevenueColumn[] } };

export interface LinesWorkerData {
  /** The workspace file, opened read-only by the worker. */
  database: string;
  job: LinesJob;
  /** The lines the exporting thread writes itself (the first ones, in the export's order). */
  skip: number;
  /** The temporary file (opened by the exporting thread, which closes and removes it) the worker writes its lines to. */
  fd: number;
  /** Int32 [rows written so far]: progress the exporting thread reads while it is busy. */
  progress: SharedArrayBuffer;
  /** Tests: the worker fails after this many chunks (a read or disk error mid-export). */
  failAfterChunks?: number;
}

/** An error thrown in the worker, as data: an ApiFailure stays one, an fs error keeps its code (ENOSPC). */
export type WireError = { kind: 'api'; type: ApiFailure['type']; code: string; message: string; detail: unknown } | { kind: 'other'; message: string; code?: string };

export type FromLinesWorker =
  | { type: 'done'; rows: number; bytes: number; changed: boolean; cpuSeconds: number | null }
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

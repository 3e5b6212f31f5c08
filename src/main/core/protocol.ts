import type { Permission } from '../../shared/permissions';
import type { Result } from '../../shared/errors';
import type { WorkspaceInfo } from '../../shared/contract/system';
import type { ProgressEvent } from '../api/context';

/** A principal as it crosses to the worker (a Set does not survive structured clone). */
export interface WirePrincipal {
  name: string;
  permissions: Permission[] | 'all';
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; principal: WirePrincipal; cancel: SharedArrayBuffer }
  | { type: 'authenticate'; id: number; secret: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; workspace: WorkspaceInfo }
  | { type: 'open-failed'; code: string; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'authenticated'; id: number; principal: WirePrincipal | null }
  | { type: 'progress'; id: number; event: ProgressEvent };

export interface CoreWorkerData {
  workspacePath: string;
  create: boolean;
}

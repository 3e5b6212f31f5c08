import type { Permission } from '../../shared/permissions';
import type { Result } from '../../shared/errors';
import type { WorkspaceInfo } from '../../shared/contract/system';
import type { ProgressEvent } from '../api/context';
import type { SyncSource } from '../../shared/contract/sync';
import type { SyncKeyEntries } from '../sync/host-key-store';

/** A principal as it crosses to the worker (a Set does not survive structured clone). */
export interface WirePrincipal {
  name: string;
  permissions: Permission[] | 'all';
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; principal: WirePrincipal; cancel: SharedArrayBuffer }
  | { type: 'authenticate'; id: number; secret: string }
  | { type: 'close' }
  /** The answer to a sync-key-save: error is the reason it was not kept, null when it was. */
  | { type: 'sync-key-saved'; id: number; error: string | null };

export type FromWorker =
  | { type: 'ready'; workspace: WorkspaceInfo }
  | { type: 'open-failed'; code: string; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'authenticated'; id: number; principal: WirePrincipal | null }
  | { type: 'progress'; id: number; event: ProgressEvent }
  /** The desktop's sync.setKey: asks the main process to encrypt and keep (or forget) a key. */
  | { type: 'sync-key-save'; id: number; orgId: string; source: SyncSource; key: string | null };

export interface CoreWorkerData {
  workspacePath: string;
  create: boolean;
  /** Desktop only: the decrypted sync keys (memory only, never logged); absent in browser mode and the CLI. */
  syncKeys?: SyncKeyEntries;
}

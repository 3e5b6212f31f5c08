import type { Permission } from '../../shared/permissions';
import type { ProgressEvent } from '../../shared/progress';

export type { ProgressEvent };
import type { Workspace } from '../db/workspace';

/** Who is calling: the local user (all permissions) or an API key. */
export interface Principal {
  name: string;
  permissions: ReadonlySet<Permission> | 'all';
}

export const LOCAL_USER: Principal = { name: 'local user', permissions: 'all' };

export interface CallContext {
  workspace: Workspace;
  principal: Principal;
  /** Long jobs report progress through this; transports forward it as events. */
  progress: (event: ProgressEvent) => void;
  /** Set when the caller cancels; long jobs check it between chunks. */
  signal: CancelSignal;
}


/** The part of AbortSignal a job reads. The worker backs it with shared memory, so a
 * cancel lands even while a long synchronous job holds the thread. */
export interface CancelSignal {
  readonly aborted: boolean;
}

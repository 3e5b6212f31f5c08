/** Why a file could not be opened as a workspace. The file is left as it was. */
export type WorkspaceErrorCode =
  | 'workspace_is_directory'
  | 'workspace_unreadable'
  | 'workspace_not_sqlite'
  | 'workspace_not_closebook'
  | 'workspace_corrupt'
  | 'workspace_newer'
  | 'workspace_diverged'
  | 'workspace_locked'
  | 'workspace_in_use'
  | 'workspace_missing';

export class WorkspaceError extends Error {
  constructor(
    readonly code: WorkspaceErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WorkspaceSession } from './workspace-session';

export interface FirstWorkspaceChoices {
  session: Pick<WorkspaceSession, 'open'>;
  /** A file macOS asked the app to open before it was ready. */
  pendingOpenFile: string | null;
  /** --workspace FILE. */
  launchWorkspace: string | null;
  /** Open Recent, most recent first. */
  recent: readonly string[];
  /** Workspace.closebook in the user-data folder. */
  defaultPath: string;
}

/**
 * Opens the workspace a launch starts with: the file macOS asked for, else --workspace,
 * else the most recent one, else the default file (made when missing). Each that fails
 * has told the user why, and the next is tried. On a first launch that is a new, empty
 * default workspace, where the page shows its welcome panel.
 */
export async function openFirstWorkspace(choices: FirstWorkspaceChoices): Promise<void> {
  const { session, pendingOpenFile, launchWorkspace, recent, defaultPath } = choices;
  // A file macOS asked us to open must exist; --workspace FILE may name a new one (as in the CLI).
  if (pendingOpenFile && (await session.open(pendingOpenFile, { create: false }))) return;
  if (launchWorkspace && (await session.open(launchWorkspace, { create: true }))) return;
  if (recent[0] && (await session.open(recent[0], { create: false }))) return;
  mkdirSync(dirname(defaultPath), { recursive: true });
  await session.open(defaultPath, { create: true });
}

/** spawnSync, as far as the scripts use it (tests pass a fake). */
export type ToolRunner = (
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; [option: string]: unknown },
) => { status?: number | null; stdout?: string | null; stderr?: string | null; error?: Error };

export function electronPackageDir(root: string): string;
export function electronVersion(root: string): string;
export function electronBinaryPath(root: string, env?: NodeJS.ProcessEnv): string | null;
export function binaryMissingMessage(version: string, reason: string | null): string;
export function downloadFailureReason(output: string | null | undefined): string | null;
export function ensureElectronBinary(
  root: string,
  options?: { run?: ToolRunner; env?: NodeJS.ProcessEnv },
): { ok: true; path: string } | { ok: false; message: string };

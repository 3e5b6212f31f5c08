import type { ToolRunner } from './electron-binary.mjs';

export interface NativeTarget {
  version: string;
  platform?: NodeJS.Platform;
  arch?: string;
}

export const NATIVE_BINDING_ENV: 'CLOSEBOOK_SQLITE_BINDING';
export function nativeCacheDir(root: string, target: NativeTarget): string;
export function nativeBindingPath(root: string, target: NativeTarget): string;
export function buildToolEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function prebuildInstallArgs(target: NativeTarget): string[];
export function nodeGypArgs(target: NativeTarget): string[];
export function findNodeGyp(root: string, env?: NodeJS.ProcessEnv): string | null;
export function failureReason(result: { error?: Error; stderr?: string | null; stdout?: string | null; status?: number | null }): string;
export function nativeBuildFailedMessage(target: NativeTarget, attempts: Array<{ tool: string; reason: string }>): string;
export function ensureElectronSqlite(
  root: string,
  target: NativeTarget,
  options?: { run?: ToolRunner; env?: NodeJS.ProcessEnv; log?: (message: string) => void },
): { ok: true; path: string; built: boolean } | { ok: false; message: string };

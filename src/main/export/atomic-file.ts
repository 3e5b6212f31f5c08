import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { ApiFailure } from '../api/failure';

/**
 * Write a file the user asked for: to `<path>.partial`, synced and renamed at the end, so
 * a failure or a cancel (an exception from `write`) never leaves half a file behind.
 * `write` gets the open descriptor and returns what it wants passed back.
 */
export function writeFileAtomically<T>(path: string, write: (fd: number) => T): T {
  const { fd, partial } = openPartial(path);
  try {
    const result = write(fd);
    keep(fd, partial, path);
    return result;
  } catch (error) {
    abandon(fd, partial);
    throw error;
  }
}

/** writeFileAtomically for a `write` that awaits (a second thread building part of the file). */
export async function writeFileAtomicallyAsync<T>(path: string, write: (fd: number) => Promise<T>): Promise<T> {
  const { fd, partial } = openPartial(path);
  try {
    const result = await write(fd);
    keep(fd, partial, path);
    return result;
  } catch (error) {
    abandon(fd, partial);
    throw error;
  }
}

function openPartial(path: string): { fd: number; partial: string } {
  const partial = `${path}.partial`;
  try {
    return { fd: openSync(partial, 'w'), partial };
  } catch (error) {
    throw new ApiFailure('validation_error', 'export_path_unwritable', `Cannot write ${path}: ${(error as Error).message}`, { path });
  }
}

function keep(fd: number, partial: string, path: string): void {
  fsyncSync(fd);
  closeSync(fd);
  renameSync(partial, path);
}

function abandon(fd: number, partial: string): void {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
  rmSync(partial, { force: true });
}

import { createWriteStream, mkdirSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { apiError } from './api-error';

/** Large enough for a 2 GB CSV and its headers. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2.5 * 1024 ** 3;
/** Room an upload always leaves on the disk, for the workspace's own writes. */
export const FREE_SPACE_MARGIN_BYTES = 512 * 1024 ** 2;
/** A staged file no import used for this long is swept away. */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;
const DIR_PREFIX = 'closebook-uploads-';

/**
 * Where browser uploads wait for the import that reads them: a folder only this user can
 * open (0700) holding files only this user can read (0600), named after the server's
 * process so a later start can tell a crashed server's leftovers from a running one's.
 * Exports waiting to be downloaded live in it too.
 */
export class UploadStaging {
  readonly dir: string;

  constructor(
    dir: string | undefined,
    private readonly maxBytes = DEFAULT_MAX_UPLOAD_BYTES,
    private readonly freeMarginBytes = FREE_SPACE_MARGIN_BYTES,
  ) {
    if (!dir) removeLeftovers(tmpdir());
    this.dir = normalize(dir ?? join(tmpdir(), `${DIR_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`));
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** What one upload may hold now: the setting, and never past the free disk space less the margin. */
  limitBytes(): number {
    const { bavail, bsize } = statfsSync(this.dir);
    return Math.max(0, Math.min(this.maxBytes, Number(bavail) * Number(bsize) - this.freeMarginBytes));
  }

  /** A new private path in the folder (for an upload or an export). */
  newPath(extension = ''): string {
    return join(this.dir, randomBytes(12).toString('hex') + extension);
  }

  contains(path: string): boolean {
    return normalize(path).startsWith(this.dir + sep);
  }

  /** Stream the request body into a new file; over the limit: 413 and nothing kept. */
  async receive(req: IncomingMessage): Promise<string> {
    this.sweep();
    const limit = this.limitBytes();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      throw tooLarge(limit);
    }
    const path = this.newPath();
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limit ? Object.assign(new Error('too large'), { tooLarge: true }) : null, chunk);
      },
    });
    try {
      await pipeline(req, counter, createWriteStream(path, { mode: 0o600, flags: 'wx' }));
    } catch (error) {
      rmSync(path, { force: true });
      if ((error as { tooLarge?: boolean }).tooLarge) {
        req.resume();
        throw tooLarge(limit);
      }
      throw apiError('validation_error', 'upload_failed', `The upload did not arrive whole: ${(error as Error).message}`);
    }
    return path;
  }

  /** Remove a staged file (the import that read it has ended); paths outside the folder are left alone. */
  remove(path: string): void {
    if (this.contains(path)) rmSync(normalize(path), { force: true });
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private sweep(): void {
    const now = Date.now();
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      try {
        if (now - statSync(path).mtimeMs > STALE_UPLOAD_MS) rmSync(path, { force: true });
      } catch {
        // gone already
      }
    }
  }
}

function tooLarge(limit: number) {
  return apiError(
    'payload_too_large',
    'upload_too_large',
    `The file is larger than this server accepts (${Math.floor(limit / 1024 ** 2).toLocaleString('en-US')} MB: the upload limit, or the free disk space less a margin)`,
    { limit },
  );
}

/** Staging folders of servers that are no longer running (a crash, a kill) are removed at start-up. */
export function removeLeftovers(parent: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = /^closebook-uploads-(\d+)-[0-9a-f]+$/.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // someone else's live process
  }
}

import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { CsvParseError } from '../parse';

/** What identifies a file's content: re-importing the same bytes is recognised by sha256. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Size and SHA-256 of a file, read once before the import (about 0.1 s per 100 MB): the
 * batch needs the hash when it starts, to find earlier imports of the same file.
 */
export async function fingerprintFile(path: string, signal?: { readonly aborted: boolean }): Promise<FileFingerprint> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new CsvParseError('unreadable_file', `Cannot open ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  try {
    const before = await handle.stat();
    if (!before.isFile()) throw new CsvParseError('unreadable_file', `${path} is not a file.`);
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let size = 0;
    for (;;) {
      if (signal?.aborted) throw new CsvParseError('cancelled', 'The import was cancelled.');
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, size);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { size, mtimeMs: before.mtimeMs, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** After the rows were read: the file must still be the one hashed, or the batch would record the wrong file. */
export async function assertUnchanged(path: string, before: FileFingerprint): Promise<void> {
  let after;
  try {
    after = await stat(path);
  } catch {
    after = null;
  }
  if (!after || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    throw new CsvParseError('file_changed', `${path} changed while it was being imported (another program wrote to it); import it again once it is saved.`);
  }
}

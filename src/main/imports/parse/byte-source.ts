import { open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { CsvParseError } from './parse-error';

/** A file path, the bytes themselves, or a stream of bytes (a Node Readable). */
export type CsvSource = string | Uint8Array | AsyncIterable<Uint8Array>;

/** Bytes of a source, one chunk at a time. */
export interface ByteSource {
  /** Size in bytes, when known before reading. */
  readonly totalBytes: number | null;
  /** The next chunk, or null at the end. */
  read(): Promise<Uint8Array | null>;
  /** Called after the last read: 'file_changed' if the file was modified while being read. */
  checkUnchanged(bytesRead: number): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_CHUNK_BYTES = 1 << 20;

export async function openByteSource(source: CsvSource, chunkBytes = DEFAULT_CHUNK_BYTES): Promise<ByteSource> {
  if (typeof source === 'string') return openFile(source, chunkBytes);
  if (source instanceof Uint8Array) return bytesSource(source, chunkBytes);
  return streamSource(source);
}

async function openFile(path: string, chunkBytes: number): Promise<ByteSource> {
  let handle: FileHandle;
  let before: Stats;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new CsvParseError('unreadable_file', `Cannot open ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  try {
    before = await handle.stat();
    if (!before.isFile()) throw new CsvParseError('unreadable_file', `${path} is not a file.`);
  } catch (error) {
    await handle.close();
    throw error;
  }
  let position = 0;
  let closed = false;
  return {
    totalBytes: before.size,
    async read() {
      // A fresh buffer per read: decoded text and carried bytes never alias a reused one.
      const buffer = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, position);
      position += bytesRead;
      return bytesRead === 0 ? null : buffer.subarray(0, bytesRead);
    },
    async checkUnchanged(bytesRead) {
      const after = await handle.stat();
      if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || bytesRead !== before.size) {
        throw new CsvParseError('file_changed', `${path} changed while it was being read (another program wrote to it); import it again once it is saved.`);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

function bytesSource(bytes: Uint8Array, chunkBytes: number): ByteSource {
  let position = 0;
  return {
    totalBytes: bytes.length,
    async read() {
      if (position >= bytes.length) return null;
      const chunk = bytes.subarray(position, position + chunkBytes);
      position += chunk.length;
      return chunk;
    },
    async checkUnchanged() {},
    async close() {},
  };
}

function streamSource(stream: AsyncIterable<Uint8Array>): ByteSource {
  const iterator = stream[Symbol.asyncIterator]();
  return {
    totalBytes: null,
    async read() {
      const next = await iterator.next();
      if (next.done) return null;
      if (!(next.value instanceof Uint8Array)) throw new TypeError('readCsv needs a stream of bytes; do not set an encoding on the stream.');
      return next.value;
    },
    async checkUnchanged() {},
    async close() {
      await iterator.return?.();
    },
  };
}

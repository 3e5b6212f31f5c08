import { TextDecoder } from 'node:util';
import { encodingName } from './detect-encoding';
import type { CsvEncoding } from '../../../shared/contract/file-format';
import { countText } from './parse-error';
import { completeUtf8Length, firstInvalidUtf8Offset } from './utf8-boundary';
import { decodeWindows1252 } from './windows-1252';

/** Bytes that do not decode; the reader turns it into an 'invalid_encoding' error with a row. */
export class InvalidBytes extends Error {
  constructor(
    readonly byteOffset: number,
    readonly problem: string,
    /** The text decoded before the bad bytes in this chunk, to count lines to them. */
    readonly textBefore: string,
    /** The bytes from the bad one to the end of its cell (as far as this read holds, at most 64), to show them read two ways. */
    readonly cellBytes: Uint8Array = new Uint8Array(0),
  ) {
    super(problem);
  }
}

const EMPTY = new Uint8Array(0);

/**
 * Decodes a file chunk by chunk, strictly: a byte sequence that is not valid in the
 * encoding is an error naming its offset, never a U+FFFD in the data. A character cut
 * by a chunk end is carried to the next chunk, so offsets stay exact.
 */
export class ChunkDecoder {
  // ignoreBOM keeps a U+FEFF at a chunk start as data; the file's own BOM is skipped by offset.
  private readonly decoder: TextDecoder | null;
  private tail: Uint8Array = EMPTY;
  /** File offset of the first byte not yet decoded. */
  private offset: number;

  constructor(
    readonly encoding: CsvEncoding,
    startOffset: number,
  ) {
    this.decoder = encoding === 'windows-1252' ? null : new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    this.offset = startOffset;
  }

  /** Decode the next bytes. The caller may reuse `bytes` afterwards. */
  decode(bytes: Uint8Array, final: boolean): string {
    const input = this.tail.length > 0 ? concat(this.tail, bytes) : bytes;
    const keep = final ? input.length : this.completeLength(input);
    const body = input.subarray(0, keep);
    let text: string;
    if (this.decoder === null) {
      text = decodeWindows1252(body); // every byte decodes
    } else {
      try {
        text = this.decoder.decode(body);
      } catch {
        throw this.invalid(this.decoder, body);
      }
    }
    this.tail = keep < input.length ? input.slice(keep) : EMPTY;
    this.offset += keep;
    return text;
  }

  private completeLength(bytes: Uint8Array): number {
    if (this.encoding === 'utf-8') return completeUtf8Length(bytes);
    if (this.encoding === 'windows-1252') return bytes.length;
    let even = bytes.length & ~1;
    if (even >= 2) {
      const unit = this.encoding === 'utf-16le' ? bytes[even - 2] | (bytes[even - 1] << 8) : (bytes[even - 2] << 8) | bytes[even - 1];
      if (unit >= 0xd800 && unit <= 0xdbff) even -= 2; // high surrogate waits for its pair
    }
    return even;
  }

  private invalid(decoder: TextDecoder, body: Uint8Array): InvalidBytes {
    const at = this.encoding === 'utf-8' ? firstInvalidUtf8Offset(body) : firstInvalidUtf16Offset(body, this.encoding === 'utf-16le');
    const where = Math.max(at, 0);
    const textBefore = decoder.decode(body.subarray(0, where));
    const fileOffset = this.offset + where;
    const name = encodingName(this.encoding);
    const remaining = body.length - where;
    let problem: string;
    let cellBytes: Uint8Array | undefined;
    if (this.encoding === 'utf-8') {
      // Only the last read can end inside a character; earlier ones carry it over.
      const cut = completeUtf8Length(body) === where && where < body.length;
      problem = cut
        ? `the file ends in the middle of a ${name} character (offset ${countText(fileOffset)})`
        : `byte 0x${hex(body[where])} at offset ${countText(fileOffset)} is not valid ${name}`;
      if (!cut) cellBytes = restOfCell(body, where);
    } else {
      problem =
        remaining < 2 || (remaining < 4 && isHighSurrogateAt(body, where, this.encoding === 'utf-16le'))
          ? `the file ends in the middle of a ${name} character (offset ${countText(fileOffset)})`
          : `the ${name} character at offset ${countText(fileOffset)} is an unpaired surrogate`;
    }
    return new InvalidBytes(fileOffset, problem, textBefore, cellBytes);
  }
}

// Bytes that end a cell in any of the delimiters a file may use (ASCII, so the same in UTF-8 and Windows-1252).
const CELL_ENDS = new Set([0x2c, 0x3b, 0x09, 0x7c, 0x22, 0x0a, 0x0d]);

function restOfCell(body: Uint8Array, from: number): Uint8Array {
  let end = from;
  while (end < body.length && end - from < 64 && !CELL_ENDS.has(body[end])) end++;
  return body.slice(from, end);
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function unitAt(bytes: Uint8Array, i: number, littleEndian: boolean): number {
  return littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
}

function isHighSurrogateAt(bytes: Uint8Array, i: number, littleEndian: boolean): boolean {
  if (i + 1 >= bytes.length) return false;
  const unit = unitAt(bytes, i, littleEndian);
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Offset of the first unpaired surrogate or dangling odd byte; -1 if none. */
function firstInvalidUtf16Offset(bytes: Uint8Array, littleEndian: boolean): number {
  let i = 0;
  while (i + 1 < bytes.length) {
    const unit = unitAt(bytes, i, littleEndian);
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unitAt(bytes, i + 2, littleEndian);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 4;
      continue;
    }
    i += 2;
  }
  return i < bytes.length ? i : -1;
}

import { isUtf8 } from 'node:buffer';
import type { CsvEncoding } from '../../../shared/contract/file-format';
import { countText, CsvParseError } from './parse-error';
import { completeUtf8Length, firstInvalidUtf8Offset } from './utf8-boundary';

export interface EncodingDetection {
  encoding: CsvEncoding;
  hadBom: boolean;
  /** Bytes of byte-order mark skipped before the text (0 when none). */
  bomLength: number;
  /** How the encoding was decided; the wizard shows it so nothing is guessed silently. */
  source: 'bom' | 'chosen' | 'detected';
  /** 'certain' for a BOM or a choice; 'high' when non-ASCII text decoded as UTF-8; else 'low'. */
  confidence: 'certain' | 'high' | 'low';
  reason: string;
}

const BOMS: ReadonlyArray<{ encoding: CsvEncoding; bytes: readonly number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252 (Latin-1)',
};

export function encodingName(encoding: CsvEncoding): string {
  return ENCODING_NAMES[encoding];
}

function startsWith(sample: Uint8Array, bytes: readonly number[]): boolean {
  return sample.length >= bytes.length && bytes.every((b, i) => sample[i] === b);
}

/** The encoding whose byte-order mark starts the sample, if any. */
export function bomOf(sample: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  // FF FE 00 00 is a UTF-32LE mark, not UTF-16LE followed by a NUL.
  if (startsWith(sample, [0xff, 0xfe, 0x00, 0x00]) || startsWith(sample, [0x00, 0x00, 0xfe, 0xff])) {
    throw new CsvParseError('invalid_encoding', 'The file is UTF-32, which is not supported: save it as UTF-8 and import it again.', { byteOffset: 0 });
  }
  const bom = BOMS.find((b) => startsWith(sample, b.bytes));
  return bom ? { encoding: bom.encoding, length: bom.bytes.length } : null;
}

/**
 * Decide the encoding from the first bytes of the file (or take the chosen one).
 * Without a BOM: UTF-8 if the sample decodes strictly, else Windows-1252, which decodes
 * every byte (Latin-1 is its subset), so no replacement character is ever produced.
 * @param isWholeFile the sample is the entire file, so a cut character at its end is an error.
 */
export function detectEncoding(sample: Uint8Array, chosen: CsvEncoding | 'auto' = 'auto', isWholeFile = false): EncodingDetection {
  const bom = bomOf(sample);
  if (chosen !== 'auto') {
    if (bom && bom.encoding !== chosen) {
      throw new CsvParseError(
        'invalid_encoding',
        `The file starts with a ${encodingName(bom.encoding)} byte-order mark, but ${encodingName(chosen)} was chosen: choose ${encodingName(bom.encoding)}.`,
        { byteOffset: 0 },
      );
    }
    return {
      encoding: chosen,
      hadBom: bom !== null,
      bomLength: bom?.length ?? 0,
      source: 'chosen',
      confidence: 'certain',
      reason: `${encodingName(chosen)}, as chosen`,
    };
  }
  if (bom) {
    return {
      encoding: bom.encoding,
      hadBom: true,
      bomLength: bom.length,
      source: 'bom',
      confidence: 'certain',
      reason: `${encodingName(bom.encoding)} byte-order mark`,
    };
  }
  rejectUtf16WithoutBom(sample);
  // A multi-byte character cut by the end of the sample is not an error unless the file ends there.
  const complete = isWholeFile ? sample.length : completeUtf8Length(sample);
  const body = sample.subarray(0, complete);
  if (isUtf8(body)) {
    const ascii = body.every((b) => b < 0x80);
    return {
      encoding: 'utf-8',
      hadBom: false,
      bomLength: 0,
      source: 'detected',
      confidence: ascii ? 'low' : 'high',
      reason: ascii
        ? `the first ${countText(body.length)} bytes are plain ASCII, which UTF-8 and Windows-1252 read alike; read as UTF-8 (a later byte that is not UTF-8 stops the import at its row)`
        : `the first ${countText(body.length)} bytes are valid UTF-8 with accented or other non-ASCII characters`,
    };
  }
  const offset = firstInvalidUtf8Offset(body);
  return {
    encoding: 'windows-1252',
    hadBom: false,
    bomLength: 0,
    source: 'detected',
    confidence: 'low',
    reason: `byte 0x${(body[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${countText(offset)} is not valid UTF-8; read as Windows-1252 (Latin-1)`,
  };
}

// UTF-16 text without a BOM has a NUL in every other byte for Latin letters; say so
// instead of calling it binary.
function rejectUtf16WithoutBom(sample: Uint8Array): void {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  const byteOrder = oddNuls > pairs * 0.4 && evenNuls < pairs * 0.1 ? 'UTF-16LE' : evenNuls > pairs * 0.4 && oddNuls < pairs * 0.1 ? 'UTF-16BE' : null;
  if (byteOrder) {
    throw new CsvParseError(
      'invalid_encoding',
      `The file looks like ${byteOrder} text without a byte-order mark: choose ${byteOrder} as the encoding.`,
      { byteOffset: 0 },
    );
  }
}

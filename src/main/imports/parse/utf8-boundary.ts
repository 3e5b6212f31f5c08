// Byte-level UTF-8 helpers for chunked reading: where the last complete character ends
// (so a character split across two reads is carried, not rejected), and where the first
// invalid byte is (so an error can name its offset). Only the error path walks bytes.

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0; // continuation byte or never valid
}

/** Length of the prefix that holds no cut-off character at its end. */
export function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= 0 && i >= end - 3; i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue; // continuation: keep looking for its lead byte
    const need = sequenceLength(b);
    return need > 1 && i + need > end ? i : end;
  }
  return end;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence; -1 if none. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = sequenceLength(b);
    if (need === 0) return i;
    if (need === 1) {
      i++;
      continue;
    }
    if (i + need > bytes.length) return i;
    const second = bytes[i + 1];
    // The tighter second-byte ranges exclude overlong forms, surrogates and > U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need;
  }
  return -1;
}

// External ids that look like a billing system's ("ch_1x3k9qz") and are unique by
// construction: a sequence number goes through a keyed 32-bit bijection, so no two
// sequence numbers share an id and no lookup table is needed for millions of rows.

/** Most rows one demo can hold: every sequence number must map to its own id. */
export const MAX_SEQUENCE = 0xffffffff;

/** Invertible 32-bit mix (lowbias32): xor-shifts and odd multiplies are bijections. */
export function scramble32(value: number, key: number): number {
  let x = (value ^ key) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * `prefix` + 7 base-36 characters (36^7 > 2^32, so the width never varies). The prefix
 * is folded into the key so payee 5, product 5 and sale 5 do not share a suffix.
 */
export function externalId(prefix: string, sequence: number, key: number): string {
  return prefix + scramble32(sequence, (key ^ prefixKey(prefix)) >>> 0).toString(36).padStart(7, '0');
}

const prefixKeys = new Map<string, number>();

function prefixKey(prefix: string): number {
  let h = prefixKeys.get(prefix);
  if (h === undefined) {
    h = 0x811c9dc5; // FNV-1a
    for (let i = 0; i < prefix.length; i++) h = Math.imul(h ^ prefix.charCodeAt(i), 0x01000193) >>> 0;
    prefixKeys.set(prefix, h);
  }
  return h;
}

/** Bits per layer: 2^25 bits (4 MiB) hold LAYER_KEYS keys at about 0.5 % false "maybe". */
const LAYER_BITS = 1 << 25;
const LAYER_KEYS = 2_000_000;
/** Past this many layers (32 MiB) the filter stops growing and answers "maybe" more often. */
const MAX_LAYERS = 8;
const HASHES = 3;

/** A key's two 32-bit hashes (see keyHash), for double hashing. */
export type KeyHash = readonly [number, number];

/**
 * A Bloom filter of text keys: "certainly not added" or "maybe added". Holding every key a
 * million-row import writes in a Set costs hundreds of MB; this costs 4 MiB per two million
 * keys. A "maybe" that is wrong only sends the caller to the exact (slower) check, so the
 * answer "not added" is the only one that must be right, and it always is. Keys compare
 * exactly, as SQLite's default (binary) text comparison does.
 */
export class KeyFilter {
  private readonly layers: Uint32Array[] = [];
  private keysInLast = LAYER_KEYS;

  add(key: string): void {
    this.addHash(keyHash(key));
  }

  mayHave(key: string): boolean {
    return this.mayHaveHash(keyHash(key));
  }

  addHash([h1, h2]: KeyHash): void {
    if (this.keysInLast >= LAYER_KEYS && this.layers.length < MAX_LAYERS) {
      this.layers.push(new Uint32Array(LAYER_BITS / 32));
      this.keysInLast = 0;
    }
    const layer = this.layers[this.layers.length - 1];
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + i * h2) & (LAYER_BITS - 1);
      layer[bit >>> 5] |= 1 << (bit & 31);
    }
    this.keysInLast++;
  }

  mayHaveHash([h1, h2]: KeyHash): boolean {
    for (const layer of this.layers) {
      let all = true;
      for (let i = 0; i < HASHES && all; i++) {
        const bit = (h1 + i * h2) & (LAYER_BITS - 1);
        all = (layer[bit >>> 5] & (1 << (bit & 31))) !== 0;
      }
      if (all) return true;
    }
    return false;
  }
}

/**
 * Two independent 32-bit hashes (FNV-1a and a multiplicative one) of the parts read as one
 * key, a NUL after each part but the last: the key is never built as a string (building and
 * then reading it cost more than the hashing).
 */
export function keyHash(...parts: string[]): KeyHash {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    if (p < parts.length - 1) {
      a = Math.imul(a, 0x01000193);
      b = Math.imul(b, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  // An odd step visits distinct bits.
  return [a >>> 0, (b | 1) >>> 0];
}

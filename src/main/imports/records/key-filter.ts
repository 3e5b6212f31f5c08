/** Bits per layer: 2^25 bits (4 MiB) hold LAYER_KEYS keys at about 0.5 % false "maybe". */
const LAYER_BITS = 1 << 25;
const LAYER_KEYS = 2_000_000;
/** Past this many layers (32 MiB) the filter stops growing and answers "maybe" more often. */
const MAX_LAYERS = 8;
const HASHES = 3;

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
    if (this.keysInLast >= LAYER_KEYS && this.layers.length < MAX_LAYERS) {
      this.layers.push(new Uint32Array(LAYER_BITS / 32));
      this.keysInLast = 0;
    }
    const layer = this.layers[this.layers.length - 1];
    const [h1, h2] = hashes(key);
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + i * h2) & (LAYER_BITS - 1);
      layer[bit >>> 5] |= 1 << (bit & 31);
    }
    this.keysInLast++;
  }

  mayHave(key: string): boolean {
    if (this.layers.length === 0) return false;
    const [h1, h2] = hashes(key);
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

/** Two independent 32-bit hashes of the key (FNV-1a and a multiplicative one), for double hashing. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // An odd step visits distinct bits.
  return [a >>> 0, (b | 1) >>> 0];
}

// A seeded PRNG so a demo workspace is reproducible: the same seed gives the same rows on
// every machine and Node version (Math.random cannot be seeded). sfc32 is small, fast
// and passes PractRand; splitmix32 spreads a small seed (1, 2, 3...) over its 128-bit state.

const TWO_POW_32 = 4294967296;

function splitmix32(state: number): { state: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return { state: next, value: (z ^ (z >>> 16)) >>> 0 };
}

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any non-negative safe integer; its high bits count too. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
    let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_POW_32), 0x27d4eb2d);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const step = splitmix32(state);
      state = step.state;
      words.push(step.value);
    }
    [this.a, this.b, this.c, this.d] = words;
    for (let i = 0; i < 12; i++) this.uint32(); // let the state mix before the first use
  }

  /** Next 32-bit unsigned integer (sfc32). */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Integer in [0, n), n <= 2^32. */
  below(n: number): number {
    return Math.floor((this.uint32() / TWO_POW_32) * n);
  }

  /** Integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  /** True with probability percent/100. */
  percent(percent: number): boolean {
    return this.below(10_000) < percent * 100;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.below(items.length)];
  }

  /** A random subset of `count` distinct items, in list order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.below(items.length));
    return [...chosen].sort((x, y) => x - y).map((i) => items[i]);
  }

  /** Index drawn with the given integer weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.below(total);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A version-4-shaped UUID made from this stream (not from the system's entropy). */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () => this.uint32().toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** An independent stream for one part of the demo, so adding rows to one part does not shift the others. */
  fork(label: string): SeededRandom {
    let h = 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new SeededRandom(((this.uint32() ^ h) >>> 0) + (this.uint32() >>> 11) * TWO_POW_32);
  }
}

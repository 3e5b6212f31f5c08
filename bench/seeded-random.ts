// The benches' deterministic generator (mulberry32): the same seed gives the same data every
// run, so figures from different runs are comparable.

export interface SeededRandom {
  /** A number in [0, 1). */
  random(): number;
  /** An integer from min to max, both included. */
  between(min: number, max: number): number;
  /** A decimal string with six decimals (a sub-cent part), from 0 up to `maxUnits`.999999. */
  microMoney(maxUnits: number): string;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed;
  function random(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const microMoney = (maxUnits: number) => `${between(0, maxUnits)}.${String(between(0, 999_999)).padStart(6, '0')}`;
  return { random, between, microMoney };
}
